import { idSchema } from '../model/ids';
import type { Project } from '../model/project';
import { PROJECT_FORMAT, PROJECT_VERSION, projectSchema } from '../model/project';
import { jsonPath, problemsFromZod, type Problem } from '../validation/problems';
import { migrateProjectDocument, type ProjectDocument } from './migrations';
import { parseJsonDocument } from './parseJson';
import { readStoredScreens } from './storedElementMap';
import { fontFamilySchema } from '../model/cssValues';

export type ProjectLoadErrorKind = 'damaged' | 'notStepwiseFile' | 'versionTooNew' | 'migrationFailed' | 'invalid' | 'mergeConflict';

/** Where a place in the loaded document is written: a project folder spreads one document over files. */
export interface DocumentPlace {
  file: string;
  /** The JSON path inside that file. */
  path: string;
  line: number | undefined;
}
export type LocateInDocument = (path: readonly PropertyKey[]) => DocumentPlace;

export interface ProjectLoadError {
  kind: ProjectLoadErrorKind;
  /** The file, as the caller named it, so the message can say which one. */
  file: string;
  /** One paragraph for a person: what happened, to which file, where, and what to do. */
  message: string;
  problems: Problem[];
}

export type ProjectLoadResult =
  | { ok: true; project: Project; migratedFrom: number | null; repairs: string[] }
  | { ok: false; error: ProjectLoadError };

/** The document came from JSON text, so a JSON round trip is an exact deep copy. */
function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function fail(kind: ProjectLoadErrorKind, file: string, message: string, problems: Problem[] = []): ProjectLoadResult {
  return { ok: false, error: { kind, file, message, problems } };
}

/** 53 bits of a string (cyrb53): the same text gives the same number on every machine and every run. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A 12-character id (like newId's) derived from `text`. */
function hashedId(text: string): string {
  let id = '';
  for (const seed of [1, 2]) {
    let bits = hash53(text, seed);
    for (let count = 0; count < 6; count++, bits = Math.floor(bits / 64)) id += ID_ALPHABET[bits % 64];
  }
  return id;
}

/** The ids `visit` below checks (screens, flows, their steps and items), to choose fresh ones none of them has. */
function collectIds(document: ProjectDocument): Set<string> {
  const ids = new Set<string>();
  const add = (records: unknown) => {
    if (!Array.isArray(records)) return;
    for (const record of records as unknown[]) {
      if (!record || typeof record !== 'object') continue;
      const item = record as Record<string, unknown>;
      if (typeof item.id === 'string') ids.add(item.id);
      add((item.tour as { steps?: unknown } | undefined)?.steps);
      add((item.checklist as { items?: unknown } | undefined)?.items);
    }
  };
  add(document.screens);
  add(document.flows);
  return ids;
}

/**
 * Gives duplicated ids fresh ones (a hand-merged file, or a flow file copied by hand, repeats them)
 * and says what it changed: one notice for a copied flow, its repeated step or item ids counted in it.
 * A fresh id is the same on every open of the same files (a random one changed on each reload, so
 * the editor saw a flow removed and another added): a copied file's name when that is a free id
 * (flows/setup-checklist.json), else a hash of the old id and where it is (the file inside the
 * project folder and the JSON path, so a clone elsewhere gets the same ids too).
 */
function restoreUniqueIds(document: ProjectDocument, repairs: string[], where: (path: readonly PropertyKey[]) => string, locate: LocateInDocument, mainFile: string): void {
  const seen = new Set<string>();
  const taken = collectIds(document);
  const folder = mainFile.slice(0, Math.max(mainFile.lastIndexOf('/'), mainFile.lastIndexOf('\\')) + 1);
  const freshId = (repeated: string, path: (string | number)[]): string => {
    const place = locate(path);
    const inFolder = place.file.startsWith(folder) ? place.file.slice(folder.length) : place.file;
    const fileName = /^(?:flows|screens)[\\/]([^\\/]+)\.json$/.exec(inFolder)?.[1];
    // A top-level flow or screen in a file of its own, copied by hand: the name its author gave the copy.
    let id = path.length === 3 && fileName && idSchema.safeParse(fileName).success ? fileName : hashedId(`${repeated}\n${inFolder}\n${place.path}`);
    for (let attempt = 1; taken.has(id); attempt++) id = hashedId(`${repeated}\n${inFolder}\n${place.path}\n${attempt}`);
    taken.add(id);
    return id;
  };
  /** Renews repeated ids among `records` and below; returns how many, and reports them unless `quiet`. */
  const visit = (records: unknown, path: (string | number)[], quiet: boolean): number => {
    if (!Array.isArray(records)) return 0;
    let renewed = 0;
    records.forEach((record, index) => {
      if (!record || typeof record !== 'object') return;
      const item = record as Record<string, unknown>;
      const repeated = typeof item.id === 'string' && seen.has(item.id) ? item.id : null;
      if (repeated !== null) {
        item.id = freshId(repeated, [...path, index, 'id']);
        renewed++;
      }
      if (typeof item.id === 'string') seen.add(item.id);
      const children =
        item.kind === 'tour'
          ? visit((item.tour as { steps?: unknown } | undefined)?.steps, [...path, index, 'tour', 'steps'], quiet || repeated !== null)
          : item.kind === 'checklist'
            ? visit((item.checklist as { items?: unknown } | undefined)?.items, [...path, index, 'checklist', 'items'], quiet || repeated !== null)
            : 0;
      renewed += children;
      if (repeated === null || quiet) return;
      const unit = item.kind === 'tour' ? 'step' : 'item';
      const also = children ? `, and its ${children} repeated ${unit} id${children === 1 ? ' is' : 's are'} new too` : '';
      repairs.push(`${where([...path, index, 'id'])} repeated the id "${repeated}"; it is now "${item.id as string}"${also}.`);
    });
    return renewed;
  };
  visit(document.screens, ['screens'], false);
  visit(document.flows, ['flows'], false);
}

/**
 * Earlier versions accepted any font text, which the player now refuses as unsafe CSS (an empty
 * one, or one with ";", "url(" or braces): such a font goes back to the default, with a notice.
 */
function restoreThemeFont(document: ProjectDocument, repairs: string[]): void {
  const theme = document.theme as Record<string, unknown> | undefined;
  if (!theme || typeof theme !== 'object' || typeof theme.fontFamily !== 'string' || fontFamilySchema.safeParse(theme.fontFamily).success) return;
  repairs.push(`$.theme.fontFamily was ${JSON.stringify(theme.fontFamily.slice(0, 80))}, which is not a safe font-family list; it is back to the default font.`);
  delete theme.fontFamily;
}

/**
 * Reads a project file: parse -> check format and version -> migrate -> restore -> validate.
 * Never throws; every failure names the file and the place inside it.
 */
export function loadProjectText(text: string, file: string): ProjectLoadResult {
  const parsed = parseJsonDocument(text);
  if (!parsed.ok) return damagedFile(file, parsed.error);
  const { value, lineOf } = parsed.parsed;
  return loadProjectValue(value, file, (path) => ({ file, path: jsonPath(path), line: lineOf(path) }));
}

/** A file that is not JSON (a cut-off write, a stray character), named with its line. */
export function damagedFile(file: string, error: { message: string; line?: number | undefined }): ProjectLoadResult {
  const line = error.line === undefined ? {} : { line: error.line };
  return fail('damaged', file, `${file} is damaged: ${error.message}. Nothing was changed; fix the file, or take it from git or from the project's backup.`, [
    { path: '$', message: error.message, ...line },
  ]);
}

/**
 * The same steps for a document already parsed: a single project.json, or a project folder's files
 * put together (`locate` then says which file and line each place came from).
 */
export function loadProjectValue(value: unknown, file: string, locate: LocateInDocument): ProjectLoadResult {
  const where = (path: readonly PropertyKey[]) => {
    const place = locate(path);
    return place.file === file ? place.path : `${place.file} at ${place.path}`;
  };
  if (!value || typeof value !== 'object' || Array.isArray(value) || (value as ProjectDocument).format !== PROJECT_FORMAT) {
    return fail('notStepwiseFile', file, `${file} is not a Stepwise project: its "format" field should be "${PROJECT_FORMAT}".`);
  }
  const document = value as ProjectDocument;
  // No version at all is format 0, from before files carried one; a written version counts from 1.
  // JSON's 1e400 parses as Infinity, which is no version either.
  const written = document.version;
  if (written !== undefined && !(Number.isSafeInteger(written) && (written as number) >= 1)) {
    const line = locate(['version']).line;
    const message = `is ${typeof written === 'number' ? written : JSON.stringify(written)}, which is not a valid version: it should be a whole number from 1, like ${PROJECT_VERSION}`;
    return fail('invalid', file, `${file} has a problem at $.version${line ? `, line ${line}` : ''}: it ${message}. Nothing was changed.`, [{ path: '$.version', message, line }]);
  }
  const version = (written ?? 0) as number;
  if (version > PROJECT_VERSION) {
    return fail(
      'versionTooNew',
      file,
      `${file} was saved by a newer Stepwise (project format ${version}; this version reads up to ${PROJECT_VERSION}). Update Stepwise to open it; the file was not changed.`,
    );
  }

  let migrated: ProjectDocument = document;
  let migratedFrom: number | null = null;
  if (version < PROJECT_VERSION) {
    try {
      migrated = migrateProjectDocument(cloneJson(document), version).document;
      migratedFrom = version;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail('migrationFailed', file, `${file} could not be upgraded from project format ${version} to ${PROJECT_VERSION}: ${reason}. The file was not changed.`);
    }
  }

  const repairs: string[] = [];
  const restored = cloneJson(migrated);
  readStoredScreens(restored, repairs, where);
  restoreUniqueIds(restored, repairs, where, locate, file);
  restoreThemeFont(restored, repairs);
  const result = projectSchema.safeParse(restored);
  if (!result.success) {
    const problems: Problem[] = problemsFromZod(result.error, restored).map((problem, index) => {
      const place = locate(result.error.issues[index]!.path);
      return { ...problem, path: place.path, line: place.line, ...(place.file === file ? {} : { file: place.file }) };
    });
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    return fail(
      'invalid',
      first.file ?? file,
      `${first.file ?? file} has a problem at ${first.path}${first.line ? `, line ${first.line}` : ''}: it ${first.message}${more}. Nothing was changed.`,
      problems,
    );
  }
  return { ok: true, project: keepUnknownFields(result.data, restored), migratedFrom, repairs };
}

/** Top-level fields this version does not know (written by a newer build) survive a load and save. */
function keepUnknownFields(project: Project, source: ProjectDocument): Project {
  const known = new Set(Object.keys(projectSchema.shape));
  const extras = Object.fromEntries(Object.entries(source).filter(([key]) => !known.has(key) && key !== '__proto__'));
  return { ...extras, ...project };
}
