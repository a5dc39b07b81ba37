import type { Project } from '../model/project';
import { PROJECT_FORMAT, PROJECT_VERSION } from '../model/project';
import { stableStringify } from '../stableJson';
import { jsonPath } from '../validation/problems';
import { damagedFile, fail, loadProjectValue, type DocumentPlace, type ProjectLoadResult } from './loadProject';
import { findMergeConflict, type MergeConflict } from './mergeConflicts';
import { assignOrderKeys, compareOrder, isOrderKey } from './orderKeys';
import { parseJsonDocument } from './parseJson';
import { storedProject } from './storedElementMap';
import { isRecord } from '../isRecord';

/**
 * A project folder (project format 4) is made of small files, so that a team's parallel changes
 * touch different files and merge in git:
 *   project.json          name, theme, languages and settings (no flows, no screens)
 *   flows/<id>.json       { "flow": {...}, "order": "a1" }   one per flow
 *   screens/<id>.json     { "order": "a1", "screen": {...} }  one per screen, its element map inside
 *   images/               screenshots, named by content
 * "order" is a fractional key (shared/project/orderKeys.ts). It sits on its own line away from the
 * item's name (after "flow", before "screen"), so a rename and a move of one item merge too.
 * Files of format 3 and older (one project.json holding everything) still open; the first save
 * writes the folder (main/services/projectStore.ts).
 */
export const PROJECT_FILE = 'project.json';
export const FLOWS_DIR = 'flows';
export const SCREENS_DIR = 'screens';

export const flowFile = (id: string) => `${FLOWS_DIR}/${id}.json`;
export const screenFile = (id: string) => `${SCREENS_DIR}/${id}.json`;

/** A flow or screen file, not a save's temporary file or a hidden one. */
export function isProjectPartFile(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.') && !name.includes('.tmp-');
}

/** The order keys a folder's files carry, by id, kept by the next save. */
export interface FolderOrder {
  flows: Map<string, string>;
  screens: Map<string, string>;
}

/** The "order" line of a flow or screen file: top-level keys are the ones indented by two spaces. */
const ORDER_LINE = /^ {2}"order": ("(?:[^"\\\n]|\\.)*")/m;
const FILE_ID = /^(?:flows|screens)\/(.+)\.json$/;

/** Reads the keys from the files' text (no full parse: a screen file can hold a 1 MB element map). */
export function folderOrder(texts: ReadonlyMap<string, string>): FolderOrder {
  const order: FolderOrder = { flows: new Map(), screens: new Map() };
  for (const [name, text] of texts) {
    const id = FILE_ID.exec(name)?.[1];
    const line = ORDER_LINE.exec(text)?.[1];
    if (!id || !line) continue;
    try {
      const key: unknown = JSON.parse(line);
      if (typeof key === 'string') (name.startsWith(`${FLOWS_DIR}/`) ? order.flows : order.screens).set(id, key);
    } catch {
      /* a damaged line: the item gets a new key */
    }
  }
  return order;
}

/** The project as the folder's files, by path relative to the folder; keeps the keys of `previous` it can. */
export function projectFolderFiles(
  project: Project,
  previous: FolderOrder = { flows: new Map(), screens: new Map() },
  /** stableStringify, or a memo of it (the store's, so a save re-renders only the items that changed). */
  stringify: (value: unknown) => string = stableStringify,
): Map<string, string> {
  const { flows, screens, ...settings } = storedProject(project);
  const files = new Map<string, string>([[PROJECT_FILE, stringify(settings)]]);
  const flowKeys = assignOrderKeys(
    flows.map((flow) => flow.id),
    previous.flows,
  );
  const screenKeys = assignOrderKeys(
    screens.map((screen) => screen.id),
    previous.screens,
  );
  for (const flow of flows) files.set(flowFile(flow.id), stringify({ flow, order: flowKeys.get(flow.id) }));
  for (const screen of screens) files.set(screenFile(screen.id), stringify({ order: screenKeys.get(screen.id), screen }));
  return files;
}

/** A project.json that holds the whole project: format 3 and older, or one written by hand or a tool. */
export function isSingleFileProject(value: unknown): boolean {
  if (!isRecord(value)) return true; // not a project at all: the single-file reader says why
  const { version, flows, screens } = value;
  if (Array.isArray(flows) || Array.isArray(screens)) return true;
  // No version is format 0 (a single file); a version that is no whole number (1.5, 1e400) is
  // reported as such by the loader, not taken for an old single file beside the folder's parts.
  return version === undefined || (Number.isSafeInteger(version) && (version as number) < 4);
}

interface Part {
  file: string;
  /** Named after its id (flows/<id>.json), as Stepwise writes it; a copy made by hand or a merge is not. */
  ownFile: boolean;
  order: string | null;
  id: string;
  value: unknown;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}


/** A side of a conflict (the whole file as that side wrote it), parsed; undefined when it is not JSON on its own. */
function parseSide(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What a side calls the item (the flow, the screen, or the project for project.json). */
function sideName(side: unknown, key: 'flow' | 'screen' | null): string | null {
  const named = key === null ? side : isRecord(side) ? side[key] : undefined;
  return isRecord(named) && typeof named.name === 'string' ? JSON.stringify(named.name) : null;
}

/** The first few places (paths in the file) where the two sides differ. */
function differingPaths(a: unknown, b: unknown, path: PropertyKey[] = [], found: PropertyKey[][] = []): PropertyKey[][] {
  if (found.length >= 3) return found;
  if (isRecord(a) && isRecord(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) differingPaths(a[key], b[key], [...path, key], found);
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, index) => differingPaths(item, b[index], [...path, index], found));
  } else if (stableStringify(a) !== stableStringify(b)) {
    found.push(path);
  }
  return found;
}

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((value, segment) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[segment] : undefined), root);

/** A side's value, short enough for one line of a message. */
const shortValue = (value: unknown): string => {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** A side's label from the markers, " (HEAD)", or a commit hash cut to 8 characters (git writes 40 when merging a commit). */
function sideLabel(label: string | null | undefined): string {
  if (!label) return '';
  return ` (${/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(label) ? label.slice(0, 8) : label})`;
}

/** The folder's own name (Acme.stepwise), to name a file in a message without the whole path. */
const folderName = (dir: string): string => dir.split(/[\\/]/).filter(Boolean).pop() ?? dir;

/** How a merge ends once a conflicted file is fixed: git still counts it as unmerged until it is added. */
const FINISH_MERGE = 'then `git add` it and commit to finish the merge, and open the project again';

/**
 * The two sides in words: the names each side gives the item when they differ (a rename on each
 * branch), else the item's name and the place both sides changed, with each side's value.
 */
function describeSides(conflict: MergeConflict, key: 'flow' | 'screen' | null): string {
  const what = key ?? 'project';
  const ours = `one side${sideLabel(conflict.oursLabel)}`;
  const theirs = `the other${sideLabel(conflict.theirsLabel)}`;
  const [oursValue, theirsValue] = [parseSide(conflict.ours), parseSide(conflict.theirs)];
  const [oursName, theirsName] = [sideName(oursValue, key), sideName(theirsValue, key)];
  if (oursName === null || theirsName === null) {
    return `${ours} names the ${what} ${oursName ?? 'in a version that cannot be read on its own'}, ${theirs} ${theirsName ?? 'in a version that cannot be read on its own'}`;
  }
  if (oursName !== theirsName) return `${ours} names the ${what} ${oursName}, ${theirs} ${theirsName}`;
  const [first, ...more] = differingPaths(oursValue, theirsValue);
  if (first === undefined) return `both sides changed the ${what} ${oursName} in the same way`;
  // The order key means nothing to a person; its conflict is a move on each side.
  if (!more.length && first.length === 1 && first[0] === 'order') return `both sides moved the ${what} ${oursName}, each to another place in the list`;
  const also = more.length ? ` (and ${more.map(jsonPath).join(', ')})` : '';
  return `both sides changed the ${what} ${oursName} at ${jsonPath(first)}${also}: ${ours} has ${shortValue(valueAt(oursValue, first))}, ${theirs} ${shortValue(valueAt(theirsValue, first))}`;
}

/**
 * project.json when one branch moved the project to the folder layout (a save with this version)
 * and the other still changed the single file: no side of the markers is right, so the message
 * says how to keep the single file's changes. Null for any other conflict.
 */
function layoutConflict(folder: string, conflict: MergeConflict): string | null {
  const [ours, theirs] = [parseSide(conflict.ours), parseSide(conflict.theirs)];
  if (!isRecord(ours) || !isRecord(theirs) || isSingleFileProject(ours) === isSingleFileProject(theirs)) return null;
  // (A side's version line may be the other's: git takes lines only one side changed. So no format number.)
  const single = isSingleFileProject(ours) ? { side: 'ours', label: conflict.oursLabel } : { side: 'theirs', label: conflict.theirsLabel };
  const folderSide = single.side === 'ours' ? conflict.theirsLabel : conflict.oursLabel;
  return (
    `one side${sideLabel(folderSide)} has the project as a folder of small files, the other${sideLabel(single.label)} changed the single ${PROJECT_FILE} of before. ` +
    `To keep that side's changes, run "git checkout --${single.side} -- ${PROJECT_FILE}" in ${folder}, delete ${FLOWS_DIR}/ and ${SCREENS_DIR}/, then open and save the project ` +
    `(what the other side changed in flow files since the move is not kept); \`git add\` the folder and commit to finish the merge.`
  );
}

function conflictMessage(dir: string, name: string, conflict: MergeConflict, others: number): string {
  const key = name.startsWith(`${FLOWS_DIR}/`) ? 'flow' : name.startsWith(`${SCREENS_DIR}/`) ? 'screen' : null;
  const places = conflict.count > 1 ? ` and ${conflict.count - 1} more place${conflict.count > 2 ? 's' : ''}` : '';
  const alsoOthers = others ? ` ${others} other file${others > 1 ? 's have' : ' has'} conflicts too.` : '';
  // Relative to the folder, with its name: the whole path and a commit hash wrapped a corner notice to 9 lines.
  const folder = folderName(dir);
  const start = `${folder}/${name} still has git conflict markers from a merge, at line ${conflict.line}${places}: `;
  const layouts = key === null ? layoutConflict(folder, conflict) : null;
  if (layouts) return `${start}${layouts} Nothing was changed.${alsoOthers}`;
  return `${start}${describeSides(conflict, key)}. Keep one side in the file, ${FINISH_MERGE}. Nothing was changed.${alsoOthers}`;
}

/**
 * Reads a project folder's files (project.json, flows/*, screens/*, as text by relative path) into
 * one project, checked like a single file; every error names the file and line it is about.
 * `dir` is only for messages.
 */
export function loadProjectFolder(dir: string, texts: ReadonlyMap<string, string>): ProjectLoadResult & { singleFile?: boolean } {
  const conflicts = [...texts].flatMap(([name, text]) => {
    const conflict = findMergeConflict(text);
    return conflict ? [{ name, conflict }] : [];
  });
  if (conflicts.length) {
    const { name, conflict } = conflicts[0]!;
    return fail(
      'mergeConflict',
      `${dir}/${name}`,
      conflictMessage(dir, name, conflict, conflicts.length - 1),
      conflicts.map((one) => ({ path: '$', line: one.conflict.line, file: `${dir}/${one.name}`, message: `has git conflict markers (${one.conflict.count})` })),
    );
  }

  const mainFile = `${dir}/${PROJECT_FILE}`;
  const main = parseJsonDocument(texts.get(PROJECT_FILE) ?? '');
  if (!main.ok) return damagedFile(mainFile, main.error);
  const settings = main.parsed.value;
  const locateInMain = (path: readonly PropertyKey[]): DocumentPlace => ({ file: mainFile, path: jsonPath(path), line: main.parsed.lineOf(path) });
  const partNames = [...texts.keys()].filter((name) => name !== PROJECT_FILE);
  if (isSingleFileProject(settings)) {
    if (partNames.length) {
      return fail(
        'invalid',
        mainFile,
        `${mainFile} holds the whole project (its flows and screens), and the folder also has ${partNames.length} flow and screen file(s) (${partNames[0]}…). ` +
          `Stepwise cannot tell which is right: keep project.json and remove the flows and screens folders, or take project.json from git. Nothing was changed.`,
      );
    }
    return { ...loadProjectValue(settings, mainFile, locateInMain), singleFile: true };
  }
  // Not a project, or one whose version says its flow files may look different (a newer one, or
  // no whole number): said before reading them.
  const version = isRecord(settings) ? settings.version : undefined;
  const unknownVersion = !Number.isSafeInteger(version) || (version as number) > PROJECT_VERSION;
  if (!isRecord(settings) || settings.format !== PROJECT_FORMAT || unknownVersion) return loadProjectValue(settings, mainFile, locateInMain);

  const parts: { flows: Part[]; screens: Part[] } = { flows: [], screens: [] };
  for (const name of partNames) {
    const file = `${dir}/${name}`;
    const parsed = parseJsonDocument(texts.get(name)!);
    if (!parsed.ok) return damagedFile(file, parsed.error);
    const key = name.startsWith(`${FLOWS_DIR}/`) ? 'flow' : 'screen';
    const value = parsed.parsed.value;
    if (!isRecord(value) || !isRecord(value[key])) {
      return fail('invalid', file, `${file} is not a Stepwise ${key} file: it should hold {"${key}": {...}, "order": "..."}. Nothing was changed.`, [
        { path: `$.${key}`, message: `should be the ${key}`, file },
      ]);
    }
    const item = value[key] as Record<string, unknown>;
    parts[key === 'flow' ? 'flows' : 'screens'].push({
      file,
      order: isOrderKey(value.order) ? value.order : null,
      id: typeof item.id === 'string' ? item.id : name,
      ownFile: typeof item.id === 'string' && name === (key === 'flow' ? flowFile(item.id) : screenFile(item.id)),
      value: item,
      lineOf: (path) => parsed.parsed.lineOf([key, ...path]),
    });
  }
  // Copies of one file (same id, same key) sort behind the file named after the id: it keeps the id,
  // so what refers to the flow or screen still finds the original; the copies get fresh ids on restore.
  // Then by file name, so which copy keeps the id (and so every fresh id) does not hang on the listing's order.
  const ownFileFirst = (a: Part, b: Part) => compareOrder(a, b) || Number(!a.ownFile) - Number(!b.ownFile) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  parts.flows.sort(ownFileFirst);
  parts.screens.sort(ownFileFirst);

  const document = { ...settings, flows: parts.flows.map((part) => part.value), screens: parts.screens.map((part) => part.value) };
  const locate = (path: readonly PropertyKey[]): DocumentPlace => {
    const [head, index, ...rest] = path;
    const list = head === 'flows' ? parts.flows : head === 'screens' ? parts.screens : null;
    const part = list && typeof index === 'number' ? list[index] : undefined;
    if (!part) return locateInMain(path);
    return { file: part.file, path: jsonPath([head === 'flows' ? 'flow' : 'screen', ...rest]), line: part.lineOf(rest) };
  };
  return loadProjectValue(document, mainFile, locate);
}
