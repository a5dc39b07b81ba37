import { BuilderApiError } from '../../shared/api/apiError';
import { MAX_ARTICLE_IMAGE_BYTES } from '../../shared/model/resourceCenter';
import { inspectImage, type InspectedImage } from './imageFile';

const kB = (bytes: number) => `${Math.ceil(bytes / 1024)} kB`;

/**
 * Checks an image for a resource center article: a whole PNG, JPEG or WebP, and no larger than
 * the bundle may carry inline (MAX_ARTICLE_IMAGE_BYTES). Every refusal says why and what to do.
 */
export function inspectArticleImage(bytes: Uint8Array): InspectedImage {
  if (bytes.byteLength > MAX_ARTICLE_IMAGE_BYTES) {
    throw new BuilderApiError({
      code: 'invalid',
      message: `The article image is ${kB(bytes.byteLength)}; an article image can be at most ${kB(MAX_ARTICLE_IMAGE_BYTES)}, because the bundle carries it inline. Crop a smaller part of the screen. Nothing was added.`,
    });
  }
  return inspectImage(bytes, 'The article image', 'in an article');
}
