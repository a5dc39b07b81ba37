import type { Target } from './position';

/** Splits "host >>> inner": step into an open shadow root or a same-origin iframe between parts. */
const PIERCE = /\s*>>>\s*/;

function visible(element: Element): boolean {
  return element.getClientRects().length > 0;
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

function queryOne(root: Document, selector: string): Found | null {
  let scopes: ParentNode[] = [root];
  const frames: HTMLIFrameElement[] = [];
  const parts = selector.split(PIERCE);
  for (let i = 0; i < parts.length; i++) {
    let match: Element | undefined;
    for (const scope of scopes) {
      // The first visible match: pages often keep hidden copies (mobile menus, templates).
      match = [...scope.querySelectorAll(parts[i]!)].find(visible);
      if (match) break;
    }
    if (!match) return null;
    if (i === parts.length - 1) return { element: match, target: inTopViewport(match, frames) };
    const frame = match as HTMLIFrameElement;
    const inner = match.shadowRoot ?? (frame.contentDocument || null);
    if (!inner) return null;
    if (inner !== match.shadowRoot) frames.unshift(frame);
    scopes = [inner];
  }
  return null;
}

/** The first selector (in order) that finds a visible element; a selector that is not valid CSS finds nothing. */
export function findTarget(document: Document, selectors: readonly string[]): Found | null {
  for (const selector of selectors) {
    try {
      const found = queryOne(document, selector);
      if (found) return found;
    } catch {
      /* an invalid selector is just a miss; the step's missing-target rule decides what happens */
    }
  }
  return null;
}

/**
 * Waits up to `timeoutMs` for a target to appear: a MutationObserver reacts to page changes, and
 * a slow poll covers changes it cannot see (inside shadow roots and iframes).
 */
export function waitForTarget(document: Document, selectors: readonly string[], timeoutMs: number, signal: AbortSignal): Promise<Found | null> {
  return new Promise((resolve) => {
    const view = document.defaultView!;
    let done = false;
    const finish = (found: Found | null) => {
      if (done) return;
      done = true;
      observer.disconnect();
      view.clearInterval(poll);
      view.clearTimeout(timer);
      view.cancelAnimationFrame(frame);
      resolve(found);
    };
    const check = () => {
      const found = findTarget(document, selectors);
      if (found) finish(found);
    };
    let frame = 0;
    // Busy pages mutate constantly: look at most once a frame.
    const observer = new MutationObserver(() => {
      frame ||= view.requestAnimationFrame(() => {
        frame = 0;
        check();
      });
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    const poll = view.setInterval(check, 250);
    const timer = view.setTimeout(() => finish(null), timeoutMs);
    signal.addEventListener('abort', () => finish(null));
    check();
  });
}
