import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaptureStatus } from '../../../../shared/model/capture';
import { captureUrlProblem, isFinalStage, VIEWPORT_PRESETS } from '../../../../shared/model/capture';
import { useApp } from '../../app/appContext';
import { describeError } from '../../app/projectSession';
import { Modal } from '../../dialogs/Modal';
import { addScreen } from '../../store/screenActions';
import { notify } from '../../store/uiStore';
import { Icon } from '../../ui/Icon';
import { withScheme } from '../withScheme';
import { describeRecorded } from './describePath';
import { followCaptureJob, JOB_STAGE_LABELS } from './followCaptureJob';
import { SignInLine } from './SignInLine';
import { LEAVE_KEY_LABELS, StreamedView } from './StreamedView';
import { useBrowserSession, type OpenOptions } from './useBrowserSession';
import './captureBrowser.css';


/**
 * The capture browser (web host): the author's product live inside Stepwise. They sign in, click
 * through, open the menu, then Capture takes the current state as a new screen; as many as they
 * like in one session.
 */
export function CaptureBrowser({ open, onClose }: { open: OpenOptions; onClose(): void }) {
  const { client } = useApp();
  const browser = useBrowserSession(client, open);
  const { session, frame, failure, send, act } = browser;
  const [address, setAddress] = useState<string | null>(null);
  /** The last address asked for: kept in the bar when it fails to load (the tab is blank then), so a typo can be corrected. */
  const [requested, setRequested] = useState(open.url);
  const [problem, setProblem] = useState<string | null>(null);
  const [scale, setScale] = useState(1);
  const [fullPage, setFullPage] = useState(false);
  const [job, setJob] = useState<CaptureStatus | null>(null);
  const [captured, setCaptured] = useState<string[]>([]);
  const [confirmingClose, setConfirmingClose] = useState(false);
  /** Notices the author dismissed, by text (the session keeps only its latest few, so a count would drift). */
  const [dismissedNotices, setDismissedNotices] = useState<ReadonlySet<string>>(new Set());
  const addressField = useRef<HTMLInputElement>(null);
  const viewElement = useRef<HTMLDivElement>(null);
  const closed = useRef(false);
  useEffect(() => {
    // The page is what the dialog is for: it takes the focus (after the Modal's own first-control focus), as a browser focuses a loaded page.
    viewElement.current?.focus();
    return () => {
      closed.current = true;
    };
  }, []);

  const capturing = job !== null && !isFinalStage(job.stage);
  const viewport = session?.viewport ?? open.viewport;
  const presetId = VIEWPORT_PRESETS.find((preset) => preset.width === viewport.width && preset.height === viewport.height)?.id ?? 'custom';
  const signIn = session?.signIn ?? null;
  // A blank tab (after a stopped loop, a closed popup) has nothing to capture.
  const onWebPage = Boolean(session && /^https?:/i.test(session.url));

  const navigate = async (action: 'go' | 'back' | 'forward' | 'reload', url?: string) => {
    const failed = await act((sessionId) => client.call('browser.navigate', { sessionId, action, ...(url ? { url } : {}) }));
    setProblem(failed);
    if (!failed && action === 'go') setAddress(null);
  };

  const go = () => {
    if (address === null) return void navigate('reload');
    const url = withScheme(address);
    const wrong = address.trim() ? captureUrlProblem(url) : 'Enter the address of a page.';
    if (wrong) return setProblem(wrong);
    setRequested(url);
    void navigate('go', url);
  };

  const resize = async (viewportSize: { width: number; height: number }, deviceScaleFactor: number) => {
    browser.updateOptions({ viewport: viewportSize, deviceScaleFactor });
    setProblem(await act((sessionId) => client.call('browser.setViewport', { sessionId, viewport: viewportSize, deviceScaleFactor })));
  };

  const capture = async () => {
    if (!session || capturing) return;
    setProblem(null);
    try {
      const first = await client.call('browser.capture', { sessionId: session.sessionId, projectPath: open.projectPath, fullPage });
      const final = await followCaptureJob(client, first, setJob, () => closed.current);
      if (!final) return;
      if (final.stage === 'done' && final.screen) {
        addScreen(final.screen);
        setCaptured((names) => [...names, final.screen!.name]);
        for (const notice of final.notices) notify('info', notice);
      } else if (final.stage === 'failed') {
        setProblem(final.error ?? 'The capture failed.');
      }
    } catch (error) {
      setJob(null);
      setProblem(describeError(error));
    }
  };

  /**
   * Closing a session keeps its sign-in, so the session is closed first, then the sign-in
   * forgotten, then a fresh one opened on the same page, signed out.
   */
  const forget = async () => {
    const here = session?.url;
    await browser.stop();
    try {
      await client.call('signIn.forget', { projectId: open.projectId });
      return null;
    } catch (error) {
      return describeError(error);
    } finally {
      if (here && !captureUrlProblem(here)) browser.updateOptions({ url: here });
      browser.restart();
    }
  };

  const onScale = useCallback((value: number) => setScale(value), []);
  const tabs = session?.tabs ?? [];
  const notices = session?.notices.filter((notice) => !dismissedNotices.has(notice)) ?? [];
  const message = problem ?? session?.error ?? null;
  const recordedText = session ? describeRecorded(session.recorded) : '';

  /** Closing loses the page's state and its recorded steps: asked first when there is something to lose. */
  const requestClose = () => {
    const hasSteps = (session?.recorded?.actions.length ?? 0) > 0;
    const signedInNotCaptured = Boolean(signIn) && captured.length === 0;
    if (hasSteps || signedInNotCaptured) setConfirmingClose(true);
    else onClose();
  };
  const lastCaptured = captured[captured.length - 1];

  const overlay = failure ? (
    <div className="browser-failure" role="alert">
      <p>{failure}</p>
      <button type="button" className="button small" onClick={browser.restart}>
        Start the browser again
      </button>
    </div>
  ) : !session ? (
    <p className="browser-wait">Starting the browser…</p>
  ) : !frame ? (
    <p className="browser-wait">Loading {session.url || open.url}…</p>
  ) : null;

  return (
    <Modal
      title="Capture browser"
      className="browser-modal"
      onClose={requestClose}
      closeOnBackdrop={false}
      footer={
        <>
          <p className="browser-status small" role="status" aria-live="polite">
            {capturing && job ? `${JOB_STAGE_LABELS[job.stage] ?? 'Capturing'}…` : lastCaptured ? `Added “${lastCaptured}” to Screens${captured.length > 1 ? ` (${captured.length} captured in this session)` : ''}.` : 'Sign in, click through, open the menu: Capture takes the page as you see it.'}
          </p>
          <label className="checkbox-field">
            <input type="checkbox" checked={fullPage} onChange={(event) => setFullPage(event.target.checked)} /> Full page
          </label>
          <button type="button" className="button" onClick={requestClose}>
            Close
          </button>
          {/* aria-disabled while capturing: a disabled button would drop the focus to the page behind the dialog. */}
          <button type="button" className="button primary" disabled={!onWebPage || Boolean(failure)} aria-disabled={capturing || undefined} onClick={() => void capture()}>
            <Icon name="camera" size={16} /> {capturing ? 'Capturing…' : 'Capture'}
          </button>
        </>
      }
    >
      <div className="browser-toolbar" role="toolbar" aria-label="Page navigation">
        <button type="button" className="icon-button" aria-label="Back" title="Back" disabled={!session?.canGoBack} onClick={() => void navigate('back')}>
          <Icon name="arrowLeft" size={16} />
        </button>
        <button type="button" className="icon-button" aria-label="Forward" title="Forward" disabled={!session?.canGoForward} onClick={() => void navigate('forward')}>
          <Icon name="arrowRight" size={16} />
        </button>
        <button type="button" className="icon-button" aria-label="Reload" title="Reload" disabled={!session} onClick={() => void navigate('reload')}>
          <Icon name="refresh" size={16} />
        </button>
        <form
          className="browser-address"
          onSubmit={(event) => {
            event.preventDefault();
            go();
          }}
        >
          <input
            ref={addressField}
            aria-label="Page address"
            // text, not url: the browser's own check refuses "127.0.0.1:4556" and "app.example.com/x", which withScheme completes.
            type="text"
            inputMode="url"
            spellCheck={false}
            placeholder="Enter the address of a page"
            value={address ?? (session ? (onWebPage ? session.url : session.error ? requested : '') : open.url)}
            onChange={(event) => setAddress(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault(); // as in a browser: Escape restores the address and never closes the session
                setAddress(null);
              }
            }}
            disabled={!session}
          />
          {session?.loading ? (
            <span className="browser-loading" role="status">
              Loading…
            </span>
          ) : null}
        </form>
        <select
            aria-label="Viewport"
            className="browser-select"
            value={presetId}
            disabled={!session}
            onChange={(event) => {
              const preset = VIEWPORT_PRESETS.find((candidate) => candidate.id === event.target.value);
              if (preset) void resize({ width: preset.width, height: preset.height }, session?.deviceScaleFactor ?? 1);
            }}
          >
            {VIEWPORT_PRESETS.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.label} · {preset.width}×{preset.height}
              </option>
            ))}
            {presetId === 'custom' ? (
              <option value="custom">
                Custom · {viewport.width}×{viewport.height}
              </option>
            ) : null}
          </select>
          <select aria-label="Pixel density" className="browser-select" title="Pixel density of the capture" value={String(session?.deviceScaleFactor ?? open.deviceScaleFactor)} disabled={!session} onChange={(event) => void resize(viewport, Number(event.target.value))}>
            <option value="1">1×</option>
            <option value="2">2×</option>
            <option value="3">3×</option>
          </select>
        <span className="browser-scale small muted" aria-label={`Shown at ${Math.round(scale * 100)}%`}>
          {Math.round(scale * 100)}%
        </span>
      </div>
      {tabs.length > 1 ? (
        <ul className="browser-tabs" aria-label="Browser tabs">
          {tabs.map((tab) => (
            <li key={tab.tabId} className={`browser-tab${tab.active ? ' active' : ''}`}>
              <button type="button" aria-current={tab.active ? 'page' : undefined} title={tab.url} onClick={() => void act((sessionId) => client.call('browser.tab', { sessionId, tabId: tab.tabId, action: 'activate' })).then(setProblem)}>
                {tab.title || tab.url}
              </button>
              <button type="button" className="icon-button" aria-label={`Close tab ${tab.title || tab.url}`} title="Close tab" onClick={() => void act((sessionId) => client.call('browser.tab', { sessionId, tabId: tab.tabId, action: 'close' })).then(setProblem)}>
                <Icon name="close" size={12} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {open.useSignIn ? (
        <SignInLine signIn={session ? signIn : null} onForget={forget} live />
      ) : (
        <p className="sign-in-line muted small" role="status">
          Started without the saved sign-in: what you do here is not kept for the project.
        </p>
      )}
      {/* One line of fixed height, always there: an error or a notice never resizes the page under the pointer. */}
      <div className="browser-message-line small">
        {message ? (
          <p className="form-error browser-error" role="alert" title={message}>
            {message}
          </p>
        ) : notices.length ? (
          <div className="browser-notice" role="status" aria-label="Browser notice" title={notices.join('\n')}>
            <span className="browser-notice-text">{notices[notices.length - 1]}</span>
            {notices.length > 1 ? <span className="muted">(+{notices.length - 1} more)</span> : null}
            <button type="button" className="icon-button" aria-label="Dismiss notices" title="Dismiss notices" onClick={() => setDismissedNotices((dismissed) => new Set([...dismissed, ...notices]))}>
              <Icon name="close" size={12} />
            </button>
          </div>
        ) : null}
      </div>
      <StreamedView
        frame={frame}
        viewport={viewport}
        send={send}
        onScale={onScale}
        onLeave={() => addressField.current?.focus()}
        viewRef={viewElement}
        overlay={overlay}
      />
      <div className="browser-hints small muted">
        <p title={`Click the page to use it: typing, Tab and Escape go to the page. ${LEAVE_KEY_LABELS.join(' or ')} leaves it.`}>
          Click the page to use it: typing, Tab and Escape go to the page. <kbd>{LEAVE_KEY_LABELS[0]}</kbd> or <kbd>{LEAVE_KEY_LABELS[1]}</kbd> leaves it.
        </p>
        <p className="browser-recorded" aria-live="polite" title={recordedText}>
          {recordedText}
        </p>
      </div>
      {confirmingClose ? (
        <Modal
          title="Close the browser?"
          onClose={() => setConfirmingClose(false)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setConfirmingClose(false)}>
                Keep browsing
              </button>
              <button type="button" className="button primary" onClick={onClose}>
                Close the browser
              </button>
            </>
          }
        >
          <p>The page's state and the steps recorded since it loaded are lost; the sign-in is kept.</p>
        </Modal>
      ) : null}
    </Modal>
  );
}
