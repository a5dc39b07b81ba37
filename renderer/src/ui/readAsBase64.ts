/** A file's or blob's bytes as base64 (what the host's image endpoints take). */
export function readAsBase64(blob: Blob, what = 'The file'): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`${what} could not be read.`));
    reader.readAsDataURL(blob);
  });
}
