import type { Browser, Page } from 'playwright-core';
import { BuilderApiError } from '../../../shared/api/apiError';
import type { BrowserInputEvent, BrowserSession } from '../../../shared/model/captureBrowser';
import type { CaptureRequest, CaptureStatus } from '../../../shared/model/capture';
import type { RecordedPath } from '../../../shared/model/recordedPath';
import type { Screen, ScreenSource, Viewport } from '../../../shared/model/screen';
import type { OpenCapturePage } from '../capturePage';
import type { CaptureJobs } from '../captureJobs';
import type { CaptureScreenOptions } from '../captureScreen';
import { CaptureBrowserSession } from './captureBrowserSession';
import { LiveCapturePage } from './liveCapturePage';
import { openFreshPage, replayedPages, type OpenReplayedPage } from './replayedPages';
import type { SignInStore } from './signInStore';

type SaveImage = CaptureScreenOptions['saveImage'];

export interface CaptureBrowserOptions {
  browser: () => Promise<Browser>;
  jobs: CaptureJobs;
  signIn: SignInStore;
  /** A session nobody has used for this long is closed (its sign-in saved first). */
  idleMs?: number;
  navigationTimeoutMs?: number;
  /** How long each replayed step waits for its target. */
  stepTimeoutMs?: number;
}

export interface OpenSessionInput {
  projectId: string;
  url: string;
  viewport: Viewport;
  deviceScaleFactor: number;
  useSignIn: boolean;
}

export interface CaptureBrowser {
  open(input: OpenSessionInput): Promise<BrowserSession>;
  frame(sessionId: string, afterSeq: number, waitMs: number): Promise<{ seq: number; frame?: { dataUrl: string; width: number; height: number }; session: BrowserSession }>;
  input(sessionId: string, events: BrowserInputEvent[]): Promise<void>;
  navigate(sessionId: string, action: 'go' | 'back' | 'forward' | 'reload', url?: string): Promise<BrowserSession>;
  setViewport(sessionId: string, viewport: Viewport, deviceScaleFactor: number): Promise<BrowserSession>;
  tab(sessionId: string, tabId: string, action: 'activate' | 'close'): Promise<BrowserSession>;
  capture(sessionId: string, fullPage: boolean, saveImage: SaveImage): CaptureStatus;
  close(sessionId: string): Promise<void>;
  recapture(input: { projectId: string; source: ScreenSource; timeoutMs: number }, saveImage: SaveImage): CaptureStatus;
  /** Opens capture pages in a fresh context with the project's saved sign-in (the Capture dialog's "Start signed in"). */
  signedInPages(projectId: string): OpenCapturePage;
  /** The same, checked to land on the address asked for and with a recorded path replayed (re-capture, the flow health check). */
  replayedPages(projectId: string): OpenReplayedPage;
  /** Forgets a project's sign-in, and keeps its open sessions from saving theirs back when they close. */
  forgetSignIn(projectId: string): Promise<void>;
  /** The session itself (tests and the bench wait on it). */
  session(sessionId: string): CaptureBrowserSession;
  /** Closes every session, saving sign-ins (host shutdown). */
  closeAll(): Promise<void>;
}

const DEFAULT_IDLE_MS = 15 * 60_000;
const MAX_SESSIONS = 4;

/**
 * The web host's capture browser: live sessions in the shared headless Chromium, their captures
 * as capture jobs, and re-capture (a fresh context with the project's sign-in, the recorded path
 * replayed, then captured).
 */
export function createCaptureBrowser(options: CaptureBrowserOptions): CaptureBrowser {
  const sessions = new Map<string, CaptureBrowserSession>();
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const navigationTimeoutMs = options.navigationTimeoutMs ?? 30_000;

  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const [id, session] of sessions) {
      if (session.watchers === 0 && now - session.lastUsed > idleMs) {
        sessions.delete(id);
        void session.close();
      }
    }
  }, Math.min(30_000, Math.max(50, idleMs / 4)));
  sweeper.unref();

  function find(sessionId: string): CaptureBrowserSession {
    const session = sessions.get(sessionId);
    if (!session) throw new BuilderApiError({ code: 'notFound', message: `The capture browser session ${sessionId.slice(0, 64)} is closed (it was idle, or Stepwise restarted). Open the capture browser again.` });
    session.lastUsed = Date.now();
    return session;
  }

  function request(url: string, viewport: Viewport, deviceScaleFactor: number, fullPage: boolean, timeoutMs = 30_000): CaptureRequest {
    return { url, viewport, deviceScaleFactor, fullPage, waitMs: 0, timeoutMs };
  }

  /** Where the page is scrolled, when not at the top (recorded with the path, so a re-capture shows the same part). */
  const scrollOf = async (page: Page): Promise<Pick<RecordedPath, 'scroll'>> => {
    const [x, y] = (await page.evaluate('[Math.round(scrollX), Math.round(scrollY)]').catch(() => [0, 0])) as [number, number];
    return x > 0 || y > 0 ? { scroll: { x, y } } : {};
  };

  const withPath = (screen: Screen, path: RecordedPath | null | undefined): Screen =>
    screen.source.kind === 'url' && path ? { ...screen, source: { ...screen.source, path } } : screen;

  /** Re-capture and the flow health check: a fresh context with the project's sign-in, the recorded path replayed. */
  const replayed = (projectId: string): OpenReplayedPage =>
    replayedPages({ browser: options.browser, storageState: () => options.signIn.load(projectId), ...(options.stepTimeoutMs ? { stepTimeoutMs: options.stepTimeoutMs } : {}) });

  return {
    signedInPages: (projectId) => async (captureRequest) => openFreshPage(await options.browser(), captureRequest, await options.signIn.load(projectId)),
    replayedPages: replayed,
    async open(input) {
      if (sessions.size >= MAX_SESSIONS) {
        throw new BuilderApiError({ code: 'invalid', message: `${MAX_SESSIONS} capture browsers are open already; close one first.` });
      }
      const session = await CaptureBrowserSession.open(
        await options.browser(),
        { projectId: input.projectId, viewport: input.viewport, deviceScaleFactor: input.deviceScaleFactor, useSignIn: input.useSignIn, navigationTimeoutMs },
        input.url,
        options.signIn,
      );
      sessions.set(session.id, session);
      return session.state();
    },
    async frame(sessionId, afterSeq, waitMs) {
      const session = find(sessionId);
      session.watchers++;
      try {
        const frame = await session.frame(afterSeq, waitMs);
        return { ...frame, session: await session.state() };
      } finally {
        session.watchers--;
        session.lastUsed = Date.now();
      }
    },
    async input(sessionId, events) {
      await find(sessionId).dispatch(events);
    },
    async navigate(sessionId, action, url) {
      const session = find(sessionId);
      if (action === 'go') session.go(url!);
      else if (action === 'back') session.back();
      else if (action === 'forward') session.forward();
      else session.reload();
      return session.state();
    },
    async setViewport(sessionId, viewport, deviceScaleFactor) {
      const session = find(sessionId);
      await session.setViewport(viewport, deviceScaleFactor);
      return session.state();
    },
    async tab(sessionId, tabId, action) {
      const session = find(sessionId);
      await session.tab(tabId, action);
      return session.state();
    },
    capture(sessionId, fullPage, saveImage) {
      const session = find(sessionId);
      const page = session.activePage();
      const path = session.recordedPath();
      const { viewport, deviceScaleFactor } = session.settings;
      return options.jobs.start(request(page.url(), viewport, deviceScaleFactor, fullPage), saveImage, {
        openPage: async () => new LiveCapturePage(page, session.scaledCdp()),
        closePage: false,
        finish: async (screen) => {
          // Capturing is when the author has got where they wanted: keep the sign-in that got them there.
          await session.saveSignIn().catch(() => undefined);
          return withPath(screen, path && { ...path, ...(await scrollOf(page)) });
        },
      });
    },
    async close(sessionId) {
      const session = sessions.get(sessionId);
      sessions.delete(sessionId);
      await session?.close();
    },
    recapture({ projectId, source, timeoutMs }, saveImage) {
      if (source.kind !== 'url') throw new BuilderApiError({ code: 'invalid', message: 'This screen was added from an image, so there is no page to capture again.' });
      const path = source.path;
      const startUrl = path?.url ?? source.url;
      return options.jobs.start(request(startUrl, source.viewport, source.deviceScaleFactor, source.fullPage, timeoutMs), saveImage, {
        openPage: (captureRequest) => replayed(projectId)(captureRequest, path),
        finish: async (screen) => withPath(screen, path),
      });
    },
    async forgetSignIn(projectId) {
      // A save already on its way finishes first, so it cannot bring the sign-in back after it is removed.
      const saves = [...sessions.values()].filter((session) => session.settings.projectId === projectId).map((session) => session.dropSignIn());
      await Promise.all(saves);
      await options.signIn.forget(projectId);
    },
    session: find,
    async closeAll() {
      clearInterval(sweeper);
      const all = [...sessions.values()];
      sessions.clear();
      await Promise.all(all.map((session) => session.close()));
    },
  };
}
