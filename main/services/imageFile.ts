import { imageSize } from 'image-size';
import { BuilderApiError } from '../../shared/api/apiError';
import { imageTooLargeMessage, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from '../../shared/model/imageLimits';

export { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE };

export type ImageExtension = 'png' | 'jpg' | 'webp';

export interface InspectedImage {
  extension: ImageExtension;
  width: number;
  height: number;
}

const EXTENSIONS: Record<string, ImageExtension> = { png: 'png', jpg: 'jpg', webp: 'webp' };

function refuseImage(name: string, reason: string, use: string): BuilderApiError {
  return new BuilderApiError({ code: 'invalid', message: `${name} cannot be used ${use}: ${reason}. Nothing was added.` });
}

/** Headers can be whole while the data is cut off; each format has an end we can look for. */
function isComplete(bytes: Uint8Array, extension: ImageExtension): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (extension) {
    case 'png':
      // The last chunk is IEND: length 0, type "IEND", then its CRC.
      return view.length >= 12 && view.toString('latin1', view.length - 8, view.length - 4) === 'IEND';
    case 'jpg': {
      // End of image marker, allowing the padding some encoders add after it.
      let end = view.length;
      while (end > 2 && view[end - 1] === 0x00) end--;
      return end >= 2 && view[end - 2] === 0xff && view[end - 1] === 0xd9;
    }
    case 'webp':
      // The RIFF header says how long the file is.
      return view.length >= 12 && view.readUInt32LE(4) + 8 <= view.length;
  }
}

/**
 * Checks that bytes are a whole PNG, JPEG or WebP of a size the canvas can show, and says
 * which it is. Every refusal names the file, what it was for (`use`) and the reason.
 */
export function inspectImage(bytes: Uint8Array, name: string, use = 'as a screen'): InspectedImage {
  const refuse = (reason: string) => refuseImage(name, reason, use);
  if (bytes.byteLength === 0) throw refuse('the file is empty');
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new BuilderApiError({ code: 'invalid', message: imageTooLargeMessage(name, bytes.byteLength) });
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    throw refuse('it is not a PNG, JPEG or WebP image');
  }
  const extension = EXTENSIONS[size.type ?? ''];
  if (!extension) throw refuse(`it is a ${String(size.type).toUpperCase()} image; use PNG, JPEG or WebP`);
  if (!size.width || !size.height) throw refuse('its width and height could not be read');
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE) {
    throw refuse(`it is ${size.width}×${size.height} pixels; each side can be at most ${MAX_IMAGE_SIDE.toLocaleString('en')} pixels`);
  }
  if (!isComplete(bytes, extension)) throw refuse('the file is truncated (its end is missing)');
  return { extension, width: size.width, height: size.height };
}
