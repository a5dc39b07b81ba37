/**
 * Runs in a blank Chromium page (page.evaluate, so it must not use anything from outside itself):
 * decodes one screenshot, and for each job draws a crop or the whole screen, scaled down, with the
 * given boxes outlined, as a small JPEG data URL. Chromium's own decoder and encoder: no image
 * library in main.
 */
export interface ThumbnailBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ThumbnailJob {
  id: string;
  /** Crop around this box (screenshot pixels); without it, the whole screen from its top. */
  focus?: ThumbnailBox;
  outlines: Array<{ box: ThumbnailBox; color: string }>;
}

export interface ThumbnailBatch {
  imageBase64: string;
  /** The screenshot's scale factor: a crop shows at least this many CSS pixels of context around a small element. */
  scale: number;
  /** Output widths: crops around an element, and whole screens. */
  maxCropWidth: number;
  maxWidth: number;
  /** Whole-screen thumbnails are cut below this height (a long full-page capture). */
  maxHeight: number;
  quality: number;
  jobs: ThumbnailJob[];
}

export type ThumbnailResult = { ok: true; width: number; height: number; images: Record<string, { dataUrl: string; width: number; height: number }> } | { ok: false; error: string };

export async function drawThumbnails(batch: ThumbnailBatch): Promise<ThumbnailResult> {
  const ASPECT = 16 / 10;
  const MIN_CONTEXT_CSS_PX = 360;
  let bitmap: ImageBitmap;
  try {
    const binary = atob(batch.imageBase64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    bitmap = await createImageBitmap(new Blob([bytes]));
  } catch (error) {
    return { ok: false, error: `the image could not be decoded (${error instanceof Error ? error.message : String(error)})` };
  }
  const imageWidth = bitmap.width;
  const imageHeight = bitmap.height;
  const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

  /** A 16:10 region centred on the box, with room around it, inside the image. */
  const regionAround = (box: ThumbnailBox) => {
    const pad = clamp(Math.max(box.width, box.height) * 0.35, 16 * batch.scale, 160 * batch.scale);
    let width = Math.max(box.width + 2 * pad, (box.height + 2 * pad) * ASPECT, MIN_CONTEXT_CSS_PX * batch.scale);
    let height = width / ASPECT;
    width = Math.min(width, imageWidth);
    height = Math.min(height, imageHeight);
    const x = clamp(box.x + box.width / 2 - width / 2, 0, imageWidth - width);
    const y = clamp(box.y + box.height / 2 - height / 2, 0, imageHeight - height);
    return { x, y, width, height };
  };

  const images: Record<string, { dataUrl: string; width: number; height: number }> = {};
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d')!;
  for (const job of batch.jobs) {
    const region = job.focus ? regionAround(job.focus) : { x: 0, y: 0, width: imageWidth, height: Math.min(imageHeight, (imageWidth * batch.maxHeight) / batch.maxWidth) };
    const factor = Math.min(1, (job.focus ? batch.maxCropWidth : batch.maxWidth) / region.width);
    canvas.width = Math.max(1, Math.round(region.width * factor));
    canvas.height = Math.max(1, Math.round(region.height * factor));
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, region.x, region.y, region.width, region.height, 0, 0, canvas.width, canvas.height);
    const line = job.focus ? 2 : 1.5;
    for (const { box, color } of job.outlines) {
      const x = (box.x - region.x) * factor;
      const y = (box.y - region.y) * factor;
      const width = Math.max(box.width * factor, 2);
      const height = Math.max(box.height * factor, 2);
      // A light halo under the coloured line, so the outline shows on dark and busy pages alike.
      context.lineWidth = line + 2;
      context.strokeStyle = 'rgba(255,255,255,0.9)';
      context.strokeRect(x - line / 2, y - line / 2, width + line, height + line);
      context.lineWidth = line;
      context.strokeStyle = color;
      context.strokeRect(x - line / 2, y - line / 2, width + line, height + line);
    }
    images[job.id] = { dataUrl: canvas.toDataURL('image/jpeg', batch.quality), width: canvas.width, height: canvas.height };
  }
  bitmap.close();
  return { ok: true, width: imageWidth, height: imageHeight, images };
}
