/**
 * The element map, made inside the captured page. Both hosts run this same script (Playwright's
 * page.evaluate, Electron's executeJavaScript); it is bundled into a string at build time.
 * Its output crosses from an untrusted page, so main validates it again.
 */
import type { Fingerprint } from '../../../shared/anchors/fingerprintTypes';
import { describeElement, describeMemo, shown, type DescribeMemo } from '../../../player/src/anchors/describeElement';
import { collapse, nameOf } from './elementName';
import { hasIdentity, hasOwnText, isDecoration, kindOf, onlyChild, sameBox, SKIPPED_TAGS, type Kind, type Rect } from './pointable';
import { createSelectorMaker, type QueryBudget } from './selectors';

export interface ElementMapOptions {
  /** Screenshot pixels per CSS pixel. */
  scale: number;
  /** Full-page screenshots start at the document's origin, viewport ones at the scroll position. */
  fullPage: boolean;
  maxElements: number;
  /** Full-page screenshots are cut at this many CSS pixels (the image size limit). */
  maxHeight: number;
}

export interface PageElement {
  box: { x: number; y: number; width: number; height: number };
  tag: string;
  role?: string;
  name?: string;
  selector: string;
  alternates: string[];
  context: 'document' | 'shadow' | 'iframe';
  /** Index in `elements` of the nearest mapped ancestor (always earlier: the map is in document order). */
  parent?: number;
  fingerprint: Fingerprint;
}

export interface PageElementMap {
  elements: PageElement[];
  /** More meaningful elements than maxElements: the rest were left out. */
  truncated: boolean;
  /** Same-origin frames and open shadow roots are mapped; cross-origin frames cannot be. */
  crossOriginFrames: number;
  title: string;
  ms: number;
}

/** Alternates per element: one from each other strategy. */
const MAX_ALTERNATES = 2;
/**
 * Ancestor levels kept in each element's fingerprint. The player compares the share of recorded
 * ancestors it finds, so fewer recorded levels stay comparable; three keep a 5,000-element map
 * within its 1 MB budget.
 */
const ANCESTOR_LEVELS = 3;

interface Scope {
  root: Document | ShadowRoot;
  /** Selector of the shadow host or iframe that leads here, joined with ">>>". */
  prefix: string;
  context: PageElement['context'];
  /** Where this scope's viewport sits in the top document's viewport. */
  offsetX: number;
  offsetY: number;
}

/** The element a node hangs from, across shadow roots and same-origin frames. */
function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const parent = element.parentNode;
  if (parent && parent.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return (parent as ShadowRoot).host ?? null;
  try {
    return element.ownerDocument.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}


function fingerprintOf(element: Element, memo: DescribeMemo, rect: DOMRect): Fingerprint {
  const fingerprint = describeElement(element, memo, rect);
  if (fingerprint.ancestors && fingerprint.ancestors.length > ANCESTOR_LEVELS) fingerprint.ancestors = fingerprint.ancestors.slice(0, ANCESTOR_LEVELS);
  return fingerprint;
}

export function mapElements(options: ElementMapOptions): PageElementMap {
  const started = performance.now();
  const doc = document;
  const view = doc.defaultView!;
  const scale = options.scale;
  const originX = options.fullPage ? view.scrollX : 0;
  const originY = options.fullPage ? view.scrollY : 0;
  const areaWidth = options.fullPage ? doc.documentElement.scrollWidth : view.innerWidth;
  const areaHeight = Math.min(options.maxHeight, options.fullPage ? doc.documentElement.scrollHeight : view.innerHeight);

  const elements: PageElement[] = [];
  /** Raw boxes of mapped elements, by index, to spot wrappers that add nothing. */
  const rects: Rect[] = [];
  const nodes: Element[] = [];
  let truncated = false;
  let crossOriginFrames = 0;
  const clipCache = new Map<Element, DOMRect | null>();
  /** For every element seen: the index of itself if mapped, else of its nearest mapped ancestor (-1: none). */
  const nearest = new Map<Element, number>();
  const hostSelectors = new Map<Element, string>();
  const budget: QueryBudget = { spentMs: 0 };
  // Thousands of mapped elements share a few hundred ancestors and their siblings: each is read once.
  const memo = describeMemo();
  const isShown = (element: Element) => {
    let verdict = memo.shown.get(element);
    if (verdict === undefined) memo.shown.set(element, (verdict = shown(element)));
    return verdict;
  };

  function nearestMapped(element: Element | null): number {
    if (!element) return -1;
    let found = nearest.get(element);
    if (found === undefined) {
      found = nearestMapped(parentOf(element));
      nearest.set(element, found);
    }
    return found;
  }

  /** The part of the viewport an element can show in: its scroll and overflow-clipping ancestors cut it. */
  function clipOf(element: Element): DOMRect | null {
    const parent = element.parentElement;
    if (!parent) return null;
    if (clipCache.has(parent)) return clipCache.get(parent)!;
    let clip = clipOf(parent);
    const style = getComputedStyle(parent);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      const rect = parent.getBoundingClientRect();
      clip = clip ? intersect(clip, rect) : rect;
    }
    clipCache.set(parent, clip);
    return clip;
  }

  function intersect(a: DOMRect, b: DOMRect): DOMRect {
    const x = Math.max(a.left, b.left);
    const y = Math.max(a.top, b.top);
    return new DOMRect(x, y, Math.max(0, Math.min(a.right, b.right) - x), Math.max(0, Math.min(a.bottom, b.bottom) - y));
  }

  /**
   * A wrapper whose box is its only child's (the child is mapped instead); a part that fills its
   * mapped ancestor or is all that ancestor holds (a card's only body); a decoration.
   */
  function addsNothing(element: Element, kind: Kind, own: DOMRect, above: number): boolean {
    if (kind === 'control' || hasIdentity(element) || element.localName === 'svg') return false;
    const child = onlyChild(element);
    if (child && sameBox(own, child.getBoundingClientRect()) && kindOf(child)) return true;
    if (kind !== 'block' || above < 0) return false;
    if (sameBox(own, rects[above]!) || isDecoration(element, kind, own)) return true;
    if (hasOwnText(element)) return false;
    // The only thing inside the mapped ancestor, down a chain of single children.
    const ancestor = nodes[above]!;
    for (let node: Element = element; node !== ancestor; ) {
      const parent = node.parentElement;
      if (!parent || onlyChild(parent) !== node) return false;
      node = parent;
    }
    return true;
  }

  function visit(scope: Scope): void {
    const all = Array.from(scope.root.querySelectorAll('*'));
    const selectors = createSelectorMaker(scope.root, all, budget);
    for (const element of all) {
      if (truncated) return;
      const above = nearestMapped(parentOf(element));
      nearest.set(element, above);
      const index = mapOne(element, scope, selectors, above);
      if (index >= 0) nearest.set(element, index);
      const frame = element.localName === 'iframe' ? (element as HTMLIFrameElement) : null;
      if (!element.shadowRoot && !frame) continue;
      const own = index >= 0 ? elements[index]!.selector : '';
      const prefix = own || hostSelector(element, scope, selectors);
      let inner: Document | null = null;
      try {
        inner = frame ? frame.contentDocument : null;
      } catch {
        inner = null;
      }
      const rect = element.getBoundingClientRect();
      if (prefix && element.shadowRoot) {
        visit({ ...scope, root: element.shadowRoot, prefix: `${prefix} >>> `, context: 'shadow' });
      } else if (prefix && inner?.body) {
        visit({
          root: inner,
          prefix: `${prefix} >>> `,
          context: 'iframe',
          offsetX: scope.offsetX + rect.left + frame!.clientLeft,
          offsetY: scope.offsetY + rect.top + frame!.clientTop,
        });
      } else if (frame && rect.width > 0) {
        crossOriginFrames++;
      }
    }
  }

  /** A shadow host or frame that is not mapped itself still needs a selector to reach inside. */
  function hostSelector(host: Element, scope: Scope, selectors: ReturnType<typeof createSelectorMaker>): string {
    if (!hostSelectors.has(host)) hostSelectors.set(host, scope.prefix + (selectors.selectorsOf(host, 0)?.primary ?? ''));
    const selector = hostSelectors.get(host)!;
    return selector === scope.prefix ? '' : selector;
  }

  /** Maps one element if a person could point at it; returns its index, or -1. */
  function mapOne(element: Element, scope: Scope, selectors: ReturnType<typeof createSelectorMaker>, above: number): number {
    const tag = element.localName;
    if (SKIPPED_TAGS.has(tag)) return -1;
    const own = element.getBoundingClientRect();
    // Smaller than 2 px is a hairline or a visually-hidden label: nothing to point at.
    if (own.width < 2 || own.height < 2) return -1;
    // Wholly outside the captured area (most of a long page in a viewport capture): decided cheaply.
    const dx = scope.offsetX + originX;
    const dy = scope.offsetY + originY;
    if (own.right + dx <= 0 || own.bottom + dy <= 0 || own.left + dx >= areaWidth || own.top + dy >= areaHeight) return -1;
    const kind = kindOf(element);
    if (!kind) return -1;
    // Not shown by the player's rule (hidden, aria-hidden, in a closed menu), or see-through. Decorative
    // (aria-hidden) icons stay out too: lookalikes in lookalike cards, which no fingerprint tells apart.
    if (!isShown(element) || !element.checkVisibility({ opacityProperty: true })) return -1;
    if (addsNothing(element, kind, own, above)) return -1;
    const clip = clipOf(element);
    const visible = clip ? intersect(own, clip) : own;
    // In screenshot pixels, cut to the captured area.
    const left = Math.max(0, visible.left + scope.offsetX + originX);
    const top = Math.max(0, visible.top + scope.offsetY + originY);
    const right = Math.min(areaWidth, visible.right + scope.offsetX + originX);
    const bottom = Math.min(areaHeight, visible.bottom + scope.offsetY + originY);
    if (right - left < 1 || bottom - top < 1) return -1;
    if (elements.length >= options.maxElements) {
      truncated = true;
      return -1;
    }
    const found = selectors.selectorsOf(element, MAX_ALTERNATES);
    if (!found) return -1;
    const frame = tag === 'iframe' ? (element as HTMLIFrameElement) : null;
    const fingerprint = fingerprintOf(element, memo, own);
    const name = nameOf(element, scope.root, fingerprint.text ?? '', memo.shown) || (frame && !frame.contentDocument ? 'Embedded frame (cross-origin: its contents cannot be mapped)' : '');
    // Built key by key rather than with spreads of optional parts (5,000 times); the keys keep their order.
    const entry = { box: { x: Math.round(left * scale), y: Math.round(top * scale), width: Math.round((right - left) * scale), height: Math.round((bottom - top) * scale) }, tag } as PageElement;
    if (fingerprint.role) entry.role = fingerprint.role;
    if (name) entry.name = name;
    entry.selector = scope.prefix + found.primary;
    entry.alternates = scope.prefix ? found.alternates.map((selector) => scope.prefix + selector) : found.alternates;
    entry.context = scope.context;
    if (above >= 0) entry.parent = above;
    entry.fingerprint = fingerprint;
    elements.push(entry);
    rects.push({ left: own.left, top: own.top, right: own.right, bottom: own.bottom });
    nodes.push(element);
    return elements.length - 1;
  }

  visit({ root: doc, prefix: '', context: 'document', offsetX: 0, offsetY: 0 });
  return { elements, truncated, crossOriginFrames, title: collapse(doc.title, 200), ms: Math.round(performance.now() - started) };
}
