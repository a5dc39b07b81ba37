import { BuilderApiError } from '../../shared/api/apiError';
import type { HealthJob, HealthPlan, HealthReport } from '../../shared/health/flowHealth';
import { newId } from '../../shared/model/ids';
import type { Screen } from '../../shared/model/screen';
import type { OpenReplayedPage } from '../capture/browser/replayedPages';
import type { CaptureScreenOptions } from '../capture/captureScreen';
import { checkFlows } from './checkFlows';

interface Job {
  state: HealthJob['state'];
  done: number;
  total: number;
  current: string[];
  report?: HealthReport;
  error?: string;
  /** The fresh capture of each checked screen, for health.freshScreen ("replace the screen"). */
  fresh: Map<string, Screen>;
  controller: AbortController;
  finished: Promise<void>;
  finishedAt?: number;
}

export interface StartHealthCheck {
  plan: HealthPlan;
  baseUrl?: string;
  openPage: OpenReplayedPage;
  /** Where fresh screenshots go: the project's images folder, so replacing a screen needs no copy. */
  saveImage: CaptureScreenOptions['saveImage'];
}

export interface HealthJobs {
  start(input: StartHealthCheck): HealthJob;
  status(jobId: string): HealthJob;
  /** Stops the check; the job ends 'cancelled' with the screens checked until then. */
  cancel(jobId: string): HealthJob;
  freshScreen(jobId: string, screenId: string): Screen;
  /** Resolves when the job has ended (tests and the bench). */
  settled(jobId: string): Promise<HealthJob>;
}

/** Finished checks (and their fresh screens) are kept this long for the app to act on them. */
const KEEP_FINISHED_MS = 30 * 60_000;
/** The check already loads several pages in parallel; a second check at once would only slow both. */
const MAX_RUNNING = 1;

/**
 * The app's "Check flows", run in the background like captures: start answers at once with a job
 * id, the renderer polls the status (screens done of all, the ones loading now), may cancel, and
 * finally gets the report; the fresh captures stay for "Replace screen".
 */
export function createHealthJobs(options: { concurrency?: number; timeoutMs?: number } = {}): HealthJobs {
  const jobs = new Map<string, Job>();

  function find(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new BuilderApiError({ code: 'notFound', message: `There is no flow check with id ${jobId.slice(0, 64)} (it may have finished more than 30 minutes ago, or Stepwise restarted). Check the flows again.` });
    return job;
  }

  const view = (jobId: string, job: Job): HealthJob => ({
    jobId,
    state: job.state,
    done: job.done,
    total: job.total,
    current: [...job.current],
    ...(job.report ? { report: job.report } : {}),
    ...(job.error ? { error: job.error } : {}),
  });

  function prune(now: number): void {
    for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
  }

  async function run(job: Job, input: StartHealthCheck): Promise<void> {
    try {
      const { report, fresh } = await checkFlows({
        plan: input.plan,
        ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
        openPage: input.openPage,
        saveImage: input.saveImage,
        signal: job.controller.signal,
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        onProgress: (progress) => {
          job.done = progress.done;
          job.current = progress.current;
        },
      });
      for (const [screenId, { screen }] of fresh) job.fresh.set(screenId, screen);
      job.report = report;
      job.state = job.controller.signal.aborted ? 'cancelled' : 'done';
    } catch (error) {
      job.state = 'failed';
      job.error = `The check failed unexpectedly: ${(error as Error)?.message?.split('\n')[0] ?? String(error)}`;
    } finally {
      job.current = [];
      job.finishedAt = Date.now();
    }
  }

  return {
    start(input) {
      prune(Date.now());
      if ([...jobs.values()].filter((job) => job.state === 'running').length >= MAX_RUNNING) {
        throw new BuilderApiError({ code: 'invalid', message: 'A flow check is already running; wait for it to finish or cancel it first.' });
      }
      const jobId = newId();
      const job: Job = { state: 'running', done: 0, total: input.plan.screens.length, current: [], fresh: new Map(), controller: new AbortController(), finished: Promise.resolve() };
      jobs.set(jobId, job);
      job.finished = run(job, input);
      return view(jobId, job);
    },
    status(jobId) {
      return view(jobId, find(jobId));
    },
    cancel(jobId) {
      const job = find(jobId);
      if (job.state === 'running') job.controller.abort();
      return view(jobId, job);
    },
    freshScreen(jobId, screenId) {
      const screen = find(jobId).fresh.get(screenId);
      if (!screen) throw new BuilderApiError({ code: 'notFound', message: `The check ${jobId.slice(0, 64)} has no fresh capture of screen ${screenId.slice(0, 64)}: it was not in the check, its page failed to load, or the check was cancelled before it.` });
      return screen;
    },
    async settled(jobId) {
      await find(jobId).finished;
      return view(jobId, find(jobId));
    },
  };
}
