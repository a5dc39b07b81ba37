import type { BuilderClient } from '../../../shared/api/client';
import { MAX_ARTICLE_IMAGE_BYTES } from '../../../shared/model/resourceCenter';
import type { MappedElement } from '../../../shared/model/screen';
import { addArticleImage } from '../store/articleImages';
import { readAsBase64 } from '../ui/readAsBase64';

type Box = MappedElement['box'];
export type CropType = 'image/png' | 'image/webp' | 'image/jpeg';
/** Draws the crop at `scale` (1: the screenshot's own pixels) and encodes it. */
export type EncodeCrop = (scale: number, type: CropType, quality?: number) => Promise<Blob>;

/** PNG keeps text sharp; a photo-like crop too large as PNG is usually small enough as WebP or JPEG. */
const FORMATS: ReadonlyArray<[CropType, number?]> = [['image/png'], ['image/webp', 0.9], ['image/jpeg', 0.85]];

/**
 * The crop as the first format that fits the article image cap, at the screenshot's own pixels;
 * when none does, smaller and smaller (bytes grow with the area, so each round shrinks both sides
 * by the square root of how far over the smallest attempt was). A format whose last size, scaled
 * by the area, is still well over the cap is not encoded again: a large PNG costs hundreds of ms.
 */
export async function encodeUnderCap(encode: EncodeCrop, cap = MAX_ARTICLE_IMAGE_BYTES): Promise<Blob> {
  let scale = 1;
  const last = new Map<CropType, { size: number; scale: number }>();
  for (let round = 0; round < 8; round++) {
    let smallest = Infinity;
    for (const [type, quality] of FORMATS) {
      const before = last.get(type);
      const expected = before ? before.size * (scale / before.scale) ** 2 : 0;
      if (expected > cap * 1.5) {
        smallest = Math.min(smallest, expected);
        continue;
      }
      const blob = await encode(scale, type, quality);
      if (blob.size <= cap) return blob;
      last.set(type, { size: blob.size, scale });
      smallest = Math.min(smallest, blob.size);
    }
    scale *= Math.min(0.9, Math.sqrt(cap / smallest) * 0.95);
  }
  throw new Error(`The crop could not be made smaller than ${cap / 1024} kB. Crop a smaller part of the screen.`);
}

/** Encodes `box` of the screenshot `image` (image pixels) with a canvas. */
export function canvasCropEncoder(image: CanvasImageSource, box: Box): EncodeCrop {
  return (scale, type, quality) =>
    new Promise((resolve, reject) => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(box.width * scale));
      canvas.height = Math.max(1, Math.round(box.height * scale));
      const context = canvas.getContext('2d');
      if (!context) return reject(new Error('The crop could not be drawn: this browser gave no canvas to draw it on.'));
      context.imageSmoothingQuality = 'high';
      context.drawImage(image, box.x, box.y, box.width, box.height, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The crop could not be encoded as an image.'))), type, quality);
    });
}

export interface ArticleCrop {
  client: BuilderClient;
  projectPath: string;
  /** The article the image goes into (uiStore.articleImageCrop). */
  target: { flowId: string; articleId: string };
  /** The language being edited: the image line goes into the body in this language. */
  locale: string;
  encode: EncodeCrop;
}

/**
 * Cuts the crop, has the host check and store it (`project.addArticleImage`), then adds it to the
 * resource center and the end of the article (one undo step). Rejects with the host's message
 * (too large, not an image) and changes nothing then. Answers the image id, or null when the
 * article was deleted meanwhile.
 */
export async function insertArticleCrop({ client, projectPath, target, locale, encode }: ArticleCrop): Promise<string | null> {
  const blob = await encodeUnderCap(encode);
  const stored = await client.call('project.addArticleImage', { projectPath, dataBase64: await readAsBase64(blob, 'The crop') });
  return addArticleImage(target, stored, locale);
}
