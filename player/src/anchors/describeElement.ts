import { hrefPath, looksGenerated, meaningfulClass, TEST_ID_ATTRIBUTES } from '../../../shared/anchors/classNames';
import type { Fingerprint, FingerprintAncestor } from '../../../shared/anchors/fingerprintTypes';

/**
 * Reads an element as a fingerprint. The one description used on both sides: capture records it
 * for the element the author picks (main/capture/inPage imports this file), and the player reads
 * live candidates with it, so the two can never disagree about what "text" or "classes" mean.
 */

/** What a fingerprint records of an element, and of each ancestor, in this order (id and a link's path last). */
const OWN_ATTRIBUTES = [...TEST_ID_ATTRIBUTES, 'aria-label', 'name', 'for', 'placeholder', 'alt', 'title', 'type', 'id', 'href'];
const ANCESTOR_ATTRIBUTES = [...TEST_ID_ATTRIBUTES, 'aria-label', 'role', 'id', 'href'];
const ANCESTOR_LEVELS = 5;
const TEXT_LIMIT = 80;

const IMPLICIT_ROLES: Record<string, string> = {
  button: 'button', summary: 'button', select: 'combobox', textarea: 'textbox', img: 'img', nav: 'navigation', main: 'main',
  header: 'banner', footer: 'contentinfo', aside: 'complementary', form: 'form', dialog: 'dialog', table: 'table', ul: 'list',
  ol: 'list', li: 'listitem', tr: 'row', td: 'cell', th: 'columnheader', h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading',
  h5: 'heading', h6: 'heading',
};

export function roleOf(element: Element): string | undefined {
  const explicit = element.getAttribute('role');
  if (explicit) return explicit.split(/\s+/)[0];
  const tag = element.localName;
  if (tag === 'a') return element.hasAttribute('href') ? 'link' : undefined;
  if (tag === 'input') {
    const type = (element as HTMLInputElement).type;
    return type === 'checkbox' || type === 'radio' ? type : type === 'submit' || type === 'button' || type === 'reset' ? 'button' : 'textbox';
  }
  return IMPLICIT_ROLES[tag];
}

/** Whether an element is shown: not display none, visibility hidden, aria-hidden or inside a closed menu. */
export function shown(element: Element): boolean {
  if (element.closest('[aria-hidden="true"],[hidden]')) return false;
  return element.checkVisibility ? element.checkVisibility({ visibilityProperty: true }) : element.getClientRects().length > 0;
}

/** Visible text, a space between elements, stopping after `limit` characters; hidden parts say nothing. */
export function visibleText(element: Element, limit = TEXT_LIMIT, verdicts = new Map<Element, boolean>()): string {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node && text.length <= limit; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || /^(script|style|noscript|template)$/.test(parent.localName) || !node.textContent?.trim()) continue;
    let visible = verdicts.get(parent);
    if (visible === undefined) verdicts.set(parent, (visible = shown(parent)));
    if (visible) text += ` ${node.textContent}`;
  }
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > limit ? clean.slice(0, limit) : clean;
}

/** An attribute as a fingerprint records it: cut at 300 characters, a link's path only, no generated id. */
export function recordedAttribute(element: Element, name: string): string | undefined {
  const raw = name === 'href' ? (element.localName === 'a' ? hrefPath(element.getAttribute('href') ?? '') : '') : element.getAttribute(name);
  return raw && !(name === 'id' && looksGenerated(raw)) ? raw.slice(0, 300) : undefined;
}

function attributesOf(element: Element, names: readonly string[]): Record<string, string> | undefined {
  const found: Record<string, string> = {};
  for (const name of names) {
    const value = recordedAttribute(element, name);
    if (value) found[name] = value;
  }
  return Object.keys(found).length ? found : undefined;
}

function classesOf(element: Element): string[] | undefined {
  if (!element.classList.length) return undefined;
  const classes = Array.from(element.classList).filter(meaningfulClass).slice(0, 12);
  return classes.length ? classes : undefined;
}

function indexOf(element: Element, memo?: DescribeMemo): number {
  let index = memo?.index.get(element);
  if (index) return index;
  if (!memo || !element.parentElement) {
    index = 1;
    for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) if (sibling.localName === element.localName) index++;
    return index;
  }
  // All the siblings at once: a list of 600 rows is walked once, not 600 times.
  const counts = new Map<string, number>();
  for (let child = element.parentElement.firstElementChild; child; child = child.nextElementSibling) {
    counts.set(child.localName, (index = (counts.get(child.localName) ?? 0) + 1));
    memo.index.set(child, index);
  }
  return memo.index.get(element)!;
}

/** Rows and list items: their text tells apart lookalikes inside them (the "Edit" button of which row). */
const ROW_LIKE = /^(tr|li)$/;
const ROW_TEXT_LIMIT = 40;

/**
 * What describing many elements of one unchanging page shares (capture describes thousands):
 * ancestor records by element (apart for chains whose row text was taken below), positions among
 * siblings, and whether an element is shown.
 */
export interface DescribeMemo {
  ancestors: [Map<Element, FingerprintAncestor>, Map<Element, FingerprintAncestor>];
  index: Map<Element, number>;
  shown: Map<Element, boolean>;
  /** Each document's scroll position: reading it brings layout up to date, every time. */
  scroll: Map<Document, [x: number, y: number]>;
}

export const describeMemo = (): DescribeMemo => ({ ancestors: [new Map(), new Map()], index: new Map(), shown: new Map(), scroll: new Map() });

function scrollOf(doc: Document, memo?: DescribeMemo): [number, number] {
  let scroll = memo?.scroll.get(doc);
  if (!scroll) {
    const view = doc.defaultView;
    scroll = [view?.scrollX ?? 0, view?.scrollY ?? 0];
    memo?.scroll.set(doc, scroll);
  }
  return scroll;
}

function ancestorsOf(element: Element, memo?: DescribeMemo): FingerprintAncestor[] | undefined {
  const chain: FingerprintAncestor[] = [];
  let rowText = false;
  for (let parent = element.parentElement; parent && chain.length < ANCESTOR_LEVELS && parent.localName !== 'body' && parent.localName !== 'html'; parent = parent.parentElement) {
    const known = memo?.ancestors[rowText ? 1 : 0];
    let record = known?.get(parent);
    const row = !rowText && (ROW_LIKE.test(parent.localName) || parent.getAttribute('role') === 'row');
    if (!record) {
      let attributes = attributesOf(parent, ANCESTOR_ATTRIBUTES);
      if (row) {
        const text = visibleText(parent, ROW_TEXT_LIMIT, memo?.shown);
        if (text) attributes = { ...attributes, text };
      }
      const classes = classesOf(parent);
      record = { tag: parent.localName, ...(attributes ? { attributes } : {}), ...(classes ? { classes } : {}) };
      known?.set(parent, record);
    }
    if (row) rowText = true;
    chain.push(record);
  }
  return chain.length ? chain : undefined;
}

/** `rect` is the element's box if the caller already read it (capture does, for every element). */
export function describeElement(element: Element, memo?: DescribeMemo, rect = element.getBoundingClientRect()): Fingerprint {
  const scroll = scrollOf(element.ownerDocument, memo);
  const role = roleOf(element);
  const text = visibleText(element, TEXT_LIMIT, memo?.shown);
  const attributes = attributesOf(element, OWN_ATTRIBUTES);
  const classes = classesOf(element);
  const ancestors = ancestorsOf(element, memo);
  return {
    tag: element.localName,
    ...(role ? { role } : {}),
    ...(text ? { text } : {}),
    ...(attributes ? { attributes } : {}),
    ...(classes ? { classes } : {}),
    ...(ancestors ? { ancestors } : {}),
    index: indexOf(element, memo),
    box: {
      x: Math.round(rect.left + scroll[0]),
      y: Math.round(rect.top + scroll[1]),
      width: Math.round(rect.width),
      height: Math.round(rect.height),
    },
  };
}
