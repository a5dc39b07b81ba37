import type { BuilderClient } from '../../../shared/api/client';
import { imageTooLargeMessage, MAX_IMAGE_BYTES } from '../../../shared/model/imageLimits';
import { describeError } from '../app/projectSession';
import { addScreen } from '../store/screenActions';
import { notify } from '../store/uiStore';
import { readAsBase64 } from '../ui/readAsBase64';

/**
 * Adds image files (picked, dropped or pasted) as screens. The host checks each one (format,
 * whole file, size); a refusal is shown and nothing is added for that file.
 */
export async function importImageFiles(client: BuilderClient, projectPath: string, files: readonly File[]): Promise<number> {
  let added = 0;
  for (const file of files) {
    const name = file.name || 'Pasted image.png';
    if (file.size > MAX_IMAGE_BYTES) {
      notify('error', imageTooLargeMessage(name, file.size));
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
