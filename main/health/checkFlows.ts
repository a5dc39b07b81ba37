import { availableParallelism } from 'node:os';
import { BuilderApiError } from '../../shared/api/apiError';
import type { AnchorResult, HealthPlan, HealthReport, PlannedScreen, ScreenResult, UncheckedAnchor } from '../../shared/health/flowHealth';
import { flowVerdicts } from '../../shared/health/flowVerdicts';
import { checkedUrl } from '../../shared/health/planHealthCheck';
import { DEFAULT_CAPTURE_TIMEOUT_MS, type CaptureRequest } from '../../shared/model/capture';
import type { Screen } from '../../shared/model/screen';
import { CaptureError, type CapturePage } from '../capture/capturePage';
import { CaptureCancelled, captureScreen, type CaptureScreenOptions } from '../capture/captureScreen';
import type { OpenReplayedPage } from '../capture/browser/replayedPages';
import { MAX_IMAGE_SIDE } from '../services/imageFile';
import { classifyAnchor, inPageAnchorResultSchema, inPageCheckSchema } from './anchorStatus';
import { checkAnchorsExpression } from './checkAnchorsScript';

export interface HealthProgress {
  /** Screens finished (checked or failed). */
  done: number;
  total: number;
  /** Names of the screens being loaded now. */
  current: string[];
}

export interface FreshScreen {
  /** The screen as captured now: the checked screen's id, name and source, the fresh image and element map. */
  screen: Screen;
  /** The fresh screenshot (PNG). */
  bytes: Uint8Array;
}

export interface CheckFlowsOptions {
  plan: HealthPlan;
  /** Loads every screen on this origin instead of its own (a staging deployment). */
  baseUrl?: string;
  /** Opens a screen's page: a fresh context with the project's sign-in, its recorded path replayed after load. */
  openPage: OpenReplayedPage;
  /** Where the fresh screenshots go (the app: the project's images folder; the CLI: nowhere). */
  saveImage: CaptureScreenOptions['saveImage'];
  /** Pages checked at once (default: twice the cores, at most 6). */
  concurrency?: number;
  /** For each page load (default 30 s). */
  timeoutMs?: number;
  /** Stops the check: screens not finished are left out, their anchors reported unchecked. */
  signal?: AbortSignal;
  onProgress?: (progress: HealthProgress) => void;
}

export interface CheckFlowsResult {
  report: HealthReport;
  /** The fresh capture of each checked screen, by screen id. */
  fresh: Map<string, FreshScreen>;
}

/** Twice the cores (pages mostly wait on the network and the renderer), at most 6. */
export function defaultConcurrency(): number {
  return Math.max(1, Math.min(6, availableParallelism() * 2));
}

/** Resolving every anchor of a page; a page that holds it longer is stopped. */
const CHECK_SCRIPT_MS = 20_000;
/** Besides loading: replaying steps, settling, screenshot, mapping and checking, however the page behaves. */
const SCREEN_EXTRA_MS = 90_000;

class ScreenTimedOut extends Error {}

function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CaptureError(message)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

interface ScreenOutcome {
  result: ScreenResult;
  anchors: AnchorResult[];
  fresh?: FreshScreen;
}

async function checkScreen(planned: PlannedScreen, options: CheckFlowsOptions, timeoutMs: number, signal: AbortSignal): Promise<ScreenOutcome> {
  const started = Date.now();
  const source = planned.source;
  // The plan may come from the renderer, which is not trusted to have left image screens out.
  if (source.kind !== 'url') {
    return { result: { screenId: planned.screenId, name: planned.name, url: '', status: 'failed', error: 'This screen was added from an image, so there is no page to check.', notices: [], ms: 0 }, anchors: [] };
  }
  const url = checkedUrl(source.path?.url ?? source.url, options.baseUrl);
  const request: CaptureRequest = { url, viewport: source.viewport, deviceScaleFactor: source.deviceScaleFactor, fullPage: source.fullPage, waitMs: 0, timeoutMs };
  const ended = (fields: Omit<ScreenResult, 'screenId' | 'name' | 'url' | 'ms'>): ScreenResult => ({ screenId: planned.screenId, name: planned.name, url, ...fields, ms: Date.now() - started });

  // One budget for the whole screen: a page that hangs in a way no single step notices is closed.
  const screenAbort = new AbortController();
  const stop = () => screenAbort.abort();
  signal.addEventListener('abort', stop, { once: true });
  if (signal.aborted) stop();
  let timedOut = false;
  let page: CapturePage | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    screenAbort.abort();
    void page?.close();
  }, timeoutMs + SCREEN_EXTRA_MS);
  try {
    page = await options.openPage(request, source.path);
    if (screenAbort.signal.aborted) throw timedOut ? new ScreenTimedOut() : new CaptureCancelled();
    let bytes: Uint8Array | undefined;
    const captured = await captureScreen(page, request, {
      signal: screenAbort.signal,
      onStage: () => undefined,
      saveImage: async (shot, inspected) => {
        bytes = shot;
        return options.saveImage(shot, inspected);
      },
    });
    const maxHeight = Math.floor(MAX_IMAGE_SIDE / request.deviceScaleFactor);
    const raw = await withDeadline(
      page.evaluate(checkAnchorsExpression({ anchors: planned.anchors.map(({ selectors, fingerprint }) => ({ selectors, ...(fingerprint ? { fingerprint } : {}) })), fullPage: request.fullPage, maxHeight })),
      CHECK_SCRIPT_MS,
      `Resolving the anchors took longer than ${CHECK_SCRIPT_MS / 1000} s and was stopped.`,
    );
    const checked = inPageCheckSchema.safeParse(raw);
    if (!checked.success || checked.data.anchors.length !== planned.anchors.length) throw new CaptureError('The page returned no usable answer to the check (it may replace the browser built-ins the check relies on).');
    const frame = { scale: request.deviceScaleFactor, fullPage: request.fullPage, scrollX: checked.data.scrollX, scrollY: checked.data.scrollY };
    const anchors = planned.anchors.map((anchor, index) => {
      const found = inPageAnchorResultSchema.safeParse(checked.data.anchors[index]);
      // One malformed answer is that anchor's problem, not the screen's.
      return found.success
        ? classifyAnchor(anchor, planned.screenId, found.data, frame, captured.screen.elements)
        : { flowId: anchor.flowId, ...(anchor.itemId ? { itemId: anchor.itemId } : {}), screenId: planned.screenId, label: anchor.label, status: 'missing' as const, reason: 'the page answered something malformed for it' };
    });
    const screen: Screen = { ...captured.screen, id: planned.screenId, name: planned.name, source };
    return {
      result: ended({ status: 'checked', notices: captured.notices.slice(0, 50), freshImage: captured.screen.image }),
      anchors,
      fresh: bytes ? { screen, bytes } : undefined,
    };
  } catch (error) {
    if (signal.aborted && !timedOut) throw new CaptureCancelled();
    const message = timedOut
      ? `The page took longer than ${Math.round((timeoutMs + SCREEN_EXTRA_MS) / 1000)} s to load, replay and check, and was stopped.`
      : error instanceof CaptureError || error instanceof BuilderApiError
        ? error.message
        : `The check failed unexpectedly: ${(error as Error)?.message?.split('\n')[0] ?? String(error)}`;
    return { result: ended({ status: 'failed', error: message.slice(0, 2_000), notices: [...(page?.notices ?? [])].slice(0, 50) }), anchors: [] };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
    await page?.close().catch(() => undefined);
  }
}

/**
 * The flow health check: every screen of the plan loaded fresh (saved sign-in, recorded path,
 * optional base URL), captured as capture does, and every anchor on it resolved with the player's
 * own matching, in parallel pages. A screen that fails says why and the check goes on.
 */
export async function checkFlows(options: CheckFlowsOptions): Promise<CheckFlowsResult> {
  const started = Date.now();
  const checkedAt = new Date(started).toISOString();
  const signal = options.signal ?? new AbortController().signal;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CAPTURE_TIMEOUT_MS;
  const screens = options.plan.screens;
  const outcomes = new Map<string, ScreenOutcome>();
  const current = new Set<PlannedScreen>();
  const progress = () => options.onProgress?.({ done: outcomes.size, total: screens.length, current: [...current].map((screen) => screen.name) });

  let next = 0;
  const worker = async () => {
    while (!signal.aborted && next < screens.length) {
      const planned = screens[next++]!;
      current.add(planned);
      progress();
      try {
        outcomes.set(planned.screenId, await checkScreen(planned, options, timeoutMs, signal));
      } catch (error) {
        if (!(error instanceof CaptureCancelled)) throw error;
      } finally {
        current.delete(planned);
        progress();
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), screens.length));
  await Promise.all(Array.from({ length: workers }, worker));

  const results: ScreenResult[] = [];
  const anchors: AnchorResult[] = [];
  const unchecked: UncheckedAnchor[] = [...options.plan.unchecked];
  const fresh = new Map<string, FreshScreen>();
  for (const planned of screens) {
    const outcome = outcomes.get(planned.screenId);
    if (!outcome) {
      for (const anchor of planned.anchors) unchecked.push({ flowId: anchor.flowId, ...(anchor.itemId ? { itemId: anchor.itemId } : {}), label: anchor.label, reason: 'the check was cancelled before its screen was loaded' });
      continue;
    }
    results.push(outcome.result);
    anchors.push(...outcome.anchors);
    if (outcome.fresh) fresh.set(planned.screenId, outcome.fresh);
  }
  const failed = new Set(results.filter((result) => result.status === 'failed').map((result) => result.screenId));
  const report: HealthReport = {
    checkedAt,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    screens: results,
    anchors,
    unchecked,
    flows: flowVerdicts(options.plan, anchors, unchecked, failed),
    ms: Date.now() - started,
  };
  return { report, fresh };
}
