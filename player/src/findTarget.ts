import { VERIFY_THRESHOLD } from '../../shared/anchors/compareFingerprints';
import type { Fingerprint } from '../../shared/anchors/fingerprintTypes';
import { pickCandidate } from './anchors/pickCandidate';
import type { Target } from './position';

/** Splits "host >>> inner": step into an open shadow root or a same-origin iframe between parts. */
const PIERCE = /\s*>>>\s*/;

/**
 * Shown to the user: laid out, not visibility: hidden (a closed Bootstrap offcanvas), and not slid
 * wholly off the page's left or top edge (an off-canvas sidebar), where no scroll can reach it.
 */
function visible(element: Element): boolean {
  const box = element.getClientRects()[0];
  const view = element.ownerDocument.defaultView!;
  return !!box && box.right + view.scrollX > 0 && box.bottom + view.scrollY > 0 && element.checkVisibility?.({ visibilityProperty: true }) !== false;
}

/** The element's box in the top document's viewport, adding the offsets of the iframes it sits in. */
function inTopViewport(element: Element, frames: HTMLIFrameElement[]): Target {
  if (!frames.length) return element;
  return {
    getBoundingClientRect() {
      const rect = element.getBoundingClientRect();
      let x = rect.x;
      let y = rect.y;
      for (const frame of frames) {
        const outer = frame.getBoundingClientRect();
        x += outer.x + frame.clientLeft;
        y += outer.y + frame.clientTop;
      }
      return new DOMRect(x, y, rect.width, rect.height);
    },
  };
}

export interface Found {
  element: Element;
  /** What to position against (differs from `element` inside iframes). */
  target: Target;
}

/** Why an anchor found nothing: no selector matched, matches disagreed with the fingerprint, several candidates looked alike, or only hidden elements matched. */
export type MissReason = 'noMatch' | 'mismatch' | 'ambiguous' | 'hidden';

/** How a target was found when the first selector did not find it. */
export interface Recovery {
  strategy: 'alternate' | 'fingerprint';
  /** The alternate selector that found it (index into `selectors`). */
  selectorIndex?: number;
  /** How well it agrees with the fingerprint, 0 to 1. */
  score: number;
}

export type Located = { found: Found; recovered?: Recovery } | { found: null; reason: MissReason };

/** What findTarget needs of an anchor: selectors in order, and the fingerprint when the bundle has one (version 2). */
export interface AnchorQuery {
  selectors: readonly string[];
  fingerprint?: Fingerprint;
}

interface Matches {
  visible: Found[];
  /** The selector matched, but only elements that are not shown. */
  hidden: boolean;
}

/** Every visible match of a selector (the last part's, once "a >>> b" stepped through the first visible hosts). */
function queryAll(root: Document, selector: string): Matches {
  let scopes: ParentNode[] = [root];
  const frames: HTMLIFrameElement[] = [];
  const parts = selector.split(PIERCE);
  for (let i = 0; i < parts.length; i++) {
    const all = scopes.flatMap((scope) => [...scope.querySelectorAll(parts[i]!)]);
    // Pages often keep hidden copies (mobile menus, templates): only what is on screen counts.
    const shown = all.filter(visible);
    if (i === parts.length - 1) return { visible: shown.map((element) => ({ element, target: inTopViewport(element, frames) })), hidden: all.length > 0 && !shown.length };
    const match = shown[0];
    if (!match) return { visible: [], hidden: all.length > 0 };
    const frame = match as HTMLIFrameElement;
    const inner = match.shadowRoot ?? (frame.contentDocument || null);
    if (!inner) return { visible: [], hidden: false };
    if (inner !== match.shadowRoot) frames.unshift(frame);
    scopes = [inner];
  }
  return { visible: [], hidden: false };
}

/**
 * The anchor's target by its selectors, in order. Without a fingerprint (version 1 bundles), the
 * first visible match of the first selector that has one. With a fingerprint, a selector's match
 * counts only when it agrees with it (and when a selector matches several, only a clear best), so
 * a selector that now finds a different element moves on to the next instead of pointing at it.
 */
export function findBySelectors(document: Document, anchor: AnchorQuery): Located {
  let reason: MissReason = 'noMatch';
  for (let index = 0; index < anchor.selectors.length; index++) {
    let matches: Matches;
    try {
      matches = queryAll(document, anchor.selectors[index]!);
    } catch {
      continue; // not valid CSS: just a miss
    }
    if (!matches.visible.length) {
      if (matches.hidden && reason === 'noMatch') reason = 'hidden';
      continue;
    }
    if (!anchor.fingerprint) return { found: matches.visible[0]! };
    const pick = pickCandidate(anchor.fingerprint, matches.visible.map((found) => found.element), VERIFY_THRESHOLD, !POSITIONAL.test(anchor.selectors[index]!));
    // A wrapper added or removed shifts a positional path up or down a level: the match is then a
    // container of the author's element, and something inside it fits better.
    if (pick.index >= 0 && !fitsBetterInside(anchor.fingerprint, matches.visible[pick.index]!.element, pick.score)) {
      const found = matches.visible[pick.index]!;
      return index ? { found, recovered: { strategy: 'alternate', selectorIndex: index, score: round(pick.score) } } : { found };
    }
    if (reason !== 'ambiguous') reason = pick.ambiguous ? 'ambiguous' : 'mismatch';
  }
  return { found: null, reason };
}

/** Selectors that point by position: what is at that position after a release says nothing about identity. */
const POSITIONAL = /:nth-|:first-|:last-|:only-/;

function fitsBetterInside(fingerprint: Fingerprint, element: Element, score: number): boolean {
  // By tag name, not a selector: the tag comes from the bundle and is never parsed as CSS.
  const inside = [...element.getElementsByTagName(fingerprint.tag)].slice(0, 20).filter(visible);
  return inside.length > 0 && pickCandidate(fingerprint, inside, score + 0.01).index >= 0;
}

const round = (score: number) => Math.round(score * 100) / 100;

/**
 * Selectors first; when they fail and the anchor has a fingerprint, a search of the page for the
 * element that fits it (a lazy chunk: pages whose selectors hold never download it).
 */
export async function findTarget(document: Document, anchor: AnchorQuery): Promise<Located> {
  const bySelectors = findBySelectors(document, anchor);
  if (bySelectors.found || !anchor.fingerprint) return bySelectors;
  let pick;
  try {
    const { searchPage } = await import('./anchors/searchPage');
    pick = searchPage(document, anchor.fingerprint);
  } catch (error) {
    // The chunk failed to load (offline, a CSP): the selectors' verdict stands.
    console.error('[stepwise] page search failed:', error);
    return bySelectors;
  }
  if (pick.found) return { found: { element: pick.found, target: pick.found }, recovered: { strategy: 'fingerprint', score: round(pick.score) } };
  return { found: null, reason: pick.ambiguous ? 'ambiguous' : bySelectors.reason };
}

/**
 * Waits up to `timeoutMs` for a target to appear: a MutationObserver reacts to page changes, and
 * a slow poll covers changes it cannot see (inside shadow roots and iframes). Resolves with the
 * last reason when it never does.
 */
export function waitForTarget(document: Document, anchor: AnchorQuery, timeoutMs: number, signal: AbortSignal): Promise<Located> {
  return new Promise((resolve) => {
    const view = document.defaultView!;
    let done = false;
    let last: Located = { found: null, reason: 'noMatch' };
    let checking = false;
    const finish = (located: Located) => {
      if (done) return;
      done = true;
      observer.disconnect();
      view.clearInterval(poll);
      view.clearTimeout(timer);
      view.cancelAnimationFrame(frame);
      resolve(located);
    };
    // Selectors are checked on every change; the page search (a few ms) only with the slow poll.
    const check = (search: boolean) => {
      if (checking || done) return;
      if (!search) {
        const located = findBySelectors(document, anchor);
        if (located.found) finish(located);
        return;
      }
      checking = true;
      void findTarget(document, anchor).then((located) => {
        checking = false;
        last = located;
        if (located.found) finish(located);
      });
    };
    let frame = 0;
    // Busy pages mutate constantly: look at most once a frame.
    const observer = new MutationObserver(() => {
      frame ||= view.requestAnimationFrame(() => {
        frame = 0;
        check(false);
      });
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    const poll = view.setInterval(() => check(true), 250);
    const timer = view.setTimeout(() => finish(last), timeoutMs);
    signal.addEventListener('abort', () => finish(last));
    check(true);
  });
}
