/**
 * The flow health check inside the live page: every anchor resolved with the player's own
 * findTarget (selectors verified by fingerprint, then the page search), so the check and the
 * player can never disagree. Bundled into a string at build time like the element map
 * (scripts/buildTimeTexts.mjs); its output crosses from an untrusted page, so main checks it again.
 */
import type { Fingerprint } from '../../../shared/anchors/fingerprintTypes';
import { compareFingerprints } from '../../../shared/anchors/compareFingerprints';
import { describeElement } from '../../../player/src/anchors/describeElement';
import { findBySelectors, findTarget, type MissReason } from '../../../player/src/findTarget';
import { createSelectorMaker } from '../../capture/inPage/selectors';

export interface CheckedAnchorQuery {
  selectors: string[];
  fingerprint?: Fingerprint;
}

export interface CheckAnchorsOptions {
  anchors: CheckedAnchorQuery[];
  /** As the screenshot was taken: a full-page one starts at the document's origin, a viewport one at the scroll position. */
  fullPage: boolean;
  /** Full-page screenshots are cut at this many CSS pixels. */
  maxHeight: number;
}

/** CSS pixels of the document (getBoundingClientRect plus the scroll position). */
export interface CssBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type InPageAnchorResult =
  | {
      found: true;
      foundBy: 'selector' | 'alternate' | 'fingerprint';
      /** The alternate selector that found it. */
      selectorIndex?: number;
      /** Agreement with the fingerprint, 0 to 1, when the anchor has one. */
      score?: number;
      /** The part of the element the screenshot shows (as the element map clips it), in document CSS px. */
      box: CssBox;
      /** Recovered only: why the first selector did not find it. */
      firstSelector?: MissReason;
      /** Recovered only: the anchor as capture would make it now (checked to find the element again). */
      fresh?: { selectors: string[]; fingerprint: Fingerprint };
    }
  | {
      found: false;
      reason: MissReason;
      /** mismatch: what the selectors find instead ("<a> “Charts”"). */
      other?: string;
    };

export interface CheckAnchorsResult {
  anchors: InPageAnchorResult[];
  scrollX: number;
  scrollY: number;
  ms: number;
}

/** As mapElements keeps them: three ancestor levels keep fingerprints comparable. */
const ANCESTOR_LEVELS = 3;
const MAX_ALTERNATES = 2;
/** An anchor holds at most five selectors (the bundle's limit). */
const MAX_SUGGESTED_SELECTORS = 5;

function fingerprintOf(element: Element): Fingerprint {
  const fingerprint = describeElement(element);
  if (fingerprint.ancestors && fingerprint.ancestors.length > ANCESTOR_LEVELS) fingerprint.ancestors = fingerprint.ancestors.slice(0, ANCESTOR_LEVELS);
  return fingerprint;
}

function intersect(a: DOMRect, b: DOMRect): DOMRect {
  const x = Math.max(a.left, b.left);
  const y = Math.max(a.top, b.top);
  return new DOMRect(x, y, Math.max(0, Math.min(a.right, b.right) - x), Math.max(0, Math.min(a.bottom, b.bottom) - y));
}

/** The element's box cut by its scrolling and overflow-clipping ancestors, as the element map cuts it. */
function visibleRect(element: Element, rect: DOMRect): DOMRect {
  let clipped = rect;
  for (let parent = element.parentElement; parent && parent !== document.documentElement && parent !== document.body; parent = parent.parentElement) {
    const style = getComputedStyle(parent);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') clipped = intersect(clipped, parent.getBoundingClientRect());
  }
  return clipped;
}

function boxOf(element: Element, target: { getBoundingClientRect(): DOMRect }, options: CheckAnchorsOptions): CssBox {
  const rect = target.getBoundingClientRect();
  // Inside an iframe the target's box is already in the top viewport; only top-document elements are cut by their ancestors.
  let shown = element.ownerDocument === document ? visibleRect(element, rect) : rect;
  const area = options.fullPage
    ? new DOMRect(-scrollX, -scrollY, document.documentElement.scrollWidth, Math.min(options.maxHeight, document.documentElement.scrollHeight))
    : new DOMRect(0, 0, innerWidth, innerHeight);
  shown = intersect(shown, area);
  // Wholly out of the captured area: its own box still says where it went.
  const chosen = shown.width >= 1 && shown.height >= 1 ? shown : rect;
  return { x: chosen.left + scrollX, y: chosen.top + scrollY, width: chosen.width, height: chosen.height };
}

/** "<a> “Charts”": enough to recognise what a stale selector points at now. */
function describeShort(element: Element): string {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
  return `<${element.localName}>${text ? ` “${text}”` : ''}`;
}

/** The first shown element a selector of the anchor finds (top document only), for a mismatch's reason. */
function firstMatch(selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    if (selector.includes('>>>')) continue;
    try {
      const match = [...document.querySelectorAll(selector)].find((element) => element.getClientRects().length > 0);
      if (match) return match;
    } catch {
      /* not valid CSS: the player skips it too */
    }
  }
  return undefined;
}

export async function checkAnchors(options: CheckAnchorsOptions): Promise<CheckAnchorsResult> {
  const started = performance.now();
  let makeSelectors: ReturnType<typeof createSelectorMaker> | undefined;
  /**
   * The suggested anchor for a recovered element of the top document: selectors as capture makes
   * them now, then the anchor's current ones, so the suggestion holds on this release and on the
   * one it was captured on (a positional path such as tr:nth-of-type(3) finds another row there;
   * the fingerprint turns that match down and the next selector is tried). A current selector
   * that finds a different element here, fitting the fingerprint, is left out; the whole list must
   * find this very element here, and unambiguously.
   */
  const freshAnchor = (element: Element, current: readonly string[]): { selectors: string[]; fingerprint: Fingerprint } | undefined => {
    if (element.getRootNode() !== document) return undefined;
    makeSelectors ??= createSelectorMaker(document, [...document.querySelectorAll('*')], { spentMs: 0 });
    const made = makeSelectors.selectorsOf(element, MAX_ALTERNATES);
    if (!made) return undefined;
    const fingerprint = fingerprintOf(element);
    const pointsElsewhere = (selector: string) => {
      const other = findBySelectors(document, { selectors: [selector], fingerprint }).found?.element;
      return other !== undefined && other !== element;
    };
    const kept = current.filter((selector) => !pointsElsewhere(selector));
    const selectors = [...new Set([made.primary, ...made.alternates, ...kept])].slice(0, MAX_SUGGESTED_SELECTORS);
    const fresh = { selectors, fingerprint };
    return findBySelectors(document, fresh).found?.element === element ? fresh : undefined;
  };

  const results: InPageAnchorResult[] = [];
  for (const anchor of options.anchors) {
    const located = await findTarget(document, anchor);
    if (!located.found) {
      const other = located.reason === 'mismatch' ? firstMatch(anchor.selectors) : undefined;
      results.push({ found: false, reason: located.reason, ...(other ? { other: describeShort(other) } : {}) });
      continue;
    }
    const { element, target } = located.found;
    const box = boxOf(element, target, options);
    if (!located.recovered) {
      const score = anchor.fingerprint ? Math.round(compareFingerprints(anchor.fingerprint, describeElement(element)) * 100) / 100 : undefined;
      results.push({ found: true, foundBy: 'selector', ...(score !== undefined ? { score } : {}), box });
      continue;
    }
    const first = findBySelectors(document, { selectors: anchor.selectors.slice(0, 1), ...(anchor.fingerprint ? { fingerprint: anchor.fingerprint } : {}) });
    const fresh = freshAnchor(element, anchor.selectors);
    results.push({
      found: true,
      foundBy: located.recovered.strategy,
      ...(located.recovered.selectorIndex !== undefined ? { selectorIndex: located.recovered.selectorIndex } : {}),
      score: located.recovered.score,
      box,
      ...(first.found ? {} : { firstSelector: first.reason }),
      ...(fresh ? { fresh } : {}),
    });
  }
  return { anchors: results, scrollX, scrollY, ms: Math.round(performance.now() - started) };
}
