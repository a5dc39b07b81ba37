import type { Browser, Page } from 'playwright-core';
import type { CaptureRequest } from '../../../shared/model/capture';
import type { RecordedPath } from '../../../shared/model/recordedPath';
import type { CapturePage } from '../capturePage';
import { PlaywrightCapturePage } from '../playwrightCapture';
import { expectNoRedirect, replayPath } from './replayPath';
import type { StorageState } from './signInStore';

/**
 * Opens `request.url` and, once loaded, replays `path` (a screen's recorded path; its start address
 * may differ from `request.url`, e.g. on a staging origin). Without a path, only the redirect check.
 */
export type OpenReplayedPage = (request: CaptureRequest, path?: RecordedPath) => Promise<CapturePage>;

export interface ReplayedPagesOptions {
  browser: () => Promise<Browser>;
  /** The project's saved sign-in, when there is one. */
  storageState: () => Promise<StorageState | undefined>;
  /** How long each replayed step waits for its target. */
  stepTimeoutMs?: number;
}

/** A page in a fresh context of the browser (nothing shared with other pages but the saved sign-in). */
export async function openFreshPage(browser: Browser, request: CaptureRequest, storageState: StorageState | undefined, afterLoad?: (page: Page) => Promise<void>): Promise<PlaywrightCapturePage> {
  const context = await browser.newContext({
    viewport: request.viewport,
    deviceScaleFactor: request.deviceScaleFactor,
    acceptDownloads: false,
    serviceWorkers: 'block',
    permissions: [],
    ...(storageState ? { storageState } : {}),
  });
  try {
    return new PlaywrightCapturePage(context, await context.newPage(), afterLoad);
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Re-capture and the flow health check: a fresh context with the saved sign-in, the page loaded,
 * checked to have landed where the path was recorded (a redirect, usually to a sign-in page, is
 * named before any step fails on it), then the path replayed.
 */
export function replayedPages(options: ReplayedPagesOptions): OpenReplayedPage {
  return async (request, path) =>
    openFreshPage(await options.browser(), request, await options.storageState(), async (loaded) => {
      expectNoRedirect(loaded.url(), request.url);
      if (path) await replayPath(loaded, path, options.stepTimeoutMs);
    });
}
