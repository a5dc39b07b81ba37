import type { CaptureRequest, CaptureStage } from '../../shared/model/capture';
import { newId } from '../../shared/model/ids';
import type { Screen, ScreenImage } from '../../shared/model/screen';
import { screenSchema } from '../../shared/model/screen';
import type { InspectedImage } from '../services/imageFile';
import { inspectImage, MAX_IMAGE_SIDE } from '../services/imageFile';
import { CaptureError, type CapturePage } from './capturePage';
import { elementMapExpression } from './elementMapScript';
import { checkPageElementMap, MAX_MAPPED_ELEMENTS } from './pageElementMap';

export class CaptureCancelled extends Error {
  constructor() {
    super('The capture was cancelled.');
  }
}

export interface CaptureScreenOptions {
  signal: AbortSignal;
  onStage(stage: CaptureStage): void;
  saveImage(bytes: Uint8Array, image: InspectedImage): Promise<ScreenImage>;
}

export interface CapturedScreen {
  screen: Screen;
  notices: string[];
  /** How long the in-page mapping took, for the bench. */
  mappingMs: number;
}

/** A page counts as settled once its DOM has been still this long. */
const QUIET_MS = 400;
const MAX_SETTLE_MS = 10_000;

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(new CaptureCancelled());
    signal.addEventListener('abort', () => reject(new CaptureCancelled()), { once: true });
  });
}

/** Pages can hang their own timers; Node's clock decides when waiting is over. */
function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CaptureError(message)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const settleExpression = (limitMs: number) => `new Promise((resolve) => {
  let last = performance.now();
  const start = last;
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const tick = () => {
    const now = performance.now();
    if (now - last >= ${QUIET_MS}) { observer.disconnect(); resolve(true); }
    else if (now - start >= ${limitMs}) { observer.disconnect(); resolve(false); }
    else setTimeout(tick, 50);
  };
  (document.fonts ? document.fonts.ready : Promise.resolve()).then(() => setTimeout(tick, 50));
})`;

const waitForSelectorExpression = (selector: string, limitMs: number) => `new Promise((resolve) => {
  const selector = ${JSON.stringify(selector)};
  try { document.querySelector(selector); } catch { resolve('invalid'); return; }
  const start = performance.now();
  const tick = () => {
    const element = document.querySelector(selector);
    if (element && element.getClientRects().length) resolve('found');
    else if (performance.now() - start >= ${limitMs}) resolve('timeout');
    else setTimeout(tick, 100);
  };
  tick();
})`;

function screenName(title: string, url: string): string {
  if (title) return title.slice(0, 200);
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`.slice(0, 200);
  } catch {
    return 'Captured screen';
  }
}

/**
 * Loading -> (the author, in Electron) -> waiting -> screenshot -> mapping -> saving. Every stage
 * can be cancelled; nothing is written until the image and map are both good.
 */
export async function captureScreen(page: CapturePage, request: CaptureRequest, options: CaptureScreenOptions): Promise<CapturedScreen> {
  const aborted = untilAborted(options.signal);
  aborted.catch(() => undefined);
  const step = <T>(promise: Promise<T>) => Promise.race([promise, aborted]);
  const stage = (name: CaptureStage) => {
    if (options.signal.aborted) throw new CaptureCancelled();
    options.onStage(name);
  };
  const extraNotices: string[] = [];

  stage('loading');
  await step(page.load(request.url, request.timeoutMs));

  if (page.waitForAuthor) {
    stage('ready');
    await step(page.waitForAuthor());
  }

  stage('waiting');
  const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  if (request.waitForSelector) {
    const outcome = await step(
      withDeadline(page.evaluate(waitForSelectorExpression(request.waitForSelector, request.timeoutMs)), request.timeoutMs + 2_000, 'The page stopped responding while waiting.'),
    );
    if (outcome === 'invalid') throw new CaptureError(`"${request.waitForSelector}" is not a valid CSS selector, so there is nothing to wait for.`);
    if (outcome !== 'found') throw new CaptureError(`No visible element matched "${request.waitForSelector}" within ${seconds(request.timeoutMs)}.`);
  }
  if (request.waitMs > 0) {
    await step(new Promise((resolve) => setTimeout(resolve, request.waitMs)));
  }
  if (!request.waitForSelector && request.waitMs === 0) {
    const limit = Math.min(MAX_SETTLE_MS, request.timeoutMs);
    const settled = await step(withDeadline(page.evaluate(settleExpression(limit)), limit + 2_000, 'The page stopped responding while it loaded.'));
    if (settled !== true) {
      throw new CaptureError(
        `The page kept changing for ${seconds(limit)} and never settled. Set "Wait" to a fixed time, or "Wait for selector" to an element that shows when the page is ready.`,
      );
    }
  }

  stage('screenshot');
  const maxHeight = Math.floor(MAX_IMAGE_SIDE / request.deviceScaleFactor);
  const bytes = await step(page.screenshot({ fullPage: request.fullPage, maxHeight }));
  const inspected = inspectImage(bytes, 'The screenshot');

  stage('mapping');
  const raw = await step(
    withDeadline(
      page.evaluate(elementMapExpression({ scale: request.deviceScaleFactor, fullPage: request.fullPage, maxElements: MAX_MAPPED_ELEMENTS, maxHeight })),
      20_000,
      'Mapping the page took longer than 20 s and was stopped.',
    ),
  );
  const map = checkPageElementMap(raw, inspected);
  if (request.fullPage && inspected.height >= MAX_IMAGE_SIDE) {
    extraNotices.push(`The page is taller than ${MAX_IMAGE_SIDE.toLocaleString('en')} pixels; the screenshot was cut there.`);
  }

  stage('saving');
  const image = await step(options.saveImage(bytes, inspected));
  const url = page.url() || request.url;
  const screen = screenSchema.parse({
    id: newId(),
    name: screenName(map.title, url),
    image,
    source: { kind: 'url', url, viewport: request.viewport, deviceScaleFactor: request.deviceScaleFactor, fullPage: request.fullPage },
    elements: map.elements,
    capturedAt: new Date().toISOString(),
  });
  return { screen, notices: [...page.notices, ...map.notices, ...extraNotices], mappingMs: map.ms };
}
