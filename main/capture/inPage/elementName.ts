/**
 * The name the inspector shows for a mapped element ("Create invoice", "bell icon"). Only what a
 * person sees names an element: a closed menu, a collapsed dropdown or an aria-hidden part says
 * nothing about the visible element around it (a top bar is not "Alerts Center").
 */
import { shown, visibleText } from '../../../player/src/anchors/describeElement';

const NAME_LIMIT = 80;
/** Regions whose text is everything in them: a heading says what they are, or nothing does. */
const LANDMARKS = new Set(['header', 'nav', 'main', 'aside', 'footer', 'form', 'dialog', 'table', 'fieldset', 'ul', 'ol', 'dl', 'tbody', 'thead']);
/** Blocks that may be named by their heading before their text. */
const SECTIONS = new Set(['section', 'article', 'details']);
const HEADINGS = 'h1, h2, h3, h4, h5, h6, legend, caption, [role="heading"]';

export function collapse(text: string | null | undefined, limit = NAME_LIMIT): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  return clean.length > limit ? `${clean.slice(0, limit - 1)}…` : clean;
}

/**
 * Whether each element is shown, as far as already known: naming reads the same headings and text
 * the fingerprint just read (shared with describeElement's memo; a page being mapped does not change).
 */
type Verdicts = Map<Element, boolean>;

function isShown(element: Element, verdicts: Verdicts): boolean {
  let verdict = verdicts.get(element);
  if (verdict === undefined) verdicts.set(element, (verdict = shown(element)));
  return verdict;
}

/** Visible words, cut with an ellipsis. */
function textOf(element: Element, verdicts: Verdicts): string {
  return collapse(visibleText(element, NAME_LIMIT + 1, verdicts));
}

/** A label's own visible words, without the control it wraps ("Plan", not "Plan Free Pro"). */
function labelText(label: Element, verdicts: Verdicts): string {
  let text = '';
  for (const node of Array.from(label.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    else if (node instanceof Element && !node.matches('input,select,textarea,button') && isShown(node, verdicts)) text += ` ${visibleText(node, NAME_LIMIT + 1, verdicts)}`;
  }
  return collapse(text);
}

/** Icon fonts' glyph classes: "fa-bell", "bi-bell", "icon-bell" (not size or style classes such as "fa-fw"). */
export const ICON_CLASS = /^(?:fa|bi|icon|glyphicon|ti|ri)-(?!fw$|lg$|xs$|sm$|[0-9]x$|solid$|regular$|light$|brands$|spin$|pulse$)([a-z][a-z-]*)$/;

/** What a visible icon inside an element calls itself: its label or title, an svg's <title>, an image's alt, or its glyph class. */
function iconName(element: Element, verdicts: Verdicts): string {
  for (const icon of Array.from(element.querySelectorAll('[aria-label], [title], svg title, img[alt]'))) {
    const isTitle = icon.localName === 'title';
    if (!isShown(isTitle ? (icon.parentElement ?? icon) : icon, verdicts)) continue;
    const value = isTitle ? icon.textContent : icon.getAttribute('aria-label') || icon.getAttribute('title') || icon.getAttribute('alt');
    if (value?.trim()) return collapse(value);
  }
  for (const icon of Array.from(element.querySelectorAll('i[class], span[class], svg[class]'))) {
    if (!isShown(icon, verdicts)) continue;
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

/** Per document or shadow root: each control's first label, found by walking the labels once. */
const labelsByRoot = new WeakMap<Document | ShadowRoot, Map<Element, HTMLLabelElement>>();

/**
 * The control's first label, as `labels[0]`. Reading `labels` makes Chromium walk the whole document
 * for each control, which on a page of 600 fields was most of the naming time.
 */
function labelOf(element: Element, root: Document | ShadowRoot): HTMLLabelElement | undefined {
  if (!('labels' in element)) return undefined;
  let labels = labelsByRoot.get(root);
  if (!labels) {
    labels = new Map();
    for (const label of Array.from(root.querySelectorAll('label'))) {
      const control = label.control;
      if (control && !labels.has(control)) labels.set(control, label);
    }
    labelsByRoot.set(root, labels);
  }
  return labels.get(element);
}

function firstShownHeading(element: Element, verdicts: Verdicts): Element | undefined {
  return Array.from(element.querySelectorAll(HEADINGS)).find((heading) => isShown(heading, verdicts));
}

/**
 * `ownText` is the element's visible text if already read (its fingerprint's, cut at 80
 * characters): shorter than that, it is the whole text and need not be read again. `verdicts`
 * holds what is known of which elements are shown (capture shares its fingerprints' memo).
 */
export function nameOf(element: Element, root: Document | ShadowRoot, ownText?: string, verdicts: Verdicts = new Map()): string {
  const ariaLabel = element.getAttribute('aria-label');
  if (ariaLabel?.trim()) return collapse(ariaLabel);
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => {
        const target = root.getElementById?.(id) ?? element.ownerDocument.getElementById(id);
        // A label an element points at names it even when hidden (as in accessible names).
        return target ? visibleText(target, NAME_LIMIT + 1, verdicts) || target.textContent || '' : '';
      })
      .join(' ');
    if (text.trim()) return collapse(text);
  }
  const label = labelOf(element, root);
  if (label) return labelText(label, verdicts);
  const tag = element.localName;
  if (tag === 'select' || tag === 'textarea') return '';
  if (tag === 'label') return labelText(element, verdicts);
  for (const attribute of ['alt', 'title', 'placeholder']) {
    const value = element.getAttribute(attribute);
    if (value?.trim()) return collapse(value);
  }
  if (LANDMARKS.has(tag) || SECTIONS.has(tag)) {
    const heading = firstShownHeading(element, verdicts);
    if (heading) return textOf(heading, verdicts);
    if (LANDMARKS.has(tag)) return '';
  }
  const text = ownText !== undefined && ownText.length < NAME_LIMIT ? ownText : textOf(element, verdicts);
  // Words win; a bare count ("3+") or nothing at all says less than the icon or the link target.
  return /\p{L}/u.test(text) ? text : iconName(element, verdicts) || linkTarget(element) || text;
}
