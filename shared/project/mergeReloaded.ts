import type { Flow } from '../model/flow';
import { flowSchema } from '../model/flow';
import type { Project } from '../model/project';
import { projectSchema } from '../model/project';
import type { Screen } from '../model/screen';
import { screenSchema } from '../model/screen';
import { isRecord } from '../isRecord';

/**
 * Merging a project that changed on disk (a git pull, a branch switch, a teammate's save) into the
 * one being edited, three ways: `saved` is the project as last opened or saved here, `mine` the
 * document now, `disk` what the files hold now. Each unit (the project settings, each flow, each
 * screen, the order of flows, the order of screens) is decided on its own:
 *   not changed here -> the disk's; changed here only -> mine; changed on both sides to different
 *   things -> a conflict the author decides ("Keep mine" / "Take the version on disk").
 * Adding and removing are changes like any other (removed on disk but edited here is a conflict).
 * A unit changed on both sides is first merged field by field, as git merges lines: edits of
 * different steps of one tour, or of different theme colours, combine; only edits of the same
 * field (or a result the schema refuses) are a conflict.
 */

export type ReloadUnitKind = 'settings' | 'flow' | 'screen' | 'flowOrder' | 'screenOrder';
export type SideChange = 'changed' | 'added' | 'removed';
export type ReloadChoice = 'mine' | 'disk';

export interface ReloadConflict {
  /** 'settings', 'flowOrder', 'screenOrder', 'flow:<id>' or 'screen:<id>': what a choice is keyed by. */
  key: string;
  kind: ReloadUnitKind;
  /** What a person calls it: the flow's or screen's name (as named here, else on disk). */
  name: string;
  /** The disk's name for it, when that differs (renamed there). */
  diskName?: string;
  mine: SideChange;
  disk: SideChange;
}

export interface ChangeCounts {
  changed: number;
  added: number;
  removed: number;
}

/** What the disk changed since `saved`, for the notice. */
export interface DiskChanges {
  settings: boolean;
  flows: ChangeCounts;
  screens: ChangeCounts;
  flowOrder: boolean;
  screenOrder: boolean;
}

export interface ReloadMerge {
  /** The merged project; null while a conflict has no choice in `choices`. */
  project: Project | null;
  conflicts: ReloadConflict[];
  diskChanges: DiskChanges;
  /** Whether the document differs from `saved` at all (no: the reload takes the disk as it is). */
  mineChanged: boolean;
  /** Screens the disk removed that a flow of the result still points at: kept, so no anchor dangles. */
  keptScreens: string[];
}

type Settings = Omit<Project, 'flows' | 'screens'>;


/**
 * Equal as JSON would write them: a field set to undefined is the same as no field. The same
 * object is equal without a look inside (the editor's documents share unchanged parts).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item, b[index]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  // Loops, not Object.keys().filter(): a 10,000-step project is compared in one go after a git pull.
  let defined = 0;
  for (const key in a) {
    const value = a[key];
    if (value === undefined) continue;
    defined++;
    if (!sameJson(value, b[key])) return false;
  }
  for (const key in b) if (b[key] !== undefined) defined--;
  return defined === 0;
}

function settingsOf(project: Project): Settings {
  const { flows: _flows, screens: _screens, ...settings } = project;
  return settings;
}

const sideChange = (base: unknown, side: unknown): SideChange => (base === undefined ? 'added' : side === undefined ? 'removed' : 'changed');

interface UnitDecision<T> {
  value: T | undefined;
  conflict: Omit<ReloadConflict, 'key' | 'kind' | 'name'> | null;
}

const NO_MERGE = Symbol('conflict');

/** Records in a list that all carry a unique string id (steps, checklist items, elements). */
function byIds(list: readonly unknown[]): Map<string, unknown> | null {
  const map = new Map<string, unknown>();
  for (const item of list) {
    if (!isRecord(item) || typeof item.id !== 'string' || map.has(item.id)) return null;
    map.set(item.id, item);
  }
  return map;
}

/**
 * Three values merged field by field: a field changed on one side only takes that side; lists of
 * records with ids merge by id (and take the order of the side that reordered); a field changed
 * on both sides to different values is a conflict.
 */
function mergeFields(base: unknown, mine: unknown, disk: unknown): unknown {
  if (sameJson(mine, disk) || sameJson(base, disk)) return mine;
  if (sameJson(base, mine)) return disk;
  if (isRecord(base) && isRecord(mine) && isRecord(disk)) {
    const result: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(disk)])) {
      const value = mergeFields(base[key], mine[key], disk[key]);
      if (value === NO_MERGE) return NO_MERGE;
      if (value !== undefined) result[key] = value;
    }
    return result;
  }
  if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(disk)) {
    const maps = [byIds(base), byIds(mine), byIds(disk)];
    if (maps.some((map) => map === null)) return NO_MERGE;
    const [baseById, mineById, diskById] = maps as [Map<string, unknown>, Map<string, unknown>, Map<string, unknown>];
    const kept = new Map<string, unknown>();
    for (const id of new Set([...baseById.keys(), ...mineById.keys(), ...diskById.keys()])) {
      const value = mergeFields(baseById.get(id), mineById.get(id), diskById.get(id));
      if (value === NO_MERGE) return NO_MERGE;
      if (value !== undefined) kept.set(id, value);
    }
    const order = mergeOrder([...baseById.keys()], [...mineById.keys()], [...diskById.keys()], new Set(kept.keys()), undefined);
    return order.conflict ? NO_MERGE : order.order.map((id) => kept.get(id));
  }
  return NO_MERGE;
}

/** One unit three ways; a conflict without a choice keeps mine for now (the result is not used then). */
function decide<T>(base: T | undefined, mine: T | undefined, disk: T | undefined, choice: ReloadChoice | undefined, valid: (value: unknown) => boolean): UnitDecision<T> {
  const mineChanged = !sameJson(base, mine);
  const diskChanged = !sameJson(base, disk);
  if (!diskChanged) return { value: mine, conflict: null };
  if (!mineChanged || sameJson(mine, disk)) return { value: disk, conflict: null };
  if (base !== undefined && mine !== undefined && disk !== undefined) {
    const merged = mergeFields(base, mine, disk);
    if (merged !== NO_MERGE && valid(merged)) return { value: merged as T, conflict: null };
  }
  return { value: choice === 'disk' ? disk : mine, conflict: { mine: sideChange(base, mine), disk: sideChange(base, disk) } };
}

/** The order of the ids both lists hold, as `list` has it. */
const commonOrder = (list: readonly string[], other: ReadonlySet<string>) => list.filter((id) => other.has(id));
const sameOrder = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, index) => id === b[index]);

/** Whether `side` moved any item it shares with `base` relative to the others. */
function reordered(base: readonly string[], side: readonly string[]): boolean {
  return !sameOrder(commonOrder(base, new Set(side)), commonOrder(side, new Set(base)));
}

/**
 * The result's ids in order: the order of the side that reordered (the disk's when neither or both
 * did and the author chose so), then each item the chosen order lacks placed after the item it
 * follows on its own side.
 */
function mergeOrder(
  base: readonly string[],
  mine: readonly string[],
  disk: readonly string[],
  kept: ReadonlySet<string>,
  choice: ReloadChoice | undefined,
): { order: string[]; conflict: boolean; diskReordered: boolean } {
  const mineReordered = reordered(base, mine);
  const diskReordered = reordered(base, disk);
  const inMine = new Set(mine);
  const inDisk = new Set(disk);
  const conflict = mineReordered && diskReordered && !sameOrder(commonOrder(commonOrder(mine, inDisk), new Set(base)), commonOrder(commonOrder(disk, inMine), new Set(base)));
  const useMine = conflict ? choice === 'mine' || choice === undefined : mineReordered && !diskReordered;
  const primary = useMine ? mine : disk;
  const secondary = useMine ? disk : mine;
  const order = primary.filter((id) => kept.has(id));
  const placed = new Set(order);
  for (const list of [secondary, primary]) {
    list.forEach((id, index) => {
      if (!kept.has(id) || placed.has(id)) return;
      let before = index - 1;
      while (before >= 0 && !placed.has(list[before]!)) before--;
      order.splice(before < 0 ? 0 : order.indexOf(list[before]!) + 1, 0, id);
      placed.add(id);
    });
  }
  return { order, conflict, diskReordered };
}

function countChanges<T extends { id: string }>(base: readonly T[], disk: readonly T[]): ChangeCounts {
  const baseById = new Map(base.map((item) => [item.id, item]));
  const diskIds = new Set(disk.map((item) => item.id));
  const counts = { changed: 0, added: 0, removed: 0 };
  for (const item of disk) {
    const before = baseById.get(item.id);
    if (before === undefined) counts.added++;
    else if (!sameJson(before, item)) counts.changed++;
  }
  for (const item of base) if (!diskIds.has(item.id)) counts.removed++;
  return counts;
}

/** The screens a flow's anchors point at. */
function screensUsedBy(flow: Flow): string[] {
  const anchors = flow.kind === 'tour' ? flow.tour.steps.map((step) => step.anchor) : flow.kind === 'hotspot' ? [flow.hotspot.anchor] : [];
  return anchors.flatMap((anchor) => (anchor?.screenId ? [anchor.screenId] : []));
}

interface ItemsMerge<T> {
  byId: Map<string, T>;
  conflicts: ReloadConflict[];
}

function mergeItems<T extends { id: string; name: string }>(
  kind: 'flow' | 'screen',
  base: readonly T[],
  mine: readonly T[],
  disk: readonly T[],
  choices: ReadonlyMap<string, ReloadChoice>,
): ItemsMerge<T> {
  const maps = [base, mine, disk].map((list) => new Map(list.map((item) => [item.id, item])));
  const [baseById, mineById, diskById] = maps as [Map<string, T>, Map<string, T>, Map<string, T>];
  const ids = new Set([...baseById.keys(), ...mineById.keys(), ...diskById.keys()]);
  const byId = new Map<string, T>();
  const conflicts: ReloadConflict[] = [];
  const schema = kind === 'flow' ? flowSchema : screenSchema;
  const valid = (value: unknown) => schema.safeParse(value).success;
  for (const id of ids) {
    const key = `${kind}:${id}`;
    const mineItem = mineById.get(id);
    const diskItem = diskById.get(id);
    const decision = decide(baseById.get(id), mineItem, diskItem, choices.get(key), valid);
    if (decision.conflict) {
      const name = (mineItem ?? diskItem ?? baseById.get(id))!.name;
      conflicts.push({ key, kind, name, ...(diskItem && diskItem.name !== name ? { diskName: diskItem.name } : {}), ...decision.conflict });
    }
    if (decision.value !== undefined) byId.set(id, decision.value);
  }
  return { byId, conflicts };
}

/** The three-way merge of a reloaded project; see the top of this file. */
export function mergeReloaded(saved: Project, mine: Project, disk: Project, choices: ReadonlyMap<string, ReloadChoice> = new Map()): ReloadMerge {
  const mineChanged = !sameJson(saved, mine);
  const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);
  const diskChanges: DiskChanges = {
    settings: !sameJson(settingsOf(saved), settingsOf(disk)),
    flows: countChanges(saved.flows, disk.flows),
    screens: countChanges(saved.screens, disk.screens),
    flowOrder: reordered(ids(saved.flows), ids(disk.flows)),
    screenOrder: reordered(ids(saved.screens), ids(disk.screens)),
  };
  if (!mineChanged) return { project: disk, conflicts: [], diskChanges, mineChanged, keptScreens: [] };

  const conflicts: ReloadConflict[] = [];
  const settings = decide(settingsOf(saved), settingsOf(mine), settingsOf(disk), choices.get('settings'), (value) =>
    projectSchema.safeParse({ ...(value as Settings), flows: [], screens: [] }).success,
  );
  if (settings.conflict) conflicts.push({ key: 'settings', kind: 'settings', name: 'Project settings (name, theme, languages)', ...settings.conflict });
  const flows = mergeItems('flow', saved.flows, mine.flows, disk.flows, choices);
  const screens = mergeItems('screen', saved.screens, mine.screens, disk.screens, choices);
  conflicts.push(...flows.conflicts, ...screens.conflicts);

  // A screen the disk removed while a flow kept here still points at it stays (the flow would not load otherwise).
  const keptScreens: string[] = [];
  const mineScreens = new Map(mine.screens.map((screen) => [screen.id, screen]));
  for (const flow of flows.byId.values()) {
    for (const screenId of screensUsedBy(flow)) {
      const screen = mineScreens.get(screenId);
      if (!screens.byId.has(screenId) && screen) {
        screens.byId.set(screenId, screen);
        keptScreens.push(screen.name);
      }
    }
  }

  const flowOrder = mergeOrder(ids(saved.flows), ids(mine.flows), ids(disk.flows), new Set(flows.byId.keys()), choices.get('flowOrder'));
  if (flowOrder.conflict) conflicts.push({ key: 'flowOrder', kind: 'flowOrder', name: 'The order of flows', mine: 'changed', disk: 'changed' });
  const screenOrder = mergeOrder(ids(saved.screens), ids(mine.screens), ids(disk.screens), new Set(screens.byId.keys()), choices.get('screenOrder'));
  if (screenOrder.conflict) conflicts.push({ key: 'screenOrder', kind: 'screenOrder', name: 'The order of screens', mine: 'changed', disk: 'changed' });

  const unresolved = conflicts.some((conflict) => !choices.has(conflict.key));
  const project: Project | null = unresolved
    ? null
    : {
        ...(settings.value as Settings),
        flows: flowOrder.order.map((id) => flows.byId.get(id)!),
        screens: screenOrder.order.map((id) => screens.byId.get(id)! as Screen),
      };
  return { project, conflicts, diskChanges, mineChanged, keptScreens };
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** "2 flows changed, 1 added; 1 screen removed; the project settings changed", or '' when nothing did. */
export function describeDiskChanges(changes: DiskChanges): string {
  const counts = (counts: ChangeCounts, noun: string): string[] => {
    const parts = (['changed', 'added', 'removed'] as const).filter((what) => counts[what] > 0);
    return parts.map((what, index) => (index === 0 ? `${plural(counts[what], noun)} ${what}` : `${counts[what]} ${what}`));
  };
  const groups = [counts(changes.flows, 'flow'), counts(changes.screens, 'screen')].filter((group) => group.length).map((group) => group.join(', '));
  if (changes.flowOrder) groups.push('flows reordered');
  if (changes.screenOrder) groups.push('screens reordered');
  if (changes.settings) groups.push('the project settings changed');
  return groups.join('; ');
}
