import { useEffect, useRef, useState } from 'react';
import type { CaptureStage, CaptureStatus } from '../../../../shared/model/capture';
import { isFinalStage } from '../../../../shared/model/capture';
import { useApp } from '../../app/appContext';
import { describeError } from '../../app/projectSession';
import { Modal } from '../../dialogs/Modal';
import { useDocumentStore } from '../../store/documentStore';
import { replaceScreenCapture } from '../../store/screenActions';
import { notify, useUiStore } from '../../store/uiStore';
import { describePath } from './describePath';
import { followCaptureJob, JOB_STAGE_LABELS } from './followCaptureJob';
import { SignInLine } from './SignInLine';
import { useSignInStatus } from './useSignInStatus';
import './captureBrowser.css';

const STAGES: CaptureStage[] = ['loading', 'waiting', 'screenshot', 'mapping', 'saving'];

/**
 * "Capture again" for a screen from a URL (web host): the host loads the page with the project's
 * saved sign-in, replays the recorded path and captures; the screen keeps its id (anchors stay on
 * it) and its new image and map replace the old in one undo step. A replay that breaks says which
 * step did.
 */
export function RecaptureDialog({ screenId, onClose }: { screenId: string; onClose(): void }) {
  const { client } = useApp();
  const projectPath = useUiStore((state) => state.projectPath);
  const projectId = useDocumentStore((state) => state.project?.id);
  const screen = useDocumentStore((state) => state.project?.screens.find((candidate) => candidate.id === screenId));
  const source = screen?.source.kind === 'url' ? screen.source : undefined;
  const signIn = useSignInStatus(projectId);
  const [status, setStatus] = useState<CaptureStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const jobId = useRef<string | null>(null);
  const closed = useRef(false);
  const running = status !== null && !isFinalStage(status.stage);

  useEffect(
    () => () => {
      closed.current = true;
      if (jobId.current) void client.call('capture.cancel', { jobId: jobId.current }).catch(() => undefined);
    },
    [client],
  );

  const start = async () => {
    if (!projectPath || !projectId || !source || running) return;
    setError(null);
    try {
      const first = await client.call('screen.recapture', { projectPath, projectId, source });
      jobId.current = first.jobId;
      const final = await followCaptureJob(client, first, setStatus, () => closed.current || jobId.current !== first.jobId);
      jobId.current = null;
      if (!final) return;
      if (final.stage === 'done' && final.screen) {
        replaceScreenCapture(screenId, final.screen);
        for (const notice of final.notices) notify('info', notice);
        notify('info', `“${screen?.name ?? 'The screen'}” was captured again.`);
        onClose();
      } else if (final.stage === 'failed') {
        setError(final.error ?? 'The capture failed.');
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
    if (id) await client.call('capture.cancel', { jobId: id }).catch(() => null);
    setStatus(null);
  };

  const title = `Capture “${screen?.name ?? 'screen'}” again`;
  if (!screen || !source) {
    return (
      <Modal title={title} onClose={onClose} footer={<button type="button" className="button" onClick={onClose}>Close</button>}>
        <p role="alert">This screen has no page address to capture from (it came from an image, or it was deleted).</p>
      </Modal>
    );
  }
  const currentIndex = status ? STAGES.indexOf(status.stage) : -1;
  const steps = source.path?.actions.length ?? 0;
  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        running ? (
          <button type="button" className="button" onClick={() => void cancel()}>
            Cancel capture
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button type="button" className="button primary" onClick={() => void start()}>
              {error ? 'Try again' : 'Capture again'}
            </button>
          </>
        )
      }
    >
      <div className="recapture-body">
        <p className="small">
          <span className="muted">From </span>
          <span className="recapture-url">{source.url}</span>
          <span className="muted">
            {' '}
            at {source.viewport.width}×{source.viewport.height}
            {source.fullPage ? ', full page' : ''}
          </span>
        </p>
        <p>{describePath(source.path)}</p>
        {signIn.known ? <SignInLine signIn={signIn.signIn} onForget={signIn.forget} /> : null}
        {running ? (
          <ol className="capture-stages" aria-label="Capture progress" aria-live="polite">
            {status?.stage === 'starting' ? <li className="current">{JOB_STAGE_LABELS.starting}…</li> : null}
            {STAGES.map((stage, index) => (
              <li key={stage} className={index < currentIndex ? 'done' : index === currentIndex ? 'current' : ''} aria-current={index === currentIndex ? 'step' : undefined}>
                {stage === 'loading' && steps ? `Loading the page and replaying ${steps === 1 ? 'the recorded step' : `the ${steps} recorded steps`}` : JOB_STAGE_LABELS[stage]}
                {index === currentIndex ? '…' : ''}
              </li>
            ))}
          </ol>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </Modal>
  );
}

