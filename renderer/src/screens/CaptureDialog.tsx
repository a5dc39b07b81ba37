import { useEffect, useRef, useState } from 'react';
import type { CaptureStage, CaptureStatus } from '../../../shared/model/capture';
import { captureUrlProblem, DEFAULT_CAPTURE_TIMEOUT_MS, isFinalStage, VIEWPORT_PRESETS } from '../../../shared/model/capture';
import type { Screen } from '../../../shared/model/screen';
import { useApp } from '../app/appContext';
import { describeError } from '../app/projectSession';
import { Modal } from '../dialogs/Modal';
import { withScheme } from './withScheme';
import { useDocumentStore } from '../store/documentStore';
import { addScreen, replaceScreenCapture } from '../store/screenActions';
import { notify, openDialog, useUiStore } from '../store/uiStore';
import { SignInLine } from './captureBrowser/SignInLine';
import { useSignInStatus } from './captureBrowser/useSignInStatus';
import { followCaptureJob } from './captureBrowser/followCaptureJob';

const STAGE_LABELS: Partial<Record<CaptureStage, string>> = {
  starting: 'Starting the browser',
  loading: 'Loading the page',
  ready: 'Waiting for you in the capture window',
  waiting: 'Waiting for the page to settle',
  screenshot: 'Taking the screenshot',
  mapping: 'Mapping the elements',
  saving: 'Saving the image',
};

interface CaptureForm {
  url: string;
  preset: string;
  width: string;
  height: string;
  scale: string;
  fullPage: boolean;
  waitForSelector: string;
  waitSeconds: string;
}

function formFor(screen: Screen | undefined): CaptureForm {
  const source = screen?.source.kind === 'url' ? screen.source : undefined;
  const preset = source ? (VIEWPORT_PRESETS.find((p) => p.width === source.viewport.width && p.height === source.viewport.height)?.id ?? 'custom') : 'desktop';
  return {
    url: source?.url ?? '',
    preset,
    width: String(source?.viewport.width ?? 1440),
    height: String(source?.viewport.height ?? 900),
    scale: String(source?.deviceScaleFactor ?? 1),
    fullPage: source?.fullPage ?? false,
    waitForSelector: '',
    waitSeconds: '0',
  };
}

/** New screen from a URL (or the same screen again): the form, then the stages with Cancel, then the result or a message. */
export function CaptureDialog({ recaptureScreenId, onClose }: { recaptureScreenId?: string; onClose(): void }) {
  const { client } = useApp();
  const projectPath = useUiStore((state) => state.projectPath);
  const host = useUiStore((state) => state.appInfo?.host ?? 'web');
  const recaptured = useDocumentStore((state) => state.project?.screens.find((screen) => screen.id === recaptureScreenId));
  const [form, setForm] = useState<CaptureForm>(() => formFor(recaptured));
  const [status, setStatus] = useState<CaptureStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const projectId = useDocumentStore((state) => state.project?.id);
  // The live capture browser is the web host's; Electron's capture window does the same job.
  const signIn = useSignInStatus(host === 'web' && !recaptureScreenId ? projectId : undefined);
  const [useSignIn, setUseSignIn] = useState(true);
  const jobId = useRef<string | null>(null);
  const running = status !== null && !isFinalStage(status.stage);

  // Closing the dialog mid-capture cancels it.
  useEffect(
    () => () => {
      if (jobId.current) void client.call('capture.cancel', { jobId: jobId.current }).catch(() => undefined);
    },
    [client],
  );

  const set = (patch: Partial<CaptureForm>) => setForm((current) => ({ ...current, ...patch }));
  const viewport = () => {
    const preset = VIEWPORT_PRESETS.find((p) => p.id === form.preset);
    return preset ? { width: preset.width, height: preset.height } : { width: Number(form.width), height: Number(form.height) };
  };

  /** The address and viewport, or null with the problem shown at the form. */
  const checked = (): { url: string; size: { width: number; height: number } } | null => {
    const url = withScheme(form.url);
    const problem = form.url.trim() ? captureUrlProblem(url) : 'Enter the address of the page to capture.';
    const size = viewport();
    const wrong = problem ?? ([size.width, size.height].every((side) => Number.isInteger(side) && side >= 200 && side <= 7680) ? null : 'Width and height must be whole numbers of pixels from 200 to 7,680.');
    setError(wrong);
    if (wrong) return null;
    return { url, size };
  };

  /** Opens the page in the live capture browser, to sign in and click through before capturing. */
  const browse = () => {
    const target = checked();
    if (!target) return;
    openDialog({ kind: 'captureBrowser', url: target.url, viewport: target.size, deviceScaleFactor: Number(form.scale), useSignIn: signIn.signIn ? useSignIn : true });
  };

  const start = async () => {
    if (!projectPath || running) return;
    const target = checked();
    if (!target) return;
    const { url, size } = target;
    try {
      const first = await client.call('capture.start', {
        projectPath,
        request: {
          url,
          viewport: size,
          deviceScaleFactor: Number(form.scale),
          fullPage: form.fullPage,
          ...(host === 'web' && form.waitForSelector.trim() ? { waitForSelector: form.waitForSelector.trim() } : {}),
          waitMs: host === 'web' ? Math.round(Math.max(0, Number(form.waitSeconds) || 0) * 1000) : 0,
          timeoutMs: DEFAULT_CAPTURE_TIMEOUT_MS,
        },
        // The box only shows with a saved sign-in; ticked, the capture starts signed in as Browse does.
        ...(projectId && signIn.signIn && useSignIn ? { signIn: { projectId } } : {}),
      });
      jobId.current = first.jobId;
      // Stops following once cancelled or closed (jobId changes).
      const current = await followCaptureJob(client, first, setStatus, () => jobId.current !== first.jobId);
      if (!current) return;
      jobId.current = null;
      if (current.stage === 'done' && current.screen) {
        if (recaptureScreenId) replaceScreenCapture(recaptureScreenId, current.screen);
        else addScreen(current.screen);
        for (const notice of current.notices) notify('info', notice);
        onClose();
      } else if (current.stage === 'failed') {
        setError(current.error ?? 'The capture failed.');
      }
    } catch (caught) {
      jobId.current = null;
      setStatus(null);
      setError(describeError(caught));
    }
  };

  const cancel = async () => {
    const id = jobId.current;
    jobId.current = null;
    if (id) setStatus(await client.call('capture.cancel', { jobId: id }).catch(() => null));
    setStatus(null);
  };

  const stages = (['loading', ...(host === 'electron' ? ['ready'] : []), 'waiting', 'screenshot', 'mapping', 'saving'] as CaptureStage[]);
  const currentIndex = status ? stages.indexOf(status.stage) : -1;

  return (
    <Modal
      title={recaptureScreenId ? `Capture “${recaptured?.name ?? 'screen'}” again` : 'Capture a screen'}
      onClose={onClose}
      footer={
        running ? (
          <>
            {status?.stage === 'ready' ? (
              <button type="button" className="button primary" onClick={() => jobId.current && void client.call('capture.proceed', { jobId: jobId.current })}>
                Capture now
              </button>
            ) : null}
            <button type="button" className="button" onClick={() => void cancel()}>
              Cancel capture
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            {signIn.known ? (
              <button type="button" className="button" onClick={browse} title="Open the page here to sign in, click through and open menus, then capture">
                Browse first…
              </button>
            ) : null}
            <button type="submit" form="capture-form" className="button primary">
              {error ? 'Try again' : 'Capture'}
            </button>
          </>
        )
      }
    >
      {running ? (
        <ol className="capture-stages" aria-label="Capture progress" aria-live="polite">
          {status?.stage === 'starting' ? <li className="current">{STAGE_LABELS.starting}…</li> : null}
          {stages.map((stage, index) => (
            <li key={stage} className={index < currentIndex ? 'done' : index === currentIndex ? 'current' : ''} aria-current={index === currentIndex ? 'step' : undefined}>
              {STAGE_LABELS[stage]}
              {index === currentIndex ? '…' : ''}
            </li>
          ))}
          {status?.stage === 'ready' ? <li className="hint">Log in and go to the page you want in the capture window, then press “Capture now”.</li> : null}
        </ol>
      ) : (
        <form
          id="capture-form"
          className="capture-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <label className="field">
            <span className="field-label">Page address</span>
            <input autoFocus type="url" placeholder="https://app.example.com/dashboard" value={form.url} onChange={(event) => set({ url: event.target.value })} aria-invalid={Boolean(error)} />
          </label>
          <div className="field-row">
            <label className="field">
              <span className="field-label">Viewport</span>
              <select value={form.preset} onChange={(event) => set({ preset: event.target.value })}>
                {VIEWPORT_PRESETS.map((preset) => (
                  <option key={preset.id} value={preset.id}>
                    {preset.label} · {preset.width}×{preset.height}
                  </option>
                ))}
                <option value="custom">Custom…</option>
              </select>
            </label>
            {form.preset === 'custom' ? (
              <>
                <label className="field narrow">
                  <span className="field-label">Width</span>
                  <input inputMode="numeric" value={form.width} onChange={(event) => set({ width: event.target.value })} />
                </label>
                <label className="field narrow">
                  <span className="field-label">Height</span>
                  <input inputMode="numeric" value={form.height} onChange={(event) => set({ height: event.target.value })} />
                </label>
              </>
            ) : null}
            <label className="field narrow">
              <span className="field-label">Scale</span>
              <select value={form.scale} onChange={(event) => set({ scale: event.target.value })}>
                <option value="1">1×</option>
                <option value="2">2×</option>
                <option value="3">3×</option>
              </select>
            </label>
          </div>
          <fieldset className="segmented" aria-label="What to capture">
            <label>
              <input type="radio" name="extent" checked={!form.fullPage} onChange={() => set({ fullPage: false })} /> Visible viewport
            </label>
            <label>
              <input type="radio" name="extent" checked={form.fullPage} onChange={() => set({ fullPage: true })} /> Full page
            </label>
          </fieldset>
          {host === 'web' ? (
            <div className="field-row">
              <label className="field">
                <span className="field-label">Wait for selector (optional)</span>
                <input placeholder="#dashboard-loaded" value={form.waitForSelector} onChange={(event) => set({ waitForSelector: event.target.value })} />
              </label>
              <label className="field narrow">
                <span className="field-label">Then wait (s)</span>
                <input inputMode="decimal" value={form.waitSeconds} onChange={(event) => set({ waitSeconds: event.target.value })} />
              </label>
            </div>
          ) : (
            <p className="muted small">A capture window opens on this page: log in and navigate there, then press Capture.</p>
          )}
          {signIn.known ? (
            <div className="capture-browse-hint">
              <p className="muted small">Behind a sign-in, or need a menu open? “Browse first” opens the page here: sign in, click through, then capture.</p>
              <SignInLine signIn={signIn.signIn} onForget={signIn.forget} />
              {signIn.signIn ? (
                <label className="checkbox-field">
                  <input type="checkbox" checked={useSignIn} onChange={(event) => setUseSignIn(event.target.checked)} /> Start signed in (use the saved sign-in)
                </label>
              ) : null}
            </div>
          ) : null}
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      )}
    </Modal>
  );
}
