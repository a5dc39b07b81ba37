/** What a screen's image may be: the host checks it, the renderer refuses oversized files before sending them. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 16_384;

/** The refusal for a file that is too big, the same from the renderer and the host. */
export function imageTooLargeMessage(name: string, bytes: number): string {
  return `${name} cannot be used as a screen: it is ${(bytes / 1024 / 1024).toFixed(1)} MB; images up to 50 MB can be added. Nothing was added.`;
}
