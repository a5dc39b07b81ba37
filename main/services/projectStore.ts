import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { OpenedProject } from '../../shared/api/contract';
import { BuilderApiError } from '../../shared/api/apiError';
import type { Project } from '../../shared/model/project';
import { projectSchema } from '../../shared/model/project';
import type { ScreenImage } from '../../shared/model/screen';
import type { InspectedImage } from './imageFile';
import { loadProjectText } from '../../shared/project/loadProject';
import { storedProject } from '../../shared/project/storedElementMap';
import { stableStringify } from '../../shared/stableJson';
import { TEMP_MARKER, writeFileAtomic } from './atomicWrite';
import { FLOWS_DIR, PROJECT_FILE, SCREENS_DIR, folderOrder, isSingleFileProject, loadProjectFolder, projectFolderFiles } from '../../shared/project/projectFolder';
import { listProjectFiles, projectDiskVersion, readProjectFiles, type FolderTexts } from './projectFolderRead';
import { BACKUP_DIR, SAVE_PLAN_FILE, commitFolderChanges, finishInterruptedSave, type FolderFs } from './saveTransaction';
import { pathExists } from './pathExists';
import { isInsideFolder } from './pathPolicy';
import { findMergeConflict } from '../../shared/project/mergeConflicts';
import { parseJsonDocument } from '../../shared/project/parseJson';

/**
 * A project on disk is a folder (project format 4, shared/project/projectFolder.ts):
 *   <name>.stepwise/project.json          name, theme, languages
 *   <name>.stepwise/flows/<id>.json       one file a flow
 *   <name>.stepwise/screens/<id>.json     one file a screen, its element map inside
 *   <name>.stepwise/images/<sha256>.png   screenshots, named by content so they never clash
 *   <name>.stepwise/.backup/              what the last save replaced or removed (not for git)
 * A save writes only the files that changed, all or none (main/services/saveTransaction.ts).
 */
export { PROJECT_FILE };
export const IMAGES_DIR = 'images';
export const PROJECT_DIR_SUFFIX = '.stepwise';
/** The editor's copy of unsaved work, written moments after each change, removed once saved. */
export const JOURNAL_FILE = '.autosave-journal.json';
/** The journal's note of the files' version (project.diskVersion) its edits were made on. */
const JOURNAL_BASE_FIELD = 'journalOfDiskVersion';
/**
 * Written with a new project folder: the files are written with LF line ends, and a Windows
 * checkout (core.autocrlf) would otherwise turn them to CRLF, so every file would differ from what
 * Stepwise writes.
 */
const GITATTRIBUTES_FILE = '.gitattributes';
const GITATTRIBUTES = `# Written by Stepwise: it writes its JSON files with LF line ends; keep them so in every checkout.
*.json text eol=lf
`;

/** The same file but for CRLF line ends (a Windows checkout of a repository without .gitattributes): no need to write it. */
function sameText(onDisk: string | undefined, text: string): boolean {
  return onDisk === text || (onDisk !== undefined && onDisk.includes('\r\n') && onDisk.replace(/\r\n/g, '\n') === text);
}

/** Written with a new project folder: what Stepwise keeps for itself stays out of the team's git. */
const GITIGNORE_FILE = '.gitignore';
const GITIGNORE = `# Written by Stepwise: files it keeps for itself, not part of the project.
${BACKUP_DIR}/
${JOURNAL_FILE}
${SAVE_PLAN_FILE}
*${TEMP_MARKER}*
*.bak
`;

export interface ProjectStoreOptions {
  /** Where new projects and "save as" copies go. */
  projectsDir: string;
  fs?: FolderFs;
}

/** "Acme onboarding" -> "Acme onboarding"; strips what file systems refuse, keeps it readable. */
function folderName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what file systems refuse
  const cleaned = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 80);
  return cleaned || 'Untitled';
}

/** Accepts the project folder or the project.json inside it. */
export function projectDirOf(path: string): string {
  const absolute = resolve(path);
  return basename(absolute) === PROJECT_FILE ? resolve(absolute, '..') : absolute;
}

function ioError(action: string, path: string, error: unknown): BuilderApiError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission was denied' : code === 'ENOSPC' ? 'the disk is full' : (error as Error).message;
  return new BuilderApiError({ code: code === 'ENOENT' ? 'notFound' : 'io', message: `Could not ${action} ${path}: ${reason}.`, file: path });
}

/**
 * A save writes the editor's project over what is on disk (what it replaces goes to .backup/), but
 * not over a file that changed since Stepwise read it and can no longer be read: a merge with
 * conflicts or a broken hand edit is someone's unfinished work, and the save would silently end it.
 * `read` is what the store last read or wrote (nothing: every file is checked).
 */
function refuseUnreadableChanges(dir: string, texts: FolderTexts, read: FolderTexts | undefined): void {
  for (const [name, text] of texts) {
    if (read?.get(name) === text) continue;
    const file = join(dir, name);
    const conflict = findMergeConflict(text);
    if (conflict) {
      throw new BuilderApiError({
        code: 'mergeConflict',
        file,
        message: `Did not save: ${basename(dir)}/${name} has git conflict markers from a merge at line ${conflict.line}. Keep one side in the file, then \`git add\` it and commit to finish the merge; nothing was written, and your changes stay in the editor meanwhile.`,
      });
    }
    const parsed = parseJsonDocument(text);
    if (!parsed.ok) {
      throw new BuilderApiError({
        code: 'damaged',
        file,
        message: `Did not save: ${file} was changed on disk and is damaged (${parsed.error.message}). Fix it or take it from git, then save again; nothing was written, and your changes stay in the editor meanwhile.`,
        problems: [{ path: '$', message: parsed.error.message, line: parsed.error.line, file }],
      });
    }
  }
}

/**
 * stableStringify by way of the last save's results: JSON.stringify (native, about 5 times faster)
 * of an unchanged item finds its pretty text, so a save after editing one flow of 200 renders one
 * flow file, not all of them. Fills `next` with what this save rendered.
 */
function memoizedStringify(last: ReadonlyMap<string, string> | undefined, next: Map<string, string>): (value: unknown) => string {
  return (value) => {
    const key = JSON.stringify(value);
    const text = last?.get(key) ?? stableStringify(value);
    next.set(key, text);
    return text;
  };
}

/**
 * flows/, screens/ and .backup/ must be the project's own folders: a symlink there (say, in a
 * cloned repository) would make a save write, and move away, files outside the project.
 */
async function refuseLinkedFolders(dir: string, action: 'read' | 'written'): Promise<void> {
  for (const sub of [FLOWS_DIR, SCREENS_DIR, BACKUP_DIR]) {
    const stat = await fs.lstat(join(dir, sub)).catch(() => null);
    if (stat && !stat.isDirectory()) {
      const what = stat.isSymbolicLink() ? 'a link' : 'a file';
      throw new BuilderApiError({
        code: 'forbidden',
        file: join(dir, sub),
        message: `${join(dir, sub)} is ${what}, not a folder of the project: Stepwise keeps a project's files inside its folder. Replace it with a plain folder; nothing was ${action}.`,
      });
    }
  }
}

/**
 * The project's images folder, created if missing, refused when it is (or leads through) a
 * symlink to somewhere outside the project: images are written there by name.
 */
async function checkedImagesDir(projectDir: string): Promise<string> {
  // A capture may come before the first save: the (already checked) project folder is made here.
  await fs.mkdir(projectDir, { recursive: true });
  const realProject = await fs.realpath(projectDir);
  const dir = join(realProject, IMAGES_DIR);
  const outside = (where: string) =>
    new BuilderApiError({ code: 'forbidden', message: `The images folder of ${projectDir} leads outside the project (to ${where}); nothing was written.`, file: dir });
  // mkdir never follows a final symlink: on one (dangling or not) it fails with EEXIST, and the check below decides.
  await fs.mkdir(dir).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  const real = await fs.realpath(dir).catch(() => {
    throw outside('a link to nothing');
  });
  if (!isInsideFolder(realProject, real)) throw outside(real);
  return real;
}

/** The images folder to read from: the same rule as for writing, but nothing is created. */
async function readableImagesDir(projectDir: string): Promise<string> {
  const realProject = await fs.realpath(projectDir);
  const real = await fs.realpath(join(realProject, IMAGES_DIR));
  if (!isInsideFolder(realProject, real)) {
    throw new BuilderApiError({ code: 'forbidden', message: `The images folder of ${projectDir} leads outside the project (to ${real}); nothing was read.`, file: join(projectDir, IMAGES_DIR) });
  }
  return real;
}

export function createProjectStore(options: ProjectStoreOptions) {
  const atomicFs = options.fs;

  async function uniqueProjectDir(name: string): Promise<string> {
    const base = folderName(name);
    for (let n = 1; n < 1_000; n++) {
      const candidate = join(options.projectsDir, `${base}${n === 1 ? '' : ` ${n}`}${PROJECT_DIR_SUFFIX}`);
      if (!(await pathExists(candidate))) return candidate;
    }
    throw new BuilderApiError({ code: 'alreadyExists', message: `Too many projects are named "${name}" in ${options.projectsDir}.` });
  }

  /**
   * The files as last read or written, with the disk version they had: a save compares against
   * them instead of reading every file (screens hold element maps of up to 1 MB) when nothing
   * else changed the folder since.
   */
  const known = new Map<string, { diskVersion: string; texts: FolderTexts }>();
  /** Each folder's last rendered items (see memoizedStringify). */
  const rendered = new Map<string, Map<string, string>>();

  async function currentTexts(dir: string, diskVersion: string): Promise<FolderTexts> {
    const cached = known.get(dir);
    if (cached && cached.diskVersion === diskVersion) return cached.texts;
    const texts = await readProjectFiles(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return new Map<string, string>(); // a new project: nothing written yet
      throw error;
    });
    refuseUnreadableChanges(dir, texts, cached?.texts);
    return texts;
  }

  /**
   * Operations on one project run one after another: an open (which may finish a cut-off save and
   * sweeps temp files) must not run inside a save or a journal write of the same folder.
   */
  const queues = new Map<string, Promise<unknown>>();
  function oneAtATime<T>(dir: string, run: () => Promise<T>): Promise<T> {
    const result = (queues.get(dir) ?? Promise.resolve()).then(run, run);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    queues.set(dir, settled);
    void settled.then(() => {
      if (queues.get(dir) === settled) queues.delete(dir);
    });
    return result;
  }

  /**
   * Unsaved work left by a session that ended without saving, when it differs from the project.
   * The journal says which version of the files its edits were made on: when the files changed
   * since (a git pull after the app closed), the offer says so, for the author to look before
   * putting the older version of what they edited back over the files. A journal from before
   * it said so counts only while it is newer than every file.
   */
  async function readJournal(dir: string, saved: Project, diskVersion: string): Promise<{ savedAt: string; project: Project; filesChangedSince?: boolean } | null> {
    const journal = join(dir, JOURNAL_FILE);
    try {
      const journalStat = await fs.stat(journal);
      const loaded = loadProjectText(await fs.readFile(journal, 'utf8'), journal);
      if (!loaded.ok) return null;
      const { [JOURNAL_BASE_FIELD]: base, ...project } = loaded.project as Project & Record<typeof JOURNAL_BASE_FIELD, unknown>;
      if (typeof base !== 'string') {
        const files = await Promise.all((await listProjectFiles(dir)).map((name) => fs.stat(join(dir, name))));
        if (files.some((stat) => stat.mtimeMs > journalStat.mtimeMs)) return null;
      }
      if (stableStringify(storedProject(project)) === stableStringify(storedProject(saved))) return null;
      return { savedAt: journalStat.mtime.toISOString(), project, ...(typeof base === 'string' && base !== diskVersion ? { filesChangedSince: true } : {}) };
    } catch {
      return null; // no journal (the usual case), or one that cannot be read: nothing to offer
    }
  }

  /**
   * Writes the project as a folder; only the files that differ from what is on disk, all or none.
   * With `expectedDiskVersion`, refuses when the files are no longer at that version (someone
   * else changed them since the editor last read them): the editor merges first, nothing is lost.
   */
  async function write(dir: string, project: Project, expectedDiskVersion?: string): Promise<string> {
    // The contract already checked the shape; this guards callers inside main as well.
    const valid = projectSchema.parse(project);
    await refuseLinkedFolders(dir, 'written');
    await fs.mkdir(join(dir, IMAGES_DIR), { recursive: true });
    const versionBefore = await projectDiskVersion(dir);
    if (expectedDiskVersion !== undefined && versionBefore !== expectedDiskVersion) {
      throw new BuilderApiError({
        code: 'changedOnDisk',
        message: `The project's files in ${dir} changed on disk since they were last read here (a git pull, or someone else's save). Nothing was saved; the editor reads them again and merges first.`,
        problems: [],
      });
    }
    const before = await currentTexts(dir, versionBefore);
    const oldMain = before.get(PROJECT_FILE);
    let oldDocument: unknown = null;
    try {
      oldDocument = oldMain === undefined ? null : JSON.parse(oldMain);
    } catch {
      /* a damaged project.json is replaced; the backup keeps it */
    }
    const singleFile = oldMain !== undefined && isSingleFileProject(oldDocument);
    const memo = new Map<string, string>();
    const files = projectFolderFiles(valid, singleFile ? undefined : folderOrder(before), memoizedStringify(rendered.get(dir), memo));
    rendered.set(dir, memo);
    const write = new Map([...files].filter(([name, text]) => !sameText(before.get(name), text)));
    const remove = [...before.keys()].filter((name) => !files.has(name));
    if (oldMain === undefined || singleFile) {
      // A new folder, or the first save of a single-file project: the old file is kept whole beside it.
      if (singleFile) {
        const version = (oldDocument as { version?: unknown } | null)?.version;
        write.set(`project-format-${typeof version === 'number' ? version : 0}.json.bak`, oldMain!);
      }
      if (!(await pathExists(join(dir, GITIGNORE_FILE)))) write.set(GITIGNORE_FILE, GITIGNORE);
      if (!(await pathExists(join(dir, GITATTRIBUTES_FILE)))) write.set(GITATTRIBUTES_FILE, GITATTRIBUTES);
    }
    await commitFolderChanges(dir, { write, remove }, { ...(atomicFs ? { fs: atomicFs } : {}) });
    const diskVersion = await projectDiskVersion(dir);
    known.set(dir, { diskVersion, texts: files });
    return diskVersion;
  }

  /** Reads and checks a project folder (see open). */
  async function openFolder(dir: string, offerRecovery: boolean): Promise<OpenedProject> {
    const file = join(dir, PROJECT_FILE);
    let texts: FolderTexts;
    let interrupted: Awaited<ReturnType<typeof finishInterruptedSave>>;
    let diskVersion: string;
    await refuseLinkedFolders(dir, 'read');
    try {
      interrupted = await finishInterruptedSave(dir, [FLOWS_DIR, SCREENS_DIR], { ...(atomicFs ? { fs: atomicFs } : {}) });
      diskVersion = await projectDiskVersion(dir);
      texts = await readProjectFiles(dir);
    } catch (error) {
      throw ioError('open the project', file, error);
    }
    const result = loadProjectFolder(dir, texts);
    if (!result.ok) {
      throw new BuilderApiError({ code: result.error.kind, message: result.error.message, file: result.error.file, problems: result.error.problems });
    }
    known.set(dir, { diskVersion, texts });
    const notices = [...result.repairs];
    if (result.migratedFrom !== null) {
      notices.unshift(
        `This project was upgraded from format ${result.migratedFrom}. Saving writes it as a folder of small files (a file a flow and a file a screen, so a team's changes merge in git) and keeps the old file as project-format-${result.migratedFrom}.json.bak.`,
      );
    }
    if (interrupted === 'finished') notices.unshift('The last save was cut off (the app closed mid-save); it was finished now, so the project is as that save left it.');
    // A reload skips it: reading and comparing a journal costs about as much as the open itself.
    const recovery = offerRecovery ? await readJournal(dir, result.project, diskVersion) : null;
    // An upgrade from an older format is left for the author's first save (a team may still have the older app).
    const repaired = result.repairs.length > 0 && result.migratedFrom === null;
    return { path: dir, project: result.project, notices, diskVersion, ...(repaired ? { repaired } : {}), ...(recovery ? { recovery } : {}) };
  }

  return {
    async create(name: string, project: Project): Promise<OpenedProject> {
      await fs.mkdir(options.projectsDir, { recursive: true }).catch((error: unknown) => {
        throw ioError('create the projects folder', options.projectsDir, error);
      });
      const dir = await uniqueProjectDir(name);
      let diskVersion: string;
      try {
        await fs.mkdir(dir);
        diskVersion = await write(dir, project);
      } catch (error) {
        throw error instanceof BuilderApiError ? error : ioError('create the project', dir, error);
      }
      return { path: dir, project, notices: [], diskVersion };
    },

    /**
     * Reads and checks a project. It writes only to finish (or undo) a save that was cut off; a
     * damaged file stays exactly as it was.
     */
    async open(path: string, { offerRecovery = true }: { offerRecovery?: boolean } = {}): Promise<OpenedProject> {
      const dir = projectDirOf(path);
      return oneAtATime(dir, () => openFolder(dir, offerRecovery));
    },

    /** Keeps unsaved work safe between autosaves; a crash leaves it for the next open to offer. */
    async writeJournal(path: string, project: Project, baseDiskVersion?: string): Promise<void> {
      const dir = projectDirOf(path);
      await oneAtATime(dir, async () => {
        try {
          const journal = { ...storedProject(projectSchema.parse(project)), ...(baseDiskVersion ? { [JOURNAL_BASE_FIELD]: baseDiskVersion } : {}) };
          await writeFileAtomic(join(dir, JOURNAL_FILE), stableStringify(journal), { ...(atomicFs ? { fs: atomicFs } : {}) });
        } catch (error) {
          throw error instanceof BuilderApiError ? error : ioError('keep unsaved changes in', dir, error);
        }
      });
    },

    async discardJournal(path: string): Promise<void> {
      const dir = projectDirOf(path);
      await oneAtATime(dir, () => fs.rm(join(dir, JOURNAL_FILE), { force: true }));
    },

    async save(path: string, project: Project, expectedDiskVersion?: string): Promise<{ path: string; savedAt: string; diskVersion: string }> {
      const dir = projectDirOf(path);
      const diskVersion = await oneAtATime(dir, () =>
        write(dir, project, expectedDiskVersion).catch((error: unknown) => {
          throw error instanceof BuilderApiError ? error : ioError('save the project to', dir, error);
        }),
      );
      return { path: dir, savedAt: new Date().toISOString(), diskVersion };
    },
    /** See project.diskVersion in the contract. */
    async diskVersion(path: string): Promise<string> {
      return projectDiskVersion(projectDirOf(path));
    },

    /** Saves a copy under a new name, with the images it uses; the original stays as it was. */
    async saveAs(fromPath: string, name: string, project: Project): Promise<OpenedProject> {
      const fromDir = projectDirOf(fromPath);
      const renamed: Project = { ...project, name };
      const dir = await uniqueProjectDir(name);
      let diskVersion: string;
      try {
        await fs.mkdir(join(dir, IMAGES_DIR), { recursive: true });
        const fromImages = project.screens.length ? await readableImagesDir(fromDir) : '';
        for (const screen of project.screens) {
          await fs.copyFile(join(fromImages, screen.image.file), join(dir, IMAGES_DIR, screen.image.file));
        }
        diskVersion = await write(dir, renamed);
      } catch (error) {
        throw error instanceof BuilderApiError ? error : ioError('save a copy to', dir, error);
      }
      return { path: dir, project: renamed, notices: [], diskVersion };
    },

    /**
     * Stores a checked image in the project's images folder under its content hash. Writing the
     * same bytes twice is a no-op; the project file does not refer to it until the next save.
     */
    async saveImage(path: string, bytes: Uint8Array, image: InspectedImage): Promise<ScreenImage> {
      const projectDir = projectDirOf(path);
      const file = `${createHash('sha256').update(bytes).digest('hex')}.${image.extension}`;
      try {
        const dir = await checkedImagesDir(projectDir);
        if (!(await pathExists(join(dir, file)))) await writeFileAtomic(join(dir, file), bytes, { ...(atomicFs ? { fs: atomicFs } : {}) });
      } catch (error) {
        throw error instanceof BuilderApiError ? error : ioError('store the screenshot in', join(projectDir, IMAGES_DIR), error);
      }
      return { file, width: image.width, height: image.height };
    },

    /** A screenshot's bytes as a data: URL. `file` is a content-hash name the contract has checked. */
    async readImage(path: string, file: string): Promise<string> {
      const image = join(projectDirOf(path), IMAGES_DIR, file);
      try {
        const bytes = await fs.readFile(join(await readableImagesDir(projectDirOf(path)), file));
        const mime = file.endsWith('.png') ? 'image/png' : file.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
        return `data:${mime};base64,${bytes.toString('base64')}`;
      } catch (error) {
        throw error instanceof BuilderApiError ? error : ioError('read the screenshot', image, error);
      }
    },

    /** The projects in the projects folder, for hosts without a native open dialog. */
    async listProjectDirs(): Promise<string[]> {
      const entries = await fs.readdir(options.projectsDir, { withFileTypes: true }).catch(() => []);
      const dirs = entries.filter((entry) => entry.isDirectory() && entry.name.endsWith(PROJECT_DIR_SUFFIX)).map((entry) => join(options.projectsDir, entry.name));
      const withFile = await Promise.all(dirs.map(async (dir) => ((await pathExists(join(dir, PROJECT_FILE))) ? dir : null)));
      return withFile.filter((dir): dir is string => dir !== null).sort();
    },
  };
}

export type ProjectStore = ReturnType<typeof createProjectStore>;
