import { computePlacement, type Align, type Side } from '../../shared/bundle/placement';
/** What a tooltip or beacon is attached to: an element, or anything with a box (preview, iframes). */
export interface Target {
  getBoundingClientRect(): DOMRect;
}

export type { Side } from '../../shared/bundle/placement';

/**
 * Places `floating` (position: fixed) beside `target` in the viewport (computePlacement decides
 * where; the editor's canvas uses the same arithmetic).
 *
 * Hand-written rather than Floating UI: the overlay is fixed-position in a shadow root, so only
 * the viewport clips it, and this is all the positioning it needs. Floating UI (core 3 kB, dom
 * 6.8 kB gzip) alone would take most of the player's size budget (below driver.js's 8.1 kB).
 */
export function place(target: Target, floating: HTMLElement, side: Side, align: Align, arrow?: HTMLElement, gap = 12, area?: { width: number; height: number }): void {
  const rect = target.getBoundingClientRect();
  const root = floating.ownerDocument.documentElement;
  const placed = computePlacement(rect, { width: floating.offsetWidth, height: floating.offsetHeight }, area ?? { width: root.clientWidth, height: root.clientHeight }, side, align, gap);
  floating.style.left = `${placed.x}px`;
  floating.style.top = `${placed.y}px`;
  floating.dataset.side = placed.side;
  if (arrow) {
    const vertical = placed.side === 'top' || placed.side === 'bottom';
    arrow.style.left = vertical ? `${placed.arrow}px` : '';
    arrow.style.top = vertical ? '' : `${placed.arrow}px`;
  }
}

/**
 * Calls `update` when the target may have moved: scroll anywhere, resize, or a size change of the
 * target, the floating element or the page. It waits for events; nothing runs every frame.
 */
export function follow(target: Target, watched: Element[], update: () => void): () => void {
  const view = watched[0]!.ownerDocument.defaultView!;
  let frame = 0;
  const schedule = () => {
    frame ||= view.requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  };
  const resize = new ResizeObserver(schedule);
  for (const element of [target, ...watched, view.document.documentElement]) if ((element as Partial<Node>).nodeType === 1) resize.observe(element as Element);
  view.addEventListener('scroll', schedule, { capture: true, passive: true });
  view.addEventListener('resize', schedule);
  update();
  return () => {
    view.cancelAnimationFrame(frame);
    resize.disconnect();
    view.removeEventListener('scroll', schedule, { capture: true });
    view.removeEventListener('resize', schedule);
  };
}
