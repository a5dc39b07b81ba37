import { useCallback, useEffect, useRef, useState } from 'react';
import { BuilderApiError } from '../../../../shared/api/apiError';
import type { BuilderClient } from '../../../../shared/api/client';
import type { BrowserInputEventInput, BrowserSession } from '../../../../shared/model/captureBrowser';
import { describeError } from '../../app/projectSession';
import { coalesce } from './browserInput';

export interface OpenOptions {
  projectPath: string;
  projectId: string;
  url: string;
  viewport: { width: number; height: number };
  deviceScaleFactor: number;
  useSignIn: boolean;
}

export interface StreamedFrame {
  dataUrl: string;
  width: number;
  height: number;
}

/** The long poll's wait: the host answers sooner as soon as a new frame exists. */
const FRAME_WAIT_MS = 5_000;
/** After a failed frame request, wait this long before the next (the host may be busy); give up after a few. */
const RETRY_MS = 500;
const MAX_FAILURES = 5;
const MAX_BATCH = 200;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One live capture-browser session: opened on mount, closed on unmount. Frames come from a
 * `browser.frame` long poll with one request in flight (the next asks for frames after the last
 * seq); input goes out in order, one `browser.input` batch at a time, moves collapsed while one is
 * on its way.
 */
export function useBrowserSession(client: BuilderClient, options: OpenOptions) {
  const [session, setSession] = useState<BrowserSession | null>(null);
  const [frame, setFrame] = useState<StreamedFrame | null>(null);
  /** Why the session could not start or ended; the view offers to start again. */
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const sessionId = useRef<string | null>(null);
  const queue = useRef<BrowserInputEventInput[]>([]);
  const sending = useRef(false);
  const openOptions = useRef(options);
  /** Ends the running session's frame loop now and resolves once the host has closed it. */
  const stopCurrent = useRef<() => Promise<void>>(async () => undefined);

  useEffect(() => {
    let stopped = false;
    let openedId: string | null = null;
    stopCurrent.current = async () => {
      stopped = true;
      sessionId.current = null;
      const id = openedId;
      openedId = null;
      if (id) await client.call('browser.close', { sessionId: id }).catch(() => undefined);
    };
    const run = async () => {
      let opened: BrowserSession;
      try {
        opened = await client.call('browser.open', openOptions.current);
      } catch (error) {
        if (!stopped) setFailure(describeError(error));
        return;
      }
      openedId = opened.sessionId;
      if (stopped) {
        void client.call('browser.close', { sessionId: opened.sessionId }).catch(() => undefined);
        return;
      }
      sessionId.current = opened.sessionId;
      setSession(opened);
      let seq = 0;
      let failures = 0;
      while (!stopped) {
        try {
          const answer = await client.call('browser.frame', { sessionId: opened.sessionId, afterSeq: seq, waitMs: FRAME_WAIT_MS });
          if (stopped) return;
          failures = 0;
          seq = answer.seq;
          if (answer.frame) setFrame(answer.frame);
          setSession(answer.session);
        } catch (error) {
          if (stopped) return;
          const gone = error instanceof BuilderApiError && (error.code === 'notFound' || error.code === 'unsupported' || error.code === 'invalidInput');
          if (gone || ++failures >= MAX_FAILURES) {
            sessionId.current = null;
            setFailure(`The capture browser stopped: ${describeError(error)}`);
            return;
          }
          await pause(RETRY_MS * failures);
        }
      }
    };
    void run();
    return () => {
      stopped = true;
      sessionId.current = null;
      queue.current = [];
      if (openedId) void client.call('browser.close', { sessionId: openedId }).catch(() => undefined);
    };
  }, [client, attempt]);

  const pump = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      while (queue.current.length && sessionId.current) {
        const batch = coalesce(queue.current.splice(0));
        queue.current.unshift(...batch.splice(MAX_BATCH));
        try {
          await client.call('browser.input', { sessionId: sessionId.current, events: batch });
        } catch (error) {
          // Input lost is not worth ending the session for; the frames show what happened.
          console.warn('Capture browser input was not delivered:', describeError(error));
        }
      }
    } finally {
      sending.current = false;
    }
  }, [client]);

  const send = useCallback(
    (...events: BrowserInputEventInput[]) => {
      if (!sessionId.current) return;
      queue.current.push(...events);
      void pump();
    },
    [pump],
  );

  /** Calls a method that answers with the session, and shows its answer. */
  const act = useCallback(
    async (call: (id: string) => Promise<BrowserSession>): Promise<string | null> => {
      const id = sessionId.current;
      if (!id) return 'The capture browser is not running.';
      try {
        setSession(await call(id));
        return null;
      } catch (error) {
        return describeError(error);
      }
    },
    [],
  );

  return {
    session,
    frame,
    failure,
    send,
    act,
    /** Closes the session (the host keeps its sign-in then), e.g. before forgetting the sign-in. */
    stop: () => stopCurrent.current(),
    restart: () => {
      setFailure(null);
      setFrame(null);
      setSession(null);
      setAttempt((count) => count + 1);
    },
    updateOptions: (patch: Partial<OpenOptions>) => {
      openOptions.current = { ...openOptions.current, ...patch };
    },
  };
}
