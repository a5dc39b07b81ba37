/**
 * What a person could point a step at: controls, and content blocks (cards and panels, images,
 * icons, charts, headings, paragraphs, list items, table rows and cells, badges, numbers). Layout
 * wrappers that add nothing of their own are left out, so the list stays one a person can read.
 */
import { meaningfulClass, TEST_ID_ATTRIBUTES } from '../../../shared/anchors/classNames';
import { ICON_CLASS } from './elementName';

const CONTROLS = [
  'a[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea', 'summary', '[tabindex]:not([tabindex="-1"])', '[contenteditable=""]',
  '[contenteditable="true"]', 'label', 'iframe', 'video', 'audio',
  ...['button', 'link', 'tab', 'menuitem', 'checkbox', 'radio', 'switch', 'option', 'combobox', 'textbox', 'searchbox', 'slider', 'spinbutton'].map((role) => `[role="${role}"]`),
].join(',');
/** Inside these, only parts with an identity or a look of their own (a count badge) are mapped. */
const INTERACTIVE = 'a[href],button,summary,select,[role="button"],[role="link"],[role="tab"],[role="menuitem"]';

/** Tags that are a block a person can name by themselves. */
const CONTENT_TAGS = new Set([
  'img', 'svg', 'canvas', 'picture', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'blockquote', 'pre', 'figure', 'figcaption', 'li', 'dt', 'dd',
  'tr', 'td', 'th', 'caption', 'table', 'ul', 'ol', 'dl', 'section', 'article', 'header', 'nav', 'main', 'aside', 'footer', 'form',
  'fieldset', 'legend', 'dialog', 'details', 'progress', 'meter', 'output',
]);
/** Never mapped: not shown, or part of another element's rendering. */
export const SKIPPED_TAGS = new Set(['html', 'head', 'body', 'script', 'style', 'template', 'noscript', 'meta', 'link', 'option', 'optgroup', 'br', 'wbr', 'source', 'track', 'param', 'area', 'map', 'colgroup', 'col', 'slot', 'datalist', 'hr']);
/** Inline text inside running text ("Click <b>here</b>") is part of its sentence, not a block. */
const PHRASING = new Set(['span', 'strong', 'b', 'em', 'i', 'small', 'code', 'mark', 'abbr', 'time', 'sup', 'sub', 'u', 's', 'q', 'cite', 'kbd', 'var', 'data', 'bdi', 'bdo', 'font']);
const IDENTITY_ATTRIBUTES = [...TEST_ID_ATTRIBUTES, 'id', 'aria-label', 'role', 'title'];

export type Kind = 'control' | 'content' | 'block';

/** Per element: whether it or an ancestor is a control (closest() per element costs more than this on big pages). */
const controlAbove = new Map<Element, boolean>();

function insideControl(element: Element): boolean {
  const parent = element.parentElement;
  if (!parent) return false;
  let inside = controlAbove.get(parent);
  if (inside === undefined) controlAbove.set(parent, (inside = parent.matches(INTERACTIVE) || insideControl(parent)));
  return inside;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function hasIdentity(element: Element): boolean {
  return element.hasAttributes() && IDENTITY_ATTRIBUTES.some((name) => element.hasAttribute(name));
}

export function hasOwnText(element: Element): boolean {
  for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) return true;
  return false;
}

function transparent(color: string): boolean {
  return color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color);
}

/** A background, border or shadow: something a person sees as a box (a card, a badge, a bar). */
export function hasOwnLook(element: Element): boolean {
  const style = getComputedStyle(element);
  if (!transparent(style.backgroundColor) || style.backgroundImage !== 'none' || style.boxShadow !== 'none') return true;
  for (const side of ['Top', 'Right', 'Bottom', 'Left'] as const) {
    if (parseFloat(style[`border${side}Width`]) > 0 && style[`border${side}Style`] !== 'none' && !transparent(style[`border${side}Color`])) return true;
  }
  return false;
}

function isIcon(element: Element): boolean {
  return element.classList.length > 0 && Array.from(element.classList).some((name) => ICON_CLASS.test(name) || name === 'material-icons' || name === 'icon');
}

/**
 * Whether an element is worth a place in the map, and as what; undefined for layout, inner parts
 * of a drawing, parts of a control, and words inside running text.
 */
export function kindOf(element: Element): Kind | undefined {
  const tag = element.localName;
  if (element.namespaceURI === SVG_NS && tag !== 'svg') return undefined;
  if (tag === 'svg' && element.parentElement?.namespaceURI === SVG_NS) return undefined;
  if (insideControl(element)) {
    // A control's parts are the control, except what has a name or a look of its own (a count badge).
    if (element.matches(CONTROLS)) return 'control';
    return hasIdentity(element) || (element.firstElementChild === null && hasOwnText(element) && hasOwnLook(element)) ? 'block' : undefined;
  }
  if (element.matches(CONTROLS)) return 'control';
  if (CONTENT_TAGS.has(tag)) return 'content';
  if (hasIdentity(element) || isIcon(element)) return 'block';
  const parent = element.parentElement;
  if (PHRASING.has(tag) && parent && hasOwnText(parent)) return hasOwnLook(element) ? 'block' : undefined;
  if (hasOwnText(element)) return 'block';
  if (!element.firstElementChild) return hasOwnLook(element) ? 'block' : undefined;
  if (hasOwnLook(element)) return 'block';
  // A component (card-body, chart-area, legend-item) that holds more than one thing, or a chart.
  const named = Array.from(element.classList).some(meaningfulClass);
  return named && (element.childElementCount > 1 || holdsDrawing(element)) ? 'block' : undefined;
}

/** A chart's panel: a drawing as its only content, or its only child's. */
function holdsDrawing(element: Element): boolean {
  const child = element.firstElementChild;
  if (!child || child !== element.lastElementChild) return false;
  if (DRAWINGS.has(child.localName)) return true;
  const grandchild = child.firstElementChild;
  return !!grandchild && grandchild === child.lastElementChild && DRAWINGS.has(grandchild.localName);
}
const DRAWINGS = new Set(['canvas', 'svg', 'img', 'video']);

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function sameBox(a: Rect, b: Rect): boolean {
  return Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1 && Math.abs(a.right - b.right) < 1 && Math.abs(a.bottom - b.bottom) < 1;
}

/** The one rendered element child of a wrapper without text of its own (a closed menu beside it does not count). */
export function onlyChild(element: Element): Element | undefined {
  if (hasOwnText(element) || element.childElementCount > 4) return undefined;
  let only: Element | undefined;
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (SKIPPED_TAGS.has(child.localName) || !child.checkVisibility()) continue;
    if (only) return undefined;
    only = child;
  }
  return only;
}

/** A background-only leaf smaller than this (a legend dot, a thin bar) decorates what is beside it. */
const DECORATION_PX = 12;

export function isDecoration(element: Element, kind: Kind, rect: Rect): boolean {
  return kind === 'block' && !element.firstElementChild && !hasOwnText(element) && !hasIdentity(element) && (rect.right - rect.left < DECORATION_PX || rect.bottom - rect.top < DECORATION_PX);
}
