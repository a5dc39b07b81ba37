import { create } from 'zustand';
import type { BuilderClient } from '../../../shared/api/client';
import type { HealthJob, HealthPlan, HealthReport } from '../../../shared/health/flowHealth';
import { describeError } from '../app/projectSession';
import { notify, useUiStore } from '../store/uiStore';
import { useDocumentStore } from '../store/documentStore';
import { describeVerdicts } from './checkedAnchors';
import { recallCheck, rememberCheck } from './rememberedCheck';

/** How often a running check is asked how far it got (a screen takes seconds, so this is plenty). */
export const HEALTH_POLL_MS = 400;

/** A check that is still loading pages. */
export interface RunningCheck {
  jobId: string;
  done: number;
  total: number;
  /** Names of the screens being loaded now. */
  current: string[];
  /** Asked to stop: waiting for the host to say it did. */
  cancelling: boolean;
}

/** The last check that ended with results, and what it checked, so results can be matched to steps. */
export interface FinishedCheck {
  /** health.freshScreen needs it while the host still holds the fresh captures. */
  jobId: string;
  plan: HealthPlan;
  report: HealthReport;
  /** Cancelled part way: the report holds the screens checked until then. */
  cancelled: boolean;
  /** Recalled from local storage on reopening the project: its fresh captures are gone from the host. */
  remembered?: boolean;
}

/**
 * The app's flow health check: UI state, never part of the document or its undo history. It
 * lives here rather than in the dialog so that closing the dialog keeps the check going (the
 * Problems panel shows its progress) and the results outlive the dialog.
 */
export interface HealthCheckState {
  running: RunningCheck | null;
  last: FinishedCheck | null;
  /** Why the last check could not start or failed. */
  error: string | null;
  /** The author closed the compare view under the canvas; a click on a result opens it again. */
  compareHidden: boolean;
}

export const useHealthCheck = create<HealthCheckState>()(() => ({ running: null, last: null, error: null, compareHidden: false }));

/** Bumped when the project closes or another check starts: a poll loop of an older generation stops. */
let generation = 0;
let runningClient: BuilderClient | null = null;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface StartHealthCheck {
  projectPath: string;
  projectId: string;
  plan: HealthPlan;
  baseUrl?: string;
}

/**
 * Starts a check of `plan` on the host and follows it until it ends; resolves with how it ended
 * ('failed' also when it could not start: `error` says why). Only one check runs at a time.
 */
export async function startHealthCheck(client: BuilderClient, input: StartHealthCheck): Promise<HealthJob['state'] | 'stopped'> {
  if (useHealthCheck.getState().running) return 'stopped';
  const mine = ++generation;
  runningClient = client;
  useHealthCheck.setState({ error: null, running: { jobId: '', done: 0, total: input.plan.screens.length, current: [], cancelling: false } });
  let job: HealthJob;
  try {
    job = await client.call('health.start', { projectPath: input.projectPath, projectId: input.projectId, plan: input.plan, ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}) });
    while (job.state === 'running') {
      if (mine !== generation) return 'stopped';
      useHealthCheck.setState((state) => ({ running: { jobId: job.jobId, done: job.done, total: job.total, current: job.current, cancelling: state.running?.cancelling ?? false } }));
      await wait(HEALTH_POLL_MS);
      if (mine !== generation) return 'stopped';
      job = await client.call('health.status', { jobId: job.jobId });
    }
  } catch (error) {
    if (mine === generation) useHealthCheck.setState({ running: null, error: `The check could not run: ${describeError(error)}` });
    return mine === generation ? 'failed' : 'stopped';
  }
  if (mine !== generation) return 'stopped';
  const finished = job.report && (job.state === 'done' || job.state === 'cancelled');
  const check: FinishedCheck | null = finished ? { jobId: job.jobId, plan: input.plan, report: job.report!, cancelled: job.state === 'cancelled' } : null;
  if (check) rememberCheck(input.projectId, check);
  // The author went on editing: say that it ended (the dialog, when open, closes onto the results instead).
  if (finished && job.state === 'done' && useUiStore.getState().dialog.kind !== 'checkFlows') notify('info', `The flow check finished: ${describeVerdicts(job.report!.flows)}. The results are in the Problems panel.`);
  useHealthCheck.setState({
    running: null,
    ...(check ? { last: check, compareHidden: false } : {}),
    error: job.state === 'failed' ? `The check failed: ${job.error ?? 'the host did not say why'}` : null,
  });
  return job.state;
}

/** Asks the host to stop the running check; it ends as 'cancelled' with what it checked so far. */
export async function cancelHealthCheck(): Promise<void> {
  const running = useHealthCheck.getState().running;
  if (!running?.jobId || running.cancelling || !runningClient) return;
  useHealthCheck.setState({ running: { ...running, cancelling: true } });
  try {
    await runningClient.call('health.cancel', { jobId: running.jobId });
  } catch (error) {
    useHealthCheck.setState((state) => ({ error: `The check could not be stopped: ${describeError(error)}`, running: state.running && { ...state.running, cancelling: false } }));
  }
}

/** Forgets the results and stops following (and cancels) a running check: another project is open. */
export function resetHealthCheck(): void {
  const running = useHealthCheck.getState().running;
  generation++;
  if (running?.jobId && runningClient) void runningClient.call('health.cancel', { jobId: running.jobId }).catch(() => undefined);
  runningClient = null;
  useHealthCheck.setState({ running: null, last: null, error: null, compareHidden: false });
}

// Results are about the project that was checked: closing it, or opening another, drops them;
// the project opened shows its own last check, remembered on this machine.
useUiStore.subscribe((state, previous) => {
  if (state.projectPath === previous.projectPath) return;
  resetHealthCheck();
  const projectId = state.projectPath ? useDocumentStore.getState().project?.id : undefined;
  const remembered = projectId ? recallCheck(projectId) : null;
  if (remembered) useHealthCheck.setState({ last: remembered });
});
