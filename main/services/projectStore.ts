import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
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
import { TEMP_MARKER, writeFileAtomic, type AtomicFs } from './atomicWrite';
import { isInsideFolder } from './pathPolicy';

/**
 * A project on disk is a folder:
 *   <name>.stepwise/project.json      the document: pretty JSON, stable key order
 *   <name>.stepwise/project.json.bak  what the previous save replaced
 *   <name>.stepwise/images/<sha256>.png  screenshots, named by content so they never clash
 */
export const PROJECT_FILE = 'project.json';
export const IMAGES_DIR = 'images';
export const PROJECT_DIR_SUFFIX = '.stepwise';
/** The editor's copy of unsaved work, written moments after each change, removed once saved. */
export const JOURNAL_FILE = '.autosave-journal.json';

export interface ProjectStoreOptions {
  /** Where new projects and "save as" copies go. */
  projectsDir: string;
  fs?: AtomicFs;
}

/** "Acme onboarding" -> "Acme onboarding"; strips what file systems refuse, keeps it readable. */
function folderName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what file systems refuse
  const cleaned = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 80);
  return cleaned || 'Untitled';
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path, fsConstants.F_OK);
    return true;
  } catch {
    return false;
  }
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
      if (!(await exists(candidate))) return candidate;
    }
    throw new BuilderApiError({ code: 'alreadyExists', message: `Too many projects are named "${name}" in ${options.projectsDir}.` });
  }

  async function removeStaleTempFiles(dir: string): Promise<void> {
    const entries = await fs.readdir(dir).catch(() => [] as string[]);
    await Promise.all(entries.filter((entry) => entry.includes(TEMP_MARKER)).map((entry) => fs.rm(join(dir, entry), { force: true })));
  }

  /** Unsaved work left by a session that ended without saving: newer than the project file and different from it. */
  async function readJournal(dir: string, projectFile: string, savedText: string): Promise<{ savedAt: string; project: Project } | null> {
    const journal = join(dir, JOURNAL_FILE);
    try {
      const [journalStat, projectStat] = await Promise.all([fs.stat(journal), fs.stat(projectFile)]);
      if (journalStat.mtimeMs < projectStat.mtimeMs) return null;
      const text = await fs.readFile(journal, 'utf8');
      if (text === savedText) return null;
      const loaded = loadProjectText(text, journal);
      return loaded.ok ? { savedAt: journalStat.mtime.toISOString(), project: loaded.project } : null;
    } catch {
      return null; // no journal (the usual case), or one that cannot be read: nothing to offer
    }
  }

  async function write(dir: string, project: Project): Promise<void> {
    // The contract already checked the shape; this guards callers inside main as well.
    const valid = projectSchema.parse(project);
    await fs.mkdir(join(dir, IMAGES_DIR), { recursive: true });
    await writeFileAtomic(join(dir, PROJECT_FILE), stableStringify(storedProject(valid)), { keepBackup: true, ...(atomicFs ? { fs: atomicFs } : {}) });
  }

  return {
    async create(name: string, project: Project): Promise<OpenedProject> {
      await fs.mkdir(options.projectsDir, { recursive: true }).catch((error: unknown) => {
        throw ioError('create the projects folder', options.projectsDir, error);
      });
      const dir = await uniqueProjectDir(name);
      try {
        await fs.mkdir(dir);
        await write(dir, project);
      } catch (error) {
        throw error instanceof BuilderApiError ? error : ioError('create the project', dir, error);
      }
      return { path: dir, project, notices: [] };
    },

    /** Reads and checks a project; never writes, so a damaged file stays exactly as it was. */
    async open(path: string): Promise<OpenedProject> {
      const dir = projectDirOf(path);
      const file = join(dir, PROJECT_FILE);
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        throw ioError('open the project', file, error);
      }
      const result = loadProjectText(text, file);
      if (!result.ok) {
        throw new BuilderApiError({ code: result.error.kind, message: result.error.message, file, problems: result.error.problems });
      }
      await removeStaleTempFiles(dir);
      const notices = [...result.repairs];
      if (result.migratedFrom !== null) notices.unshift(`This project was upgraded from format ${result.migratedFrom}; saving writes the new format.`);
      const recovery = await readJournal(dir, file, text);
      return { path: dir, project: result.project, notices, ...(recovery ? { recovery } : {}) };
    },

    /** Keeps unsaved work safe between autosaves; a crash leaves it for the next open to offer. */
    async writeJournal(path: string, project: Project): Promise<void> {
      const dir = projectDirOf(path);
      try {
        await writeFileAtomic(join(dir, JOURNAL_FILE), stableStringify(storedProject(projectSchema.parse(project))), { keepBackup: false, ...(atomicFs ? { fs: atomicFs } : {}) });
      } catch (error) {
        throw error instanceof BuilderApiError ? error : ioError('keep unsaved changes in', dir, error);
      }
    },

    async discardJournal(path: string): Promise<void> {
      await fs.rm(join(projectDirOf(path), JOURNAL_FILE), { force: true });
    },

    async save(path: string, project: Project): Promise<{ path: string; savedAt: string }> {
      const dir = projectDirOf(path);
      try {
        await write(dir, project);
      } catch (error) {
        throw error instanceof BuilderApiError ? error : ioError('save the project to', dir, error);
      }
      return { path: dir, savedAt: new Date().toISOString() };
    },

    /** Saves a copy under a new name, with the images it uses; the original stays as it was. */
    async saveAs(fromPath: string, name: string, project: Project): Promise<OpenedProject> {
      const fromDir = projectDirOf(fromPath);
      const renamed: Project = { ...project, name };
      const dir = await uniqueProjectDir(name);
      try {
        await fs.mkdir(join(dir, IMAGES_DIR), { recursive: true });
        const fromImages = project.screens.length ? await readableImagesDir(fromDir) : '';
        for (const screen of project.screens) {
          await fs.copyFile(join(fromImages, screen.image.file), join(dir, IMAGES_DIR, screen.image.file));
        }
        await write(dir, renamed);
      } catch (error) {
        throw error instanceof BuilderApiError ? error : ioError('save a copy to', dir, error);
      }
      return { path: dir, project: renamed, notices: [] };
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
        if (!(await exists(join(dir, file)))) await writeFileAtomic(join(dir, file), bytes, { keepBackup: false, ...(atomicFs ? { fs: atomicFs } : {}) });
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
      const withFile = await Promise.all(dirs.map(async (dir) => ((await exists(join(dir, PROJECT_FILE))) ? dir : null)));
      return withFile.filter((dir): dir is string => dir !== null).sort();
    },
  };
}

export type ProjectStore = ReturnType<typeof createProjectStore>;
