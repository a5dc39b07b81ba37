import type { Browser } from 'playwright-core';
import type { AnchorResult, AnchorStatus, HealthPlan, HealthReport } from '../../../shared/health/flowHealth';
import { drawThumbnails, type ThumbnailBatch, type ThumbnailJob } from './inPage/drawThumbnails';
import type { ReportImage } from './inPage/reportViewer';
import type { ScreenImageBytes } from './renderHealthReport';

/**
 * Small enough that a 50-screen, 500-step report stays a few megabytes (`npm run bench`), large
 * enough to read a button's label: crops as wide as the report shows them, whole screens a bit wider.
 */
const MAX_CROP_WIDTH = 240;
const MAX_WIDTH = 320;
const MAX_WHOLE_HEIGHT = 240;
const JPEG_QUALITY = 0.72;

export const CAPTURED_OUTLINE = '#2563eb';
export const STATUS_OUTLINE: Record<AnchorStatus, string> = { ok: '#16a34a', moved: '#0891b2', changed: '#d97706', ambiguous: '#9333ea', missing: '#dc2626' };

/** One anchor's key: the same anchor in the plan and in the results. */
export function anchorKey(screenId: string, flowId: string, itemId: string | undefined): string {
  return `${screenId}\u0000${flowId}\u0000${itemId ?? ''}`;
}

export interface ReportThumbnails {
  /** By anchorKey. `freshNotFound`: the fresh image shows the captured area, the element was not found there. */
  anchors: Map<string, { captured?: ReportImage; fresh?: ReportImage; freshNotFound?: boolean }>;
  screens: Map<string, { captured?: ReportImage; fresh?: ReportImage }>;
  /** Images that could not be read, for the report's notes. */
  notes: string[];
}

/**
 * Every thumbnail of the report, drawn by Chromium: for each screen its whole captured and fresh
 * screenshots, and for each anchor a crop of each around its box, the element outlined.
 */
export async function makeReportThumbnails(plan: HealthPlan, report: HealthReport, capturedImage: ScreenImageBytes, freshImage: ScreenImageBytes, browser: Browser): Promise<ReportThumbnails> {
  const results = new Map<string, AnchorResult>();
  for (const result of report.anchors) results.set(anchorKey(result.screenId, result.flowId, result.itemId), result);
  const screenResults = new Map(report.screens.map((screen) => [screen.screenId, screen]));
  const thumbnails: ReportThumbnails = { anchors: new Map(), screens: new Map(), notes: [] };

  const context = await browser.newContext({ javaScriptEnabled: true, offline: true });
  try {
    const page = await context.newPage();
    // Code compiled with keepNames (tsx) wraps functions in __name(); the page has no such helper.
    await page.evaluate('globalThis.__name = (f) => f');
    const draw = async (bytes: Uint8Array, jobs: ThumbnailJob[], scale: number) => {
      const batch: ThumbnailBatch = { imageBase64: Buffer.from(bytes).toString('base64'), scale, maxCropWidth: MAX_CROP_WIDTH, maxWidth: MAX_WIDTH, maxHeight: MAX_WHOLE_HEIGHT, quality: JPEG_QUALITY, jobs };
      return page.evaluate(drawThumbnails, batch);
    };
    const readImage = async (read: ScreenImageBytes, screenId: string, what: string, name: string) => {
      try {
        return await read(screenId);
      } catch (error) {
        thumbnails.notes.push(`The ${what} screenshot of “${name}” could not be read: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };

    for (const screen of plan.screens) {
      const scale = screen.source.kind === 'url' ? screen.source.deviceScaleFactor : 1;
      const checked = screenResults.get(screen.screenId);
      const entry: { captured?: ReportImage; fresh?: ReportImage } = {};
      thumbnails.screens.set(screen.screenId, entry);
      const anchorEntry = (flowId: string, itemId: string | undefined) => {
        const key = anchorKey(screen.screenId, flowId, itemId);
        const existing = thumbnails.anchors.get(key) ?? {};
        thumbnails.anchors.set(key, existing);
        return existing;
      };

      const captured = await readImage(capturedImage, screen.screenId, 'captured', screen.name);
      if (captured) {
        const jobs: ThumbnailJob[] = [{ id: 'whole', outlines: screen.anchors.map((anchor) => ({ box: anchor.box, color: CAPTURED_OUTLINE })) }];
        screen.anchors.forEach((anchor, index) => jobs.push({ id: String(index), focus: anchor.box, outlines: [{ box: anchor.box, color: CAPTURED_OUTLINE }] }));
        const drawn = await draw(captured, jobs, scale);
        if (!drawn.ok) thumbnails.notes.push(`The captured screenshot of “${screen.name}”: ${drawn.error}.`);
        else {
          entry.captured = image(drawn.images.whole);
          screen.anchors.forEach((anchor, index) => (anchorEntry(anchor.flowId, anchor.itemId).captured = image(drawn.images[String(index)])));
        }
      }

      if (checked?.status !== 'checked') continue;
      const fresh = await readImage(freshImage, screen.screenId, 'fresh', screen.name);
      if (!fresh) continue;
      const found = screen.anchors.map((anchor) => results.get(anchorKey(screen.screenId, anchor.flowId, anchor.itemId)));
      const jobs: ThumbnailJob[] = [{ id: 'whole', outlines: found.flatMap((result) => (result?.box ? [{ box: result.box, color: STATUS_OUTLINE[result.status] }] : [])) }];
      screen.anchors.forEach((anchor, index) => {
        const result = found[index];
        // Not found: the same area of the fresh page, so the reader sees what is there instead.
        jobs.push(result?.box ? { id: String(index), focus: result.box, outlines: [{ box: result.box, color: STATUS_OUTLINE[result.status] }] } : { id: String(index), focus: anchor.box, outlines: [] });
      });
      const drawn = await draw(fresh, jobs, scale);
      if (!drawn.ok) {
        thumbnails.notes.push(`The fresh screenshot of “${screen.name}”: ${drawn.error}.`);
        continue;
      }
      entry.fresh = image(drawn.images.whole);
      screen.anchors.forEach((anchor, index) => {
        const target = anchorEntry(anchor.flowId, anchor.itemId);
        target.fresh = image(drawn.images[String(index)]);
        if (found[index] && !found[index]!.box) target.freshNotFound = true;
      });
    }
  } finally {
    await context.close();
  }
  return thumbnails;
}

function image(drawn: { dataUrl: string; width: number; height: number } | undefined): ReportImage | undefined {
  return drawn ? { src: drawn.dataUrl, width: drawn.width, height: drawn.height } : undefined;
}
