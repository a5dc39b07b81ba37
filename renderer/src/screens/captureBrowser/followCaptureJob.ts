import type { BuilderClient } from '../../../../shared/api/client';
import { isFinalStage, type CaptureStage, type CaptureStatus } from '../../../../shared/model/capture';

const POLL_MS = 200;

/** Stages of a capture from the live browser or a re-capture, in words (as the Capture dialog says them). */
export const JOB_STAGE_LABELS: Partial<Record<CaptureStage, string>> = {
  starting: 'Starting the browser',
  loading: 'Loading the page',
  waiting: 'Waiting for the page to settle',
  screenshot: 'Taking the screenshot',
  mapping: 'Mapping the elements',
  saving: 'Saving the image',
};

/**
 * Follows a capture job (browser.capture, screen.recapture) with capture.status until it ends,
 * reporting each status; stops early, resolving null, once `stopped()` says the caller went away.
 */
export async function followCaptureJob(client: BuilderClient, first: CaptureStatus, onStatus: (status: CaptureStatus) => void, stopped: () => boolean): Promise<CaptureStatus | null> {
  let current = first;
  onStatus(current);
  while (!isFinalStage(current.stage)) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (stopped()) return null;
    current = await client.call('capture.status', { jobId: current.jobId });
    onStatus(current);
  }
  return current;
}
