import * as nodeFs from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TEMP_MARKER, syncDirectory, tempOfLiveProcess, writeFileAtomic, writeTempFile, type AtomicFs } from './atomicWrite';
import { pathExists } from './pathExists';

/**
 * A save that changes several files of a project folder at once, so that a crash or kill at any
 * moment leaves the old project or the new one, never a mix:
 *   1. every new file is written beside its target as a temp file and fsynced, and so are the
 *      folders holding them (old project intact);
 *   2. the plan (which temp goes where, which files go away) is written atomically as
 *      .save-in-progress.json: from this moment the save counts as done;
 *   3. the plan is carried out: each replaced or removed file goes to .backup/, each temp file is
 *      renamed into place, the folders are fsynced; then the plan is removed.
 * Opening a project first finishes a plan left by a killed save (every step is safe to repeat), and
 * removes the temp files of a save that never reached step 2 (not those of a save still running in
 * another process: temp names carry the writer's process id). A save that finds a
 * plan (the previous one failed after its commit point) finishes it before starting.
 */
export const SAVE_PLAN_FILE = '.save-in-progress.json';
/** What the last save replaced or removed, by the same relative paths: one save back. */
export const BACKUP_DIR = '.backup';

export interface FolderChanges {
  /** Relative paths ("flows/abc.json") and their new content. */
  write: ReadonlyMap<string, string>;
  /** Relative paths of files to remove. */
  remove: readonly string[];
}

interface SavePlan {
  writes: { temp: string; file: string }[];
  removes: string[];
}

/** The file operations a save needs; tests pass a copy that fails or stops at a chosen one. */
export interface FolderFs extends AtomicFs {
  mkdir: typeof nodeFs.mkdir;
}

const fsOf = (options: { fs?: FolderFs | undefined }): FolderFs => options.fs ?? { ...nodeFs };

/** The folders (relative, "" for the root) that hold these relative paths, each once. */
const foldersOf = (paths: readonly string[]): string[] => [...new Set(paths.map((path) => (path.includes('/') ? dirname(path) : '')))];

/** Step 3: safe to run again after a kill at any point inside it. */
async function carryOut(fs: FolderFs, root: string, plan: SavePlan): Promise<void> {
  const backUp = async (relative: string, move: boolean) => {
    const backup = join(root, BACKUP_DIR, relative);
    await fs.mkdir(dirname(backup), { recursive: true });
    // A replaced file is copied, not moved, so the target never goes missing between two renames.
    await (move ? fs.rename(join(root, relative), backup) : fs.copyFile(join(root, relative), backup));
  };
  for (const { temp, file } of plan.writes) {
    if (!(await pathExists(join(root, temp)))) continue; // already moved into place
    if (await pathExists(join(root, file))) await backUp(file, false);
    await fs.mkdir(dirname(join(root, file)), { recursive: true });
    await fs.rename(join(root, temp), join(root, file));
  }
  for (const file of plan.removes) {
    if (await pathExists(join(root, file))) await backUp(file, true);
  }
  // The renames reach the disk before the plan that would redo them goes.
  for (const folder of foldersOf([...plan.writes.map((write) => write.file), ...plan.removes])) await syncDirectory(fs, join(root, folder));
  await fs.rm(join(root, SAVE_PLAN_FILE), { force: true });
}

const isPlan = (value: unknown): value is SavePlan => {
  const candidate = value as SavePlan | null;
  const relative = (path: unknown) => typeof path === 'string' && path.length > 0 && !path.startsWith('/') && !path.split(/[\\/]/).includes('..');
  return (
    Boolean(candidate) &&
    Array.isArray(candidate!.writes) &&
    Array.isArray(candidate!.removes) &&
    candidate!.writes.every((write) => relative(write?.temp) && relative(write?.file)) &&
    candidate!.removes.every(relative)
  );
};

/** Carries out a plan a save left (it counts as done); removes a plan that is not one of ours. */
async function finishPlan(fs: FolderFs, root: string): Promise<boolean> {
  const text = await nodeFs.readFile(join(root, SAVE_PLAN_FILE), 'utf8').catch(() => null);
  if (text === null) return false;
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* written atomically, so never half; anything else is not ours to follow */
  }
  if (!isPlan(parsed)) {
    await fs.rm(join(root, SAVE_PLAN_FILE), { force: true });
    return false;
  }
  await carryOut(fs, root, parsed);
  return true;
}

/** Applies `changes` to the folder at `root` as one atomic save (see the top of this file). */
export async function commitFolderChanges(root: string, changes: FolderChanges, options: { fs?: FolderFs } = {}): Promise<void> {
  const fs = fsOf(options);
  await finishPlan(fs, root);
  if (!changes.write.size && !changes.remove.length) return;
  const written: { temp: string; file: string }[] = [];
  let plan: SavePlan;
  try {
    for (const [file, data] of changes.write) {
      await fs.mkdir(dirname(join(root, file)), { recursive: true });
      const temp = await writeTempFile(fs, join(root, file), data);
      written.push({ temp: temp.slice(root.length + 1).split('\\').join('/'), file });
    }
    for (const folder of foldersOf(written.map((write) => write.temp))) await syncDirectory(fs, join(root, folder));
    // One save back: the previous save's backup goes before this one's plan exists.
    await fs.rm(join(root, BACKUP_DIR), { recursive: true, force: true });
    plan = { writes: written, removes: [...changes.remove] };
    await writeFileAtomic(join(root, SAVE_PLAN_FILE), JSON.stringify(plan), { fs });
  } catch (error) {
    await Promise.all(written.map(({ temp }) => fs.rm(join(root, temp), { force: true }).catch(() => undefined)));
    throw error;
  }
  try {
    await carryOut(fs, root, plan);
  } catch (error) {
    // Past the commit point: opening or saving the project again finishes this save.
    const failure = error as NodeJS.ErrnoException;
    throw Object.assign(new Error(`${failure.message} (the save was recorded in ${SAVE_PLAN_FILE}; it is finished the next time the project is saved or opened)`), {
      code: failure.code,
      cause: error,
    });
  }
}

/**
 * Before reading a project: finishes a save that was killed after its plan was written, and clears
 * the temp files of one killed before. Says which, for a notice.
 */
export async function finishInterruptedSave(root: string, tempDirs: readonly string[], options: { fs?: FolderFs } = {}): Promise<'none' | 'finished' | 'undone'> {
  const fs = fsOf(options);
  const finished = await finishPlan(fs, root);
  let undone = false;
  for (const dir of ['', ...tempDirs]) {
    const entries = await nodeFs.readdir(join(root, dir)).catch(() => [] as string[]);
    for (const entry of entries.filter((name) => name.includes(TEMP_MARKER) && !tempOfLiveProcess(name))) {
      await fs.rm(join(root, dir, entry), { force: true });
      undone = true;
    }
  }
  return finished ? 'finished' : undone ? 'undone' : 'none';
}
