import { BuilderApiError } from '../../shared/api/apiError';
import type { CaptureRequest, CaptureStage, CaptureStatus } from '../../shared/model/capture';
import { isFinalStage } from '../../shared/model/capture';
import { newId } from '../../shared/model/ids';
import type { Screen } from '../../shared/model/screen';
import { CaptureError, type CapturePage, type OpenCapturePage } from './capturePage';
import { CaptureCancelled, captureScreen, type CaptureScreenOptions } from './captureScreen';

interface Job {
  stage: CaptureStage;
  notices: string[];
  screen?: Screen;
  error?: string;
  controller: AbortController;
  page?: CapturePage;
  finishedAt?: number;
  mappingMs?: number;
}

/** Finished jobs are kept this long for the renderer to read their result. */
const KEEP_FINISHED_MS = 10 * 60_000;

/** A capture of a page that is already open (the capture browser's live page), or opened another way (re-capture). */
export interface CaptureJobOptions {
  /** Opens the page instead of the jobs' own openPage. */
  openPage?: OpenCapturePage;
  /** false: the page belongs to someone else (a live session) and stays open after the job. */
  closePage?: boolean;
  /** Completes the screen before the job is done (adds the recorded path, saves the sign-in). */
  finish?: (screen: Screen) => Promise<Screen>;
}

export interface CaptureJobs {
  start(request: CaptureRequest, saveImage: CaptureScreenOptions['saveImage'], options?: CaptureJobOptions): CaptureStatus;
  status(jobId: string): CaptureStatus;
  cancel(jobId: string): CaptureStatus;
  proceed(jobId: string): CaptureStatus;
  /** Resolves when the job has finished (for tests and the bench). */
  settled(jobId: string): Promise<CaptureStatus & { mappingMs?: number }>;
}

/**
 * Captures run in the background: start answers at once with a job id, the renderer polls the
 * status (stage, then the screen or a message) and may cancel. A failed or cancelled job leaves
 * nothing behind: its page is closed and no image is written.
 */
export function createCaptureJobs(openPage: OpenCapturePage): CaptureJobs {
  const jobs = new Map<string, Job>();
  const done = new Map<string, Promise<void>>();

  function find(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new BuilderApiError({ code: 'notFound', message: `There is no capture with id ${jobId.slice(0, 40)} (it may have finished more than 10 minutes ago).` });
    return job;
  }

  function view(jobId: string, job: Job): CaptureStatus {
    return {
      jobId,
      stage: job.stage,
      notices: [...job.notices],
      ...(job.screen ? { screen: job.screen } : {}),
      ...(job.error ? { error: job.error } : {}),
    };
  }

  function prune(now: number): void {
    for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
  }

  async function run(job: Job, request: CaptureRequest, saveImage: CaptureScreenOptions['saveImage'], options: CaptureJobOptions): Promise<void> {
    try {
      job.page = await (options.openPage ?? openPage)(request);
      if (job.controller.signal.aborted) throw new CaptureCancelled();
      const result = await captureScreen(job.page, request, {
        signal: job.controller.signal,
        onStage: (stage) => {
          job.stage = stage;
        },
        saveImage,
      });
      job.screen = options.finish ? await options.finish(result.screen) : result.screen;
      job.notices = result.notices;
      job.mappingMs = result.mappingMs;
      job.stage = 'done';
    } catch (error) {
      job.notices = [...(job.page?.notices ?? [])];
      if (error instanceof CaptureCancelled || job.controller.signal.aborted) {
        job.stage = 'cancelled';
      } else {
        job.stage = 'failed';
        job.error = error instanceof CaptureError || error instanceof BuilderApiError ? error.message : `The capture failed unexpectedly: ${(error as Error).message ?? String(error)}`;
      }
    } finally {
      job.finishedAt = Date.now();
      if (options.closePage !== false) await job.page?.close().catch(() => undefined);
    }
  }

  return {
    start(request, saveImage, options = {}) {
      prune(Date.now());
      const jobId = newId();
      const job: Job = { stage: 'starting', notices: [], controller: new AbortController() };
      jobs.set(jobId, job);
      done.set(jobId, run(job, request, saveImage, options));
      return view(jobId, job);
    },
    status(jobId) {
      return view(jobId, find(jobId));
    },
    cancel(jobId) {
      const job = find(jobId);
      if (!isFinalStage(job.stage)) {
        job.controller.abort();
        // Closing the page stops whatever it was doing (a load, a screenshot) right away.
        void job.page?.close();
      }
      return view(jobId, job);
    },
    proceed(jobId) {
      const job = find(jobId);
      job.page?.proceed?.();
      return view(jobId, job);
    },
    async settled(jobId) {
      await done.get(jobId);
      const job = find(jobId);
      return { ...view(jobId, job), ...(job.mappingMs !== undefined ? { mappingMs: job.mappingMs } : {}) };
    },
  };
}
