import { useMemo, useState } from 'react';
import { baseUrlSchema, type HealthPlan } from '../../../shared/health/flowHealth';
import { originOf, planHealthCheck } from '../../../shared/health/planHealthCheck';
import { useApp } from '../app/appContext';
import { Modal } from '../dialogs/Modal';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { describePlan } from './checkedAnchors';
import { cancelHealthCheck, startHealthCheck, useHealthCheck } from './healthCheckStore';
import { HealthProgress } from './HealthProgress';
import './health.css';

/** The "Check against" field's problem in words, or null when it is empty or an origin. */
export function baseUrlProblem(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const parsed = baseUrlSchema.safeParse(trimmed);
  return parsed.success ? null : `“Check against” ${parsed.error.issues[0]?.message ?? 'is not an address'}.`;
}

/** The origins the screens were captured from: "http://127.0.0.1:4173". */
function capturedOrigins(plan: HealthPlan): string[] {
  const origins = new Set<string>();
  for (const screen of plan.screens) {
    if (screen.source.kind !== 'url') continue;
    const origin = originOf(screen.source.path?.url ?? screen.source.url);
    if (origin) origins.add(origin);
  }
  return [...origins];
}

/**
 * "Check flows": what will be checked, an optional other origin (staging), Start; then progress
 * with Cancel. The plan is taken from the project in memory, so unsaved changes are checked too.
 * Closing the dialog while it runs keeps the check going: the Problems panel shows its progress.
 */
export function CheckFlowsDialog({ onClose }: { onClose(): void }) {
  const { client } = useApp();
  const project = useDocumentStore((state) => state.project);
  const projectPath = useUiStore((state) => state.projectPath);
  const running = useHealthCheck((state) => state.running);
  const error = useHealthCheck((state) => state.error);
  const [baseUrl, setBaseUrl] = useState(() => useHealthCheck.getState().last?.report.baseUrl ?? '');
  const [showProblem, setShowProblem] = useState(false);
  // The plan of the project as it is when the dialog opened; Start plans again from the latest.
  const plan = useMemo(() => (project ? planHealthCheck(project) : null), [project]);
  const problem = baseUrlProblem(baseUrl);
  const nothingToCheck = !plan || plan.screens.length === 0;

  const start = async () => {
    setShowProblem(true);
    const latest = useDocumentStore.getState().project;
    if (problem || !latest || !projectPath || nothingToCheck) return;
    const ended = await startHealthCheck(client, { projectPath, projectId: latest.id, plan: planHealthCheck(latest), ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}) });
    // Results land in the Problems panel; a failure stays here to be read.
    if (ended === 'done' || ended === 'cancelled') onClose();
  };

  const origins = plan ? capturedOrigins(plan) : [];
  return (
    <Modal
      title="Check flows against the live product"
      onClose={onClose}
      className="check-flows-dialog"
      footer={
        running ? (
          <>
            <button type="button" className="button" onClick={onClose} title="The check goes on; the Problems panel shows how far it got">
              Keep editing
            </button>
            <button type="button" className="button" disabled={running.cancelling} onClick={() => void cancelHealthCheck()}>
              {running.cancelling ? 'Stopping…' : 'Cancel check'}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button type="submit" form="check-flows-form" className="button primary" disabled={nothingToCheck}>
              {error ? 'Try again' : 'Start check'}
            </button>
          </>
        )
      }
    >
      <form
        id="check-flows-form"
        className="check-flows-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        {plan && project ? (
          nothingToCheck ? (
            <p role="note">Nothing to check yet: no screen of this project was captured from a page address. The check loads each captured page again; screens added from images have no page to load.</p>
          ) : (
            <p data-testid="check-plan">{describePlan(plan, project)}.</p>
          )
        ) : null}
        <p className="muted small">
          Each page is loaded again in the background (signed in, with its recorded steps replayed) and every anchor is looked for with the player’s own matching. Unsaved changes are checked too.
        </p>
        <div className="field">
          <label className="field-label" htmlFor="check-against">
            Check against (optional)
          </label>
          <input
            id="check-against"
            type="text"
            inputMode="url"
            spellCheck={false}
            placeholder="https://staging.example.com"
            value={baseUrl}
            disabled={Boolean(running)}
            aria-invalid={showProblem && Boolean(problem)}
            aria-describedby="check-against-hint"
            onChange={(event) => setBaseUrl(event.target.value)}
            onBlur={() => setShowProblem(true)}
          />
          <span id="check-against-hint" className={showProblem && problem ? 'form-error' : 'field-hint'}>
            {showProblem && problem ? problem : `Another origin, such as a staging or preview deployment. Empty: the addresses the screens were captured from${origins.length ? ` (${origins.slice(0, 2).join(', ')}${origins.length > 2 ? '…' : ''})` : ''}.`}
          </span>
        </div>
        {running ? <HealthProgress running={running} /> : null}
        {error && !running ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </Modal>
  );
}
