import type { BuilderClient } from '../../../shared/api/client';
import { describeError } from '../app/projectSession';
import { addScreen } from '../store/screenActions';
import { notify } from '../store/uiStore';

const MAX_BYTES = 50 * 1024 * 1024;

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/**
 * Adds image files (picked, dropped or pasted) as screens. The host checks each one (format,
 * whole file, size); a refusal is shown and nothing is added for that file.
 */
export async function importImageFiles(client: BuilderClient, projectPath: string, files: readonly File[]): Promise<number> {
  let added = 0;
  for (const file of files) {
    const name = file.name || 'Pasted image.png';
    if (file.size > MAX_BYTES) {
      notify('error', `${name} cannot be used as a screen: it is ${(file.size / 1024 / 1024).toFixed(1)} MB; images up to 50 MB can be added. Nothing was added.`);
      continue;
    }
    try {
      const { screen } = await client.call('screen.addImage', { projectPath, fileName: name, dataBase64: await readAsBase64(file) });
      addScreen(screen);
      added++;
    } catch (error) {
      notify('error', describeError(error));
    }
  }
  return added;
}

/** The image files in a drop or a paste, if any. */
export function imageFilesOf(data: DataTransfer | null): File[] {
  if (!data) return [];
  const files = Array.from(data.files);
  if (files.length) return files;
  return Array.from(data.items)
    .filter((item) => item.kind === 'file' && item.type.startsWith('image/'))
    .map((item) => item.getAsFile())
    .filter((file): file is File => file !== null);
}
