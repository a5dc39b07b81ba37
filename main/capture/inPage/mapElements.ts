/**
 * The element map, made inside the captured page. Both hosts run this same script (Playwright's
 * page.evaluate, Electron's executeJavaScript); it is bundled with @medv/finder at build time.
 * Its output crosses from an untrusted page, so main validates it again.
 */
import { finder } from '@medv/finder';

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

/** What an author would want to point a step at. */
const MEANINGFUL = [
  'a[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea', 'summary', '[tabindex]:not([tabindex="-1"])',
  '[contenteditable=""]', '[contenteditable="true"]', '[role]', '[data-testid]', '[data-test]', '[data-cy]', '[data-test-id]',
  '[data-qa]', '[id]', '[aria-label]', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'svg[aria-label]', 'video', 'iframe',
  'header', 'nav', 'main', 'aside', 'footer', 'form', 'dialog', 'table', 'label',
].join(',');
const CONTAINERS = new Set(['header', 'nav', 'main', 'aside', 'footer', 'form', 'dialog', 'table', 'section', 'article', 'fieldset']);
const SKIPPED_TAGS = new Set(['html', 'head', 'body', 'script', 'style', 'template', 'noscript', 'meta', 'link', 'option']);

/** Attributes that teams put on purpose and keep stable, best first. */
const TEST_ID_ATTRIBUTES = ['data-testid', 'data-test', 'data-cy', 'data-test-id', 'data-qa'];
const LABEL_ATTRIBUTES = ['aria-label', 'name'];

const IMPLICIT_ROLES: Record<string, string> = {
  button: 'button', summary: 'button', select: 'combobox', textarea: 'textbox', img: 'img', nav: 'navigation', main: 'main',
  header: 'banner', footer: 'contentinfo', aside: 'complementary', form: 'form', dialog: 'dialog', table: 'table',
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
};
const INPUT_ROLES: Record<string, string> = { checkbox: 'checkbox', radio: 'radio', search: 'searchbox', range: 'slider', button: 'button', submit: 'button', reset: 'button' };

/** Ids from frameworks and build tools change between deploys: React's ":r1:", "ember123", hashes. */
export function looksGenerated(value: string): boolean {
  return (
    /^\d/.test(value) ||
    /[:{}]/.test(value) ||
    /\d{3,}/.test(value) ||
    /[0-9a-f]{8,}/i.test(value) ||
    /^(ember|react|radix|mui|headlessui|rc-|ng-|vue-|svelte-|__)/i.test(value)
  );
}

/** Classes that describe state or come from CSS-in-JS hashes, not what the element is. */
function stableClass(name: string): boolean {
  return !looksGenerated(name) && !/^(is|has)-|active|selected|hover|focus|open|hidden|disabled|css-|sc-|jsx-/i.test(name) && name.length <= 40;
}

function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ');
}

function collapse(text: string | null | undefined, limit = 80): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  return clean.length > limit ? `${clean.slice(0, limit - 1)}…` : clean;
}

function roleOf(element: Element, tag: string): string | undefined {
  const explicit = element.getAttribute('role');
  if (explicit) return explicit.split(/\s+/)[0];
  if (tag === 'a') return element.hasAttribute('href') ? 'link' : undefined;
  if (tag === 'input') return INPUT_ROLES[(element as HTMLInputElement).type] ?? 'textbox';
  return IMPLICIT_ROLES[tag];
}

/** A label's own words, without the text of the control it wraps ("Plan", not "Plan Free Pro"). */
function labelText(label: Element): string {
  let text = '';
  for (const node of Array.from(label.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    else if (node instanceof Element && !node.matches('input,select,textarea,button')) text += ` ${node.textContent ?? ''}`;
  }
  return collapse(text);
}

function nameOf(element: Element, root: Document | ShadowRoot): string {
  const label = element.getAttribute('aria-label');
  if (label) return collapse(label);
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy.split(/\s+/).map((id) => root.getElementById?.(id)?.textContent ?? element.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
    if (text.trim()) return collapse(text);
  }
  const field = element as HTMLInputElement;
  if (field.labels && field.labels.length) return labelText(field.labels[0]!);
  if (element.localName === 'select' || element.localName === 'textarea') return '';
  if (element.localName === 'label') return labelText(element);
  for (const attribute of ['alt', 'title', 'placeholder']) {
    const value = element.getAttribute(attribute);
    if (value) return collapse(value);
  }
  if (CONTAINERS.has(element.localName)) {
    // A region's text is everything in it; its heading says what it is.
    const heading = element.querySelector('h1, h2, h3, h4, h5, h6, legend, caption');
    return heading ? textOf(heading) : '';
  }
  const text = textOf(element);
  // Words win; a bare count ("3+") or nothing at all says less than the icon or the link target.
  return /\p{L}/u.test(text) ? text : iconName(element) || linkTarget(element) || text;
}

/** Icon fonts' glyph classes: "fa-bell", "bi-bell", "icon-bell" (not size or style classes such as "fa-fw"). */
const ICON_CLASS = /^(?:fa|bi|icon|glyphicon|ti|ri)-(?!fw$|lg$|xs$|sm$|[0-9]x$|solid$|regular$|light$|brands$|spin$|pulse$)([a-z][a-z-]*)$/;

/** What an icon inside an element calls itself: its label or title, an svg's <title>, an image's alt, or its glyph class. */
function iconName(element: Element): string {
  for (const icon of Array.from(element.querySelectorAll('[aria-label], [title], svg title, img[alt]'))) {
    const value = icon.localName === 'title' ? icon.textContent : icon.getAttribute('aria-label') || icon.getAttribute('title') || icon.getAttribute('alt');
    if (value?.trim()) return collapse(value);
  }
  for (const icon of Array.from(element.querySelectorAll('i[class], span[class], svg[class]'))) {
    for (const name of Array.from(icon.classList)) {
      const glyph = ICON_CLASS.exec(name)?.[1];
      if (glyph) return `${glyph.replace(/-/g, ' ')} icon`;
    }
  }
  return '';
}

/** Where a link goes ("/settings/alerts"), when it goes somewhere: not "#" or script. */
function linkTarget(element: Element): string {
  const href = element.getAttribute('href')?.trim();
  if (!href || href === '#' || /^javascript:/i.test(href)) return '';
  return collapse(`Link to ${href.replace(/^https?:\/\//i, '')}`);
}

/** Visible words of an element, with a space between the texts of different elements, stopping early. */
function textOf(element: Element, limit = 80): string {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node && text.length <= limit; node = walker.nextNode()) {
    const parent = node.parentElement?.localName;
    if (parent !== 'script' && parent !== 'style') text += ` ${node.textContent ?? ''}`;
  }
  return collapse(text, limit);
}

interface Scope {
  root: Document | ShadowRoot;
  /** Selector of the shadow host or iframe that leads here, joined with ">>>". */
  prefix: string;
  context: PageElement['context'];
  /** Where this scope's viewport sits in the top document's viewport. */
  offsetX: number;
  offsetY: number;
}

/** How many elements of a scope carry each stable attribute value: a unique one is a selector by itself. */
function countStableAttributes(elements: Element[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const element of elements) {
    for (const attribute of TEST_ID_ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (value) add(`${attribute}\u0000${value}`);
    }
    if (element.id) add(`id\u0000${element.id}`);
    for (const attribute of LABEL_ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (value) add(`${element.localName}\u0000${attribute}\u0000${value}`);
    }
  }
  return counts;
}

/** Unique selectors from attributes alone, best first: test ids, then a hand-written id, then labels. */
function stableSelectors(element: Element, counts: Map<string, number>): string[] {
  const found: string[] = [];
  for (const attribute of TEST_ID_ATTRIBUTES) {
    const value = element.getAttribute(attribute);
    if (value && value.length <= 200 && counts.get(`${attribute}\u0000${value}`) === 1) found.push(`[${attribute}="${escapeValue(value)}"]`);
  }
  const id = element.id;
  if (id && !looksGenerated(id) && counts.get(`id\u0000${id}`) === 1) found.push(`#${CSS.escape(id)}`);
  for (const attribute of LABEL_ATTRIBUTES) {
    const value = element.getAttribute(attribute);
    if (value && value.length <= 200 && counts.get(`${element.localName}\u0000${attribute}\u0000${value}`) === 1) {
      found.push(`${element.localName}[${attribute}="${escapeValue(value)}"]`);
    }
  }
  return found;
}

const FINDER_LIMITS = { timeoutMs: 25, maxNumberOfPathChecks: 60, seedMinLength: 1, optimizedMinLength: 2 };
/**
 * finder checks every candidate against the whole page, so pages with thousands of elements
 * without stable attributes would take seconds; after this long the rest get structural paths.
 */
const FINDER_BUDGET_MS = 150;

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
  let truncated = false;
  let crossOriginFrames = 0;
  const selectorCache = new Map<Element, string>();
  const pathCache = new Map<Element, string>();
  const clipCache = new Map<Element, DOMRect | null>();

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

  function scopeRootElement(scope: Scope): Element {
    return scope.root instanceof Document || (scope.root as Node).nodeType === Node.DOCUMENT_NODE ? (scope.root as Document).body : (scope.root as unknown as Element);
  }

  /**
   * A path from the nearest ancestor with a stable selector (or body), one nth-of-type per level.
   * Cheap (cached per ancestor, no queries) and unique by construction: the fallback when
   * finder's time is spent, and the structural alternate beside a stable selector.
   */
  function structuralPath(element: Element, counts: Map<string, number>): string | undefined {
    const parent = element.parentElement;
    if (!parent) return undefined;
    let base = pathCache.get(parent);
    if (base === undefined) {
      base = parent.localName === 'body' ? 'body' : (stableSelectors(parent, counts)[0] ?? structuralPath(parent, counts) ?? '');
      pathCache.set(parent, base);
    }
    if (!base) return undefined;
    const tag = element.localName;
    let index = 0;
    for (let sibling: Element | null = element; sibling; sibling = sibling.previousElementSibling) if (sibling.localName === tag) index++;
    let only = index === 1;
    for (let sibling = element.nextElementSibling; only && sibling; sibling = sibling.nextElementSibling) if (sibling.localName === tag) only = false;
    return `${base} > ${only ? tag : `${tag}:nth-of-type(${index})`}`;
  }

  /**
   * Unique selectors within the scope, best first: stable attributes, then finder's shortest path
   * (searched from the nearest ancestor with a stable selector, while the time budget lasts),
   * then the structural path.
   */
  function selectorsOf(element: Element, scope: Scope, counts: Map<string, number>): string[] {
    const found = stableSelectors(element, counts);
    const inShadow = scope.context === 'shadow';
    if (!found.length && (inShadow || performance.now() - started < FINDER_BUDGET_MS)) {
      let anchor: Element | null = element.parentElement;
      let anchorSelector = '';
      while (anchor && !(anchorSelector = stableSelectors(anchor, counts)[0] ?? '')) anchor = anchor.parentElement;
      try {
        const path = finder(element, {
          ...FINDER_LIMITS,
          root: anchor ?? scopeRootElement(scope),
          idName: (name) => !looksGenerated(name),
          className: stableClass,
          attr: (name, value) => TEST_ID_ATTRIBUTES.includes(name) && value.length <= 200,
        });
        // The anchor keeps finder's searches small; drop it when the path is unique on its own.
        const standsAlone = anchor && scope.root.querySelectorAll(path).length === 1;
        found.push(anchor && !standsAlone ? `${anchorSelector} ${path}` : path);
      } catch {
        // Nothing unique within finder's limits: the structural path below stands in.
      }
    }
    if (found.length < 3 && !inShadow) {
      const structural = structuralPath(element, counts);
      if (structural) found.push(structural);
    }
    return [...new Set(found)];
  }

  function hostSelector(host: Element, scope: Scope, counts: Map<string, number>): string | undefined {
    if (!selectorCache.has(host)) {
      const own = selectorsOf(host, scope, counts)[0];
      if (own) selectorCache.set(host, scope.prefix + own);
    }
    return selectorCache.get(host);
  }

  function visit(scope: Scope): void {
    const all = Array.from(scope.root.querySelectorAll('*'));
    const counts = countStableAttributes(all);
    for (const element of all) {
      if (truncated) return;
      const tag = element.localName;
      const frame = tag === 'iframe' ? (element as HTMLIFrameElement) : null;
      if (element.shadowRoot || frame) {
        const prefix = hostSelector(element, scope, counts);
        const rect = element.getBoundingClientRect();
        let inner: Document | null = null;
        try {
          inner = frame ? frame.contentDocument : null;
        } catch {
          inner = null;
        }
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
      if (SKIPPED_TAGS.has(tag) || !element.matches(MEANINGFUL)) continue;
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const own = element.getBoundingClientRect();
      if (own.width < 1 || own.height < 1) continue;
      const clip = clipOf(element);
      const shown = clip ? intersect(own, clip) : own;
      // In screenshot pixels, cut to the captured area.
      const left = Math.max(0, shown.left + scope.offsetX + originX);
      const top = Math.max(0, shown.top + scope.offsetY + originY);
      const right = Math.min(areaWidth, shown.right + scope.offsetX + originX);
      const bottom = Math.min(areaHeight, shown.bottom + scope.offsetY + originY);
      if (right - left < 1 || bottom - top < 1) continue;
      if (elements.length >= options.maxElements) {
        truncated = true;
        return;
      }
      const selectors = selectorsOf(element, scope, counts);
      if (!selectors.length) continue;
      const name = nameOf(element, scope.root);
      const role = roleOf(element, tag);
      elements.push({
        box: { x: Math.round(left * scale), y: Math.round(top * scale), width: Math.round((right - left) * scale), height: Math.round((bottom - top) * scale) },
        tag,
        ...(role ? { role } : {}),
        ...(name ? { name } : frame && !frame.contentDocument ? { name: 'Embedded frame (cross-origin: its contents cannot be mapped)' } : {}),
        selector: scope.prefix + selectors[0],
        alternates: selectors.slice(1, 3).map((selector) => scope.prefix + selector),
        context: scope.context,
      });
    }
  }

  visit({ root: doc, prefix: '', context: 'document', offsetX: 0, offsetY: 0 });
  return { elements, truncated, crossOriginFrames, title: collapse(doc.title, 200), ms: Math.round(performance.now() - started) };
}
