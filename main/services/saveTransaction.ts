import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TEMP_MARKER, writeFileAtomic, type AtomicFs } from './atomicWrite';

/**
 * A save that changes several files of a project folder at once, so that a crash or kill at any
 * moment leaves the old project or the new one, never a mix:
 *   1. every new file is written beside its target as a temp file and fsynced (old project intact);
 *   2. the plan (which temp goes where, which files go away) is written atomically as
 *      .save-in-progress.json: from this moment the save counts as done;
 *   3. the plan is carried out: each replaced or removed file moves to .backup/, each temp file is
 *      renamed into place; then the plan is removed.
 * Opening a project first finishes a plan left by a killed save (every step is safe to repeat),
 * or, with no plan, removes the temp files of a save that never reached step 2.
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

/** The file operations a save needs; the kill test passes a copy that announces each one. */
export interface FolderFs extends AtomicFs {
  mkdir: typeof nodeFs.mkdir;
}

const fsOf = (options: { fs?: FolderFs | undefined }): FolderFs => options.fs ?? { ...nodeFs };

async function exists(path: string): Promise<boolean> {
  return nodeFs.access(path).then(
    () => true,
    () => false,
  );
}

async function writeTemp(fs: FolderFs, file: string, data: string): Promise<string> {
  const temp = `${file}${TEMP_MARKER}${randomBytes(6).toString('hex')}`;
  const handle = await fs.open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/** Step 3: safe to run again after a kill at any point inside it. */
async function carryOut(fs: FolderFs, root: string, plan: SavePlan): Promise<void> {
  const backUp = async (relative: string) => {
    const backup = join(root, BACKUP_DIR, relative);
    await fs.mkdir(dirname(backup), { recursive: true });
    await fs.rename(join(root, relative), backup);
  };
  for (const { temp, file } of plan.writes) {
    if (!(await exists(join(root, temp)))) continue; // already moved into place
    // The old file is copied, not moved, so the target never goes missing between two renames.
    if (await exists(join(root, file))) {
      const backup = join(root, BACKUP_DIR, file);
      await fs.mkdir(dirname(backup), { recursive: true });
      await fs.copyFile(join(root, file), backup);
    }
    await fs.mkdir(dirname(join(root, file)), { recursive: true });
    await fs.rename(join(root, temp), join(root, file));
  }
  for (const file of plan.removes) {
    if (await exists(join(root, file))) await backUp(file);
  }
  await fs.rm(join(root, SAVE_PLAN_FILE), { force: true });
}

/** Applies `changes` to the folder at `root` as one atomic save (see the top of this file). */
export async function commitFolderChanges(root: string, changes: FolderChanges, options: { fs?: FolderFs } = {}): Promise<void> {
  const fs = fsOf(options);
  if (!changes.write.size && !changes.remove.length) return;
  const written: { temp: string; file: string }[] = [];
  let plan: SavePlan;
  try {
    for (const [file, data] of changes.write) {
      await fs.mkdir(dirname(join(root, file)), { recursive: true });
      const temp = await writeTemp(fs, join(root, file), data);
      written.push({ temp: temp.slice(root.length + 1).split('\\').join('/'), file });
    }
    // One save back: the previous save's backup goes before this one's plan exists.
    await fs.rm(join(root, BACKUP_DIR), { recursive: true, force: true });
    plan = { writes: written, removes: [...changes.remove] };
    await writeFileAtomic(join(root, SAVE_PLAN_FILE), JSON.stringify(plan), { fs });
  } catch (error) {
    await Promise.all(written.map(({ temp }) => fs.rm(join(root, temp), { force: true }).catch(() => undefined)));
    throw error;
  }
  await carryOut(fs, root, plan);
}

const isPlan = (value: unknown): value is SavePlan => {
  const candidate = value as SavePlan | null;
  const relative = (path: unknown) => typeof path === 'string' && !path.startsWith('/') && !path.split(/[\\/]/).includes('..');
  return (
    Boolean(candidate) &&
    Array.isArray(candidate!.writes) &&
    Array.isArray(candidate!.removes) &&
    candidate!.writes.every((write) => relative(write?.temp) && relative(write?.file)) &&
    candidate!.removes.every(relative)
  );
};

/**
 * Before reading a project: finishes a save that was killed after its plan was written, or clears
 * the temp files of one killed before. Says which, for a notice.
 */
export async function finishInterruptedSave(root: string, tempDirs: readonly string[], options: { fs?: FolderFs } = {}): Promise<'none' | 'finished' | 'undone'> {
  const fs = fsOf(options);
  const text = await nodeFs.readFile(join(root, SAVE_PLAN_FILE), 'utf8').catch(() => null);
  if (text !== null) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* written atomically, so never half; anything else is not ours to follow */
    }
    if (isPlan(parsed)) {
      await carryOut(fs, root, parsed);
      return 'finished';
    }
    await fs.rm(join(root, SAVE_PLAN_FILE), { force: true });
  }
  let undone = false;
  for (const dir of ['', ...tempDirs]) {
    const entries = await nodeFs.readdir(join(root, dir)).catch(() => [] as string[]);
    for (const entry of entries.filter((name) => name.includes(TEMP_MARKER))) {
      await fs.rm(join(root, dir, entry), { force: true });
      undone = true;
    }
  }
  return undone ? 'undone' : 'none';
}
