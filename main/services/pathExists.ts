import { constants } from 'node:fs';
import { access } from 'node:fs/promises';

/** Whether anything (file, folder, link) is at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}
