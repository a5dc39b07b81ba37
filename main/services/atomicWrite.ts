import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { dirname } from 'node:path';

/** The file operations an atomic write needs; tests pass a copy that fails at a chosen step. */
export interface AtomicFs {
  open: typeof nodeFs.open;
  rename: typeof nodeFs.rename;
  copyFile: typeof nodeFs.copyFile;
  rm: typeof nodeFs.rm;
}

export const TEMP_MARKER = '.tmp-';

/**
 * A temp file's name beside `file`: "<file>.tmp-<pid>-<random>". The writer's process id lets a
 * cleanup in another process (the CLI opening a project the app is saving) leave alone the temp
 * files of a save that is still running.
 */
export function tempNameFor(file: string): string {
  return `${file}${TEMP_MARKER}${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** Whether a temp file may belong to a write still running in another process (never true for this one's). */
export function tempOfLiveProcess(name: string): boolean {
  const pid = Number(/\.tmp-(\d+)-[0-9a-f]+$/.exec(name)?.[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, run by another user
  }
}

export interface AtomicWriteOptions {
  /** File mode of the new file (e.g. 0o600 for a file only its owner may read); set before it has any content. */
  mode?: number;
  fs?: AtomicFs;
}

/** Makes the names in a folder (a new file, a rename) durable, as fsync does for a file's content. */
export async function syncDirectory(fs: Pick<AtomicFs, 'open'>, directory: string): Promise<void> {
  // Best effort: some platforms (Windows) cannot open a directory, which is fine.
  try {
    const handle = await fs.open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}

/**
 * Writes `data` to a new temp file beside `file` and fsyncs it; on failure the temp file is
 * removed. Returns the temp file's path, for the caller to rename into place.
 */
export async function writeTempFile(fs: AtomicFs, file: string, data: string | Uint8Array, mode?: number): Promise<string> {
  const temp = tempNameFor(file);
  try {
    const handle = await fs.open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  return temp;
}

/**
 * Writes a file so that a crash at any moment leaves either the old or the new content: write a
 * temp file beside it, fsync it, then rename it over the file.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const temp = await writeTempFile(fs, file, data, options.mode);
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fs, dirname(file));
}
