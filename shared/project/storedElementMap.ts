import { jsonPath } from '../validation/problems';
import { TEST_ID_ATTRIBUTES } from '../anchors/classNames';
import type { Fingerprint, FingerprintAncestor } from '../anchors/fingerprintTypes';
import type { Box } from '../model/geometry';
import type { MappedElement } from '../model/screen';

/**
 * How a screen's element map is written in project.json (format 3). Capture maps up to 5,000
 * elements a screen, and written plainly each one repeated what it or its parent already said:
 * the fingerprint's tag, role, text and box, the ancestor chain its parent also carries, the
 * selector path its parent's selector already spells. Stored, an entry says only what is new:
 *
 * - `box: [x, y, width, height]`;
 * - `selectors`: the preferred selector then the alternates; `&1 > h3` is the parent's selector
 *   number 1 (0 = its preferred one) followed by ` > h3` (a selector of its own that starts with
 *   `&` is written `&&…`);
 * - `context` only when it is not the document;
 * - `fp`, the fingerprint relative to the entry: `tag`, `role` and `box` only when they differ from
 *   the entry's (`role: ""`, `box: null`: none), `text` only when it differs from the entry's name
 *   (`""`: none), `ancestors` the levels below the parent, then `inherit` levels of the parent's
 *   own chain (the parent as an ancestor, then its ancestors) or `inheritAbove` levels of its
 *   ancestors alone.
 *
 * Reading turns it back into the very entries that were written (tested on real captures), so
 * every part of the app, and every anchor made from an entry, sees complete fingerprints and
 * selectors. Entries written plainly (format 2) are read as they are.
 */

export type StoredBox = [number, number, number, number];

export interface StoredFingerprint {
  tag?: string;
  role?: string;
  text?: string;
  attributes?: Record<string, string>;
  classes?: string[];
  ancestors?: FingerprintAncestor[];
  inherit?: number;
  inheritAbove?: number;
  index?: number;
  box?: StoredBox | null;
}

type Entry = Record<string, unknown>;

const isRecord = (value: unknown): value is Entry => Boolean(value) && typeof value === 'object' && !Array.isArray(value);
const isBox = (value: unknown): value is Box =>
  isRecord(value) && ['x', 'y', 'width', 'height'].every((key) => typeof value[key] === 'number' && Number.isFinite(value[key]));
const isStoredBox = (value: unknown): value is StoredBox => Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
const toStoredBox = (box: Box): StoredBox => [box.x, box.y, box.width, box.height];
const fromStoredBox = ([x, y, width, height]: StoredBox): Box => ({ x, y, width, height });

/** JSON with sorted keys: the same value gives the same text whatever order its keys were set in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A copy with keys in alphabetical order, as a file written with stable key order reads back. */
function sortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortedKeys) as T;
  if (!isRecord(value)) return value;
  const result: Entry = {};
  for (const key of Object.keys(value).sort()) if (value[key] !== undefined) result[key] = sortedKeys(value[key]);
  return result as T;
}

/** Rows and list items: the first one up the chain records its text (describeElement's ancestorsOf). */
const ROW_TAGS = new Set(['tr', 'li']);
const ROW_TEXT_LIMIT = 40;
const ANCESTOR_ATTRIBUTES = [...TEST_ID_ATTRIBUTES, 'aria-label', 'id', 'href'];

/**
 * The parent entry as its children's fingerprints record it among their ancestors: tag, identity
 * attributes, the row's text, classes. An explicit role attribute cannot be told from the implicit
 * role the parent's fingerprint holds; such chains are written with the parent's level listed.
 */
function parentAsAncestor(parent: Fingerprint): FingerprintAncestor {
  const attributes: Record<string, string> = {};
  for (const name of ANCESTOR_ATTRIBUTES) {
    const value = parent.attributes?.[name];
    if (value) attributes[name] = value;
  }
  if (ROW_TAGS.has(parent.tag) && parent.text) attributes.text = parent.text.slice(0, ROW_TEXT_LIMIT);
  return sortedKeys({
    tag: parent.tag,
    ...(Object.keys(attributes).length ? { attributes } : {}),
    ...(parent.classes ? { classes: parent.classes } : {}),
  });
}

/** Canonical text of each level of a parent's chains, made once per parent (a parent has many children). */
const chainTexts = new WeakMap<Fingerprint, { withParent: string[]; above: string[] }>();

function chainsOf(parent: Fingerprint) {
  let texts = chainTexts.get(parent);
  if (!texts) {
    const above = (parent.ancestors ?? []).map(canonical);
    texts = { withParent: [canonical(parentAsAncestor(parent)), ...above], above };
    chainTexts.set(parent, texts);
  }
  return texts;
}

/** The longest tail of `chain` that `source` starts with, as [levels listed, levels taken from source]. */
function sharedTail(chain: readonly string[], source: readonly string[]): [number, number] | undefined {
  for (let listed = 0; listed < chain.length; listed++) {
    const taken = chain.length - listed;
    if (taken > source.length) continue;
    let match = true;
    for (let level = 0; level < taken && match; level++) match = chain[listed + level] === source[level];
    if (match) return [listed, taken];
  }
  return undefined;
}

const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

function storeFingerprint(fingerprint: Fingerprint, element: MappedElement, parent: Fingerprint | undefined): StoredFingerprint {
  const { tag, role, text, attributes, classes, ancestors, index, box } = fingerprint;
  const stored: StoredFingerprint = {};
  if (tag !== element.tag) stored.tag = tag;
  if (role !== element.role) stored.role = role ?? '';
  if (text !== element.name) stored.text = text ?? '';
  if (attributes) stored.attributes = attributes;
  if (classes) stored.classes = classes;
  if (index !== undefined) stored.index = index;
  if (!box) stored.box = null;
  else if (!sameBox(box, element.box)) stored.box = toStoredBox(box);
  if (!ancestors) return stored;
  const own = parent ? ancestors.map(canonical) : [];
  const chains = parent ? chainsOf(parent) : undefined;
  const fromParent = chains ? sharedTail(own, chains.withParent) : undefined;
  const fromAbove = chains && !fromParent ? sharedTail(own, chains.above) : undefined;
  const [listed, taken] = fromParent ?? fromAbove ?? [ancestors.length, 0];
  // An empty list is kept: it says "no ancestors", which absence would not.
  if (listed || !taken) stored.ancestors = ancestors.slice(0, listed);
  if (taken) stored[fromParent ? 'inherit' : 'inheritAbove'] = taken;
  return stored;
}

function readFingerprint(stored: StoredFingerprint, element: Entry, parent: Fingerprint | undefined): Fingerprint {
  const tag = stored.tag ?? (element.tag as string);
  const role = stored.role ?? (element.role as string | undefined);
  const text = stored.text ?? (element.name as string | undefined);
  const box = stored.box === null ? undefined : isStoredBox(stored.box) ? fromStoredBox(stored.box) : isBox(element.box) ? { ...element.box } : undefined;
  let ancestors = stored.ancestors;
  if (parent && (stored.inherit || stored.inheritAbove)) {
    const source = stored.inherit ? [parentAsAncestor(parent), ...(parent.ancestors ?? [])] : (parent.ancestors ?? []);
    ancestors = [...(ancestors ?? []), ...source.slice(0, stored.inherit ?? stored.inheritAbove)];
  }
  return sortedKeys({
    tag,
    ...(role ? { role } : {}),
    ...(text ? { text } : {}),
    ...(stored.attributes ? { attributes: stored.attributes } : {}),
    ...(stored.classes ? { classes: stored.classes } : {}),
    ...(ancestors ? { ancestors } : {}),
    ...(stored.index !== undefined ? { index: stored.index } : {}),
    ...(box ? { box } : {}),
  });
}

/** `&n rest`: the parent's selector n, then `rest`. */
const REFERENCE = /^&(\d)/;

function storeSelector(selector: string, parentSelectors: readonly string[]): string {
  let best = selector.startsWith('&') ? `&${selector}` : selector;
  parentSelectors.forEach((base, n) => {
    // Only where the parent's selector ends a step, so the rest reads as a combinator and a step.
    if (selector.length > base.length && selector.startsWith(base) && selector[base.length] === ' ') {
      const reference = `&${n}${selector.slice(base.length)}`;
      if (reference.length < best.length) best = reference;
    }
  });
  return best;
}

function readSelector(stored: string, parentSelectors: readonly string[] | undefined, problems: string[]): string {
  if (stored.startsWith('&&')) return stored.slice(1);
  const reference = REFERENCE.exec(stored);
  if (!reference) return stored;
  const base = parentSelectors?.[Number(reference[1])];
  if (base === undefined) {
    problems.push(stored);
    return stored;
  }
  return base + stored.slice(reference[0].length);
}

const selectorsOf = (element: MappedElement) => [element.selector, ...element.alternates];

/** The map as written in project.json; entries in map order (a parent before its children, as capture lists them). */
export function storeElementMap(elements: readonly MappedElement[]): Entry[] {
  const byId = new Map<string, MappedElement>();
  return elements.map((element) => {
    const entry = storeElement(element, element.parentId ? byId.get(element.parentId) : undefined);
    byId.set(element.id, element);
    return entry;
  });
}

/** One entry as written, given its parent entry (already written before it, or undefined). */
export function storeElement(element: MappedElement, parent: MappedElement | undefined): Entry {
  const { box, selector, alternates, context, fingerprint, ...rest } = element;
  const parentSelectors = parent ? selectorsOf(parent) : [];
  return {
    ...rest,
    box: toStoredBox(box),
    selectors: [selector, ...alternates].map((one) => storeSelector(one, parentSelectors)),
    ...(context && context !== 'document' ? { context } : {}),
    ...(fingerprint ? { fp: storeFingerprint(fingerprint, element, parent?.fingerprint) } : {}),
  };
}

export interface ReadElementMap {
  elements: unknown[];
  /** Selectors that refer to a parent entry the map does not have (a file edited by hand). */
  unresolved: string[];
}

/**
 * The entries as the app uses them. Anything that is not in the stored form is passed on as it is
 * (a plain format 2 entry, or something malformed for the schema to report).
 */
export function readElementMap(stored: unknown): ReadElementMap {
  const unresolved: string[] = [];
  if (!Array.isArray(stored)) return { elements: stored as unknown[], unresolved };
  const byId = new Map<string, Entry>();
  const elements = stored.map((raw) => {
    if (!isRecord(raw)) return raw;
    const parent = typeof raw.parentId === 'string' ? byId.get(raw.parentId) : undefined;
    const { box, selectors, fp, ...rest } = raw;
    const element: Entry = { ...rest };
    if (isStoredBox(box)) element.box = fromStoredBox(box);
    else if (box !== undefined) element.box = box;
    if (Array.isArray(selectors) && selectors.length && selectors.every((one) => typeof one === 'string')) {
      const parentSelectors = parent && typeof parent.selector === 'string' && Array.isArray(parent.alternates) ? [parent.selector, ...(parent.alternates as string[])] : undefined;
      const [selector, ...alternates] = (selectors as string[]).map((one) => readSelector(one, parentSelectors, unresolved));
      element.selector = selector;
      element.alternates = alternates;
    }
    if (element.context === undefined && 'selectors' in raw) element.context = 'document';
    if (isRecord(fp)) {
      const parentFingerprint = isRecord(parent?.fingerprint) && typeof parent.fingerprint.tag === 'string' ? (parent.fingerprint as unknown as Fingerprint) : undefined;
      element.fingerprint = readFingerprint(fp as StoredFingerprint, element, parentFingerprint);
    }
    if (typeof element.id === 'string') byId.set(element.id, element);
    return element;
  });
  return { elements, unresolved };
}

/** The project as written to project.json and the journal: every screen's map in the stored form. */
export function storedProject<T extends { screens: readonly { elements: readonly MappedElement[] }[] }>(project: T): T {
  return { ...project, screens: project.screens.map((screen) => ({ ...screen, elements: storeElementMap(screen.elements) })) };
}

/** Reads every screen's stored map in a loaded document, in place; says what could not be read. */
export function readStoredScreens(document: Record<string, unknown>, repairs: string[], where: (path: readonly PropertyKey[]) => string = jsonPath): void {
  if (!Array.isArray(document.screens)) return;
  document.screens.forEach((screen: unknown, index) => {
    if (!isRecord(screen) || !Array.isArray(screen.elements)) return;
    const read = readElementMap(screen.elements);
    screen.elements = read.elements;
    if (read.unresolved.length) {
      repairs.push(
        `${where(['screens', index, 'elements'])}: ${read.unresolved.length} selector(s) refer to a parent element the map does not have (first: ${JSON.stringify(read.unresolved[0]!.slice(0, 80))}); they were kept as written and will not match. Capture the screen again.`,
      );
    }
  });
}
