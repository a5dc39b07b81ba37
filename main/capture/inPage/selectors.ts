/**
 * Selectors for a mapped element, in three genuinely different strategies, each unique in its
 * scope by construction (counted over the scope, or queried inside a unique ancestor):
 * - attribute: test ids, a hand-written id, labels, a link's path, role plus label, alone or
 *   under the nearest stable ancestor;
 * - path: a component class (never a utility, state or hash) or the tag, under a stable ancestor;
 * - structural: one step a level from the nearest stable ancestor, nth-of-type only where
 *   neither the tag nor a class tells siblings apart.
 * The primary is the best one; the alternates come from the other strategies, so a release that
 * breaks one kind of selector leaves the others.
 */
import { hrefPath, looksGenerated, meaningfulClass, TEST_ID_ATTRIBUTES } from '../../../shared/anchors/classNames';

export interface Selectors {
  primary: string;
  alternates: string[];
}

/**
 * Time spent in queries, for the whole page (frames and shadow roots included): counted apart from
 * the rest, so a small page gets the same selectors on a busy machine as on an idle one.
 */
export interface QueryBudget {
  spentMs: number;
}

/** A selector by a stable neighbour, and that neighbour. */
interface Neighboured {
  selector: string;
  via: Element;
}

/** Labels people write on purpose, tag-qualified: `input[placeholder="Search"]`. */
const LABEL_ATTRIBUTES = ['aria-label', 'name', 'for', 'placeholder', 'alt', 'title', 'aria-controls'];
const TEST_IDS = new Set(TEST_ID_ATTRIBUTES);
const LABELS = new Set(LABEL_ATTRIBUTES);
const MAX_VALUE = 200;
/** Time for queries (scoped attributes, paths, neighbours); once spent, the rest use counts only. */
const QUERY_BUDGET_MS = 30;
/** How far up a path looks for its stable ancestor. */
const MAX_PATH_LEVELS = 6;
const MAX_SIBLINGS_SCANNED = 50;
/** Children (and four times as many descendants) looked at for a stable neighbour. */
const MAX_NEIGHBOURS = 8;

/** A value inside "…" in CSS: quotes and backslashes escaped, line breaks as code points (they cannot stand in a string). */
function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ').replace(/\r/g, '\\d ').replace(/\f/g, '\\c ');
}

const usable = (value: string | null): value is string => !!value && value.length <= MAX_VALUE;

const tagNames = new Map<string, string>();
/** The tag as a selector: custom elements may have names CSS reads otherwise (`my-widget.v2`). */
function tagName(element: Element): string {
  const tag = element.localName;
  let name = tagNames.get(tag);
  if (name === undefined) tagNames.set(tag, (name = /^[a-z][a-z0-9-]*$/.test(tag) ? tag : CSS.escape(tag)));
  return name;
}

const NO_CLASSES: readonly string[] = [];

const isRow = (element: Element) => element.localName === 'tr' || element.getAttribute('role') === 'row';

/** One element's selector-making state for a document or shadow root. */
export function createSelectorMaker(root: Document | ShadowRoot, elements: readonly Element[], budget: QueryBudget) {
  const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
  // Quirks-mode pages match ids and classes regardless of case.
  const fold = doc.compatMode === 'BackCompat' ? (value: string) => value.toLowerCase() : (value: string) => value;
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  /** Each element's component classes in the order it lists them, read once (paths, neighbours and counts all ask). */
  const componentClasses = new Map<Element, readonly string[]>();
  for (const element of elements) {
    const tag = tagName(element);
    if (tag.includes('-')) add(`<${tag}`);
    if (!element.hasAttributes()) continue;
    // One pass over the attributes an element has (most have none or one), by name: indexing
    // `element.attributes` would make an Attr node for every attribute of the page.
    let role: string | null = null;
    let label: string | null = null;
    for (const name of element.getAttributeNames()) {
      const value = element.getAttribute(name);
      if (name === 'role') role = value;
      if (!value) continue;
      if (TEST_IDS.has(name)) add(`[${name}]${value}`);
      else if (name === 'id') add(`#${fold(value)}`);
      else if (LABELS.has(name)) {
        add(`${tag}[${name}]${value}`);
        if (name === 'aria-label') label = value;
      } else if (name === 'href' && tag === 'a') add(`a[href]${value}`);
      else if (name === 'class') {
        const classes = componentClassesOf(element);
        for (const name of classes) {
          add(`.${fold(name)}`);
          add(`${tag}.${fold(name)}`);
        }
      }
    }
    if (role && label) add(`[role]${role}[aria-label]${label}`);
  }
  function componentClassesOf(element: Element): readonly string[] {
    let classes = componentClasses.get(element);
    if (!classes) {
      classes = element.classList.length ? Array.from(element.classList).filter(meaningfulClass) : NO_CLASSES;
      componentClasses.set(element, classes);
    }
    return classes;
  }
  const count = (key: string) => counts.get(key) ?? 0;
  const inBudget = () => budget.spentMs < QUERY_BUDGET_MS;
  const timed = <T>(work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      budget.spentMs += performance.now() - start;
    }
  };
  const unique = (within: Element, selector: string) =>
    timed(() => {
      try {
        return within.querySelectorAll(selector).length === 1;
      } catch {
        return false;
      }
    });

  /** Attribute selectors that are unique in the scope on their own, best first. */
  function ownAttributeSelectors(element: Element): string[] {
    if (!element.hasAttributes() && !element.localName.includes('-')) return [];
    const tag = tagName(element);
    const found: string[] = [];
    for (const attribute of TEST_ID_ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (usable(value) && count(`[${attribute}]${value}`) === 1) found.push(`[${attribute}="${escapeValue(value)}"]`);
    }
    const id = element.id;
    if (usable(id) && !looksGenerated(id) && count(`#${fold(id)}`) === 1) found.push(`#${CSS.escape(id)}`);
    for (const attribute of LABEL_ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (usable(value) && count(`${tag}[${attribute}]${value}`) === 1) found.push(`${tag}[${attribute}="${escapeValue(value)}"]`);
    }
    const link = tag === 'a' ? linkSelector(element, true) : undefined;
    if (link) found.push(link);
    const role = element.getAttribute('role');
    const label = element.getAttribute('aria-label');
    if (usable(role) && usable(label) && count(`[role]${role}[aria-label]${label}`) === 1) found.push(`[role="${escapeValue(role)}"][aria-label="${escapeValue(label)}"]`);
    // A custom element's name says what component it is: `acme-help-widget`.
    if (tag.includes('-') && count(`<${tag}`) === 1) found.push(tag);
    return found;
  }

  /**
   * `a[href="tables.html"]`, or for an absolute address the path alone (`a[href$="/tables.html"]`),
   * which still matches when the site moves to staging. `scopeCheck` counts in the whole scope.
   */
  function linkSelector(element: Element, scopeCheck: boolean): string | undefined {
    const href = element.getAttribute('href');
    if (!usable(href)) return undefined;
    const path = hrefPath(href);
    if (!path || path === '/') {
      return path === '/' && href === '/' && (!scopeCheck || count(`a[href]${href}`) === 1) ? 'a[href="/"]' : undefined;
    }
    if (path === href) return !scopeCheck || count(`a[href]${href}`) === 1 ? `a[href="${escapeValue(href)}"]` : undefined;
    const operator = href.endsWith(path) ? '$=' : '*=';
    const selector = `a[href${operator}"${escapeValue(path)}"]`;
    if (!scopeCheck) return selector;
    return inBudget() && unique(root as unknown as Element, selector) ? selector : undefined;
  }

  /** Labels and link paths that are unique only inside some ancestor: `#accordionSidebar a[href="tables.html"]`. */
  function scopedAttributeSelectors(element: Element): string[] {
    if (!element.hasAttributes()) return [];
    const tag = tagName(element);
    const found: string[] = [];
    for (const attribute of LABEL_ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (usable(value)) found.push(`${tag}[${attribute}="${escapeValue(value)}"]`);
    }
    if (tag === 'a') {
      const link = linkSelector(element, false);
      if (link) found.push(link);
    }
    const role = element.getAttribute('role');
    const label = element.getAttribute('aria-label');
    if (usable(role) && usable(label)) found.push(`[role="${escapeValue(role)}"][aria-label="${escapeValue(label)}"]`);
    return found;
  }

  const stableCache = new Map<Element, string>();
  /** A selector of this element alone that names it (attribute, or a class no other element has); '' when none. */
  function stableSelector(element: Element): string {
    let selector = stableCache.get(element);
    if (selector === undefined) {
      selector = ownAttributeSelectors(element)[0] ?? uniqueClass(element) ?? '';
      stableCache.set(element, selector);
    }
    return selector;
  }

  function uniqueClass(element: Element): string | undefined {
    const classes = componentClassesOf(element);
    for (const name of classes) if (count(`.${fold(name)}`) === 1) return `.${CSS.escape(name)}`;
    for (const name of classes) if (count(`${tagName(element)}.${fold(name)}`) === 1) return `${tagName(element)}.${CSS.escape(name)}`;
    return undefined;
  }

  const anchorCache = new Map<Element, Neighboured | null>();
  /**
   * A selector that paths can start from, for a path to `target`: a stable one, or (while time
   * lasts) one by a stable neighbour, unless that neighbour is the target or holds it (a path
   * from "the item that holds the Tables link" back to the Tables link says nothing new).
   */
  function anchorSelector(element: Element, target: Element): string {
    const stable = stableSelector(element);
    if (stable) return stable;
    let found = anchorCache.get(element);
    if (found === undefined) {
      found = inBudget() ? (timed(() => byNeighbour(element)) ?? null) : null;
      anchorCache.set(element, found);
    }
    if (!found || found.via === target || target.contains(found.via) || found.via.contains(target)) return '';
    return found.selector;
  }

  /** The nearest ancestor in this scope with a stable selector. */
  function stableAncestor(element: Element): { element: Element; selector: string } | undefined {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (parent.localName === 'body' || parent.localName === 'html') return undefined;
      const selector = anchorSelector(parent, element);
      if (selector) return { element: parent, selector };
    }
    return undefined;
  }

  /** Component classes, rarest first. */
  function classesOf(element: Element): readonly string[] {
    const classes = componentClassesOf(element);
    return classes.length > 1 ? [...classes].sort((a, b) => count(`.${fold(a)}`) - count(`.${fold(b)}`)) : classes;
  }

  /**
   * A path: `.sidebar-card`, `button.btn-success`, or a component class or the tag alone under the
   * nearest stable ancestor (`#employees div.card-header`, `#earnings-overview h6`).
   */
  function path(element: Element): string | undefined {
    const classes = classesOf(element);
    const own = classes.length ? uniqueClass(element) : undefined;
    if (own) return own;
    if (!inBudget()) return undefined;
    const tag = tagName(element);
    const local = classes.slice(0, 2).map((name) => `${tag}.${CSS.escape(name)}`);
    if (classes.length > 1) local.push(`${tag}${classes.slice(0, 2).map((name) => `.${CSS.escape(name)}`).join('')}`);
    local.push(tag);
    let levels = 0;
    for (let parent = element.parentElement; parent && levels < MAX_PATH_LEVELS; parent = parent.parentElement, levels++) {
      if (parent.localName === 'body' || parent.localName === 'html') break;
      const anchor = anchorSelector(parent, element);
      if (!anchor) continue;
      for (const candidate of local) if (unique(parent, candidate)) return `${anchor} ${candidate}`;
      return undefined;
    }
    return undefined;
  }

  /** A class that tells an element from its siblings of the same tag, so a path step needs no position. */
  function siblingClass(element: Element): string | undefined {
    const parent = element.parentElement;
    if (!parent || parent.childElementCount > MAX_SIBLINGS_SCANNED) return undefined;
    for (const name of componentClassesOf(element)) {
      let shared = false;
      for (let sibling = parent.firstElementChild; sibling && !shared; sibling = sibling.nextElementSibling) {
        shared = sibling !== element && sibling.localName === element.localName && sibling.classList.contains(name);
      }
      if (!shared) return `${tagName(element)}.${CSS.escape(name)}`;
    }
    return undefined;
  }

  const positions = new Map<Element, [index: number, only: boolean]>();
  /** nth-of-type position, and whether it is the only child of its tag: read for all children of a parent at once (a list of 600 rows is walked once, not 600 times). */
  function positionOf(element: Element, parent: Element): [number, boolean] {
    let position = positions.get(element);
    if (!position) {
      const counts = new Map<string, number>();
      for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
        const index = (counts.get(child.localName) ?? 0) + 1;
        counts.set(child.localName, index);
        positions.set(child, [index, false]);
      }
      for (let child = parent.firstElementChild; child; child = child.nextElementSibling) positions.get(child)![1] = counts.get(child.localName) === 1;
      position = positions.get(element)!;
    }
    return position;
  }

  const pathCache = new Map<Element, string>();
  /** `#employees tbody > tr:nth-of-type(3) > td:nth-of-type(2)`: from the nearest stable ancestor (or body), one step a level. */
  function structuralPath(element: Element, positional = false): string | undefined {
    const parent = element.parentElement;
    if (!parent) return undefined;
    let base = pathCache.get(parent);
    if (base === undefined) {
      base = parent.localName === 'body' ? 'body' : stableSelector(parent) || structuralPath(parent) || '';
      pathCache.set(parent, base);
    }
    if (!base) return undefined;
    const tag = tagName(element);
    const [index, only] = positionOf(element, parent);
    return `${base} > ${only ? tag : ((!positional && siblingClass(element)) || `${tag}:nth-of-type(${index})`)}`;
  }

  const rowKeys = new Map<Element, Neighboured | null>();
  /**
   * A cell (or anything inside a table row) by its row's key and its column: `tr:has(a[href="/orders/17"]) > td:nth-of-type(3)`.
   * A sorted or filtered table moves rows, not columns, so this finds the same cell where a row
   * position would find another row's. The key is a stable element inside the row (a link, a
   * labelled control, a test id); rows without one have no key CSS can name (their text is in the
   * fingerprint instead), and neither has the key itself (that would be its own selector twice).
   */
  function keyedRowPath(element: Element): string | undefined {
    let row = element.parentElement;
    for (let level = 1; row && !isRow(row); row = row.parentElement, level++) if (level === 4) return undefined;
    if (!row) return undefined;
    let key = rowKeys.get(row);
    if (key === undefined) rowKeys.set(row, (key = byNeighbour(row) ?? null));
    if (!key || key.via === element || key.via.contains(element)) return undefined;
    const steps: string[] = [];
    for (let node = element; node !== row; node = node.parentElement!) {
      const [index, only] = positionOf(node, node.parentElement!);
      steps.unshift(only ? tagName(node) : `${tagName(node)}:nth-of-type(${index})`);
    }
    return `${key.selector} > ${steps.join(' > ')}`;
  }

  /**
   * Attribute selectors: unique alone; else with a component class (`a.nav-link[href="index.html"]`)
   * or inside the nearest stable ancestor; else by a stable neighbour (below).
   */
  function attributeSelectors(element: Element, own = ownAttributeSelectors(element)): string[] {
    if (own.length) return own;
    if (!inBudget()) return [];
    const candidates = scopedAttributeSelectors(element);
    const scopeRoot = root as unknown as Element;
    const name = classesOf(element)[0];
    if (name) {
      const tag = tagName(element);
      for (const candidate of candidates) {
        const withClass = candidate.startsWith(tag) ? `${tag}.${CSS.escape(name)}${candidate.slice(tag.length)}` : `${tag}.${CSS.escape(name)}${candidate}`;
        if (unique(scopeRoot, withClass)) return [withClass];
      }
    }
    const anchor = candidates.length ? stableAncestor(element) : undefined;
    if (anchor) for (const candidate of candidates) if (unique(anchor.element, candidate)) return [`${anchor.selector} ${candidate}`];
    const neighbour = timed(() => byNeighbour(element));
    return neighbour ? [neighbour.selector] : [];
  }

  /**
   * An element named by a stable element next to it: its child (`label:has(> input[name="email"])`),
   * the element right after it (`h4:has(+ div[aria-label="Sales Tracking"])`), or one a few levels
   * inside it that no other such container holds (`div.card:has(div[aria-label="Tasks done"])`).
   */
  function byNeighbour(element: Element): Neighboured | undefined {
    const name = classesOf(element)[0];
    const head = name ? `${tagName(element)}.${CSS.escape(name)}` : tagName(element);
    let looked = 0;
    for (let child = element.firstElementChild; child && looked < MAX_NEIGHBOURS; child = child.nextElementSibling, looked++) {
      const selector = stableSelector(child);
      if (selector) return { selector: `${head}:has(> ${selector})`, via: child };
    }
    // A table row is not named by the row after it: sorting the table moves that one.
    const next = isRow(element) ? null : element.nextElementSibling;
    const after = next ? stableSelector(next) : undefined;
    if (next && after) return { selector: `${head}:has(+ ${after})`, via: next };
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_ELEMENT);
    looked = 0;
    for (let node = walker.nextNode() as Element | null; node && looked < MAX_NEIGHBOURS * 4; node = walker.nextNode() as Element | null, looked++) {
      if (node.parentElement === element) continue;
      const selector = stableSelector(node);
      if (!selector) continue;
      // Unique when no other ancestor of that element matches the head.
      let holders = 0;
      for (let up = node.parentElement; up; up = up.parentElement) if (up.matches(head)) holders++;
      return holders === 1 ? { selector: `${head}:has(${selector})`, via: node } : undefined;
    }
    return undefined;
  }

  /** The best selector and up to `maxAlternates` from other strategies (then more of the same when there are none). */
  function selectorsOf(element: Element, maxAlternates: number): Selectors | undefined {
    const own = ownAttributeSelectors(element);
    const attributes = attributeSelectors(element, own);
    const byPath = path(element);
    // Beside a class path, the structure steps by position, so a renamed class leaves one of them.
    let structure = keyedRowPath(element) ?? structuralPath(element, !!byPath) ?? '';
    // "A > b" beside "A b" is the same path twice.
    if (byPath && structure === byPath.replace(/ (?=[^ ]+$)/, ' > ')) structure = '';
    // The first of each strategy, then the other attribute selectors; each selector once.
    const ordered: string[] = [];
    const take = (selector: string | undefined) => {
      if (selector && !ordered.includes(selector)) ordered.push(selector);
    };
    const byAttribute = attributes.length > 1 ? attributes.filter(Boolean) : attributes;
    // A component class of its own (`.sidebar-card`) reads better than a neighbour's attribute.
    if (!own.length && byPath && !/[\s:]/.test(byPath)) take(byPath);
    take(byAttribute[0]);
    take(byPath);
    take(structure);
    for (let i = 1; i < byAttribute.length; i++) take(byAttribute[i]);
    if (!ordered.length) return undefined;
    return { primary: ordered[0]!, alternates: ordered.slice(1, 1 + maxAlternates) };
  }

  return { selectorsOf, stableSelector };
}
