/** What a tooltip or beacon is attached to: an element, or anything with a box (preview, iframes). */
export interface Target {
  getBoundingClientRect(): DOMRect;
}

export type Side = 'auto' | 'top' | 'right' | 'bottom' | 'left';
type Placed = Exclude<Side, 'auto'>;

const OPPOSITE: Record<Placed, Placed> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };
const MARGIN = 8;
const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high));

/**
 * Places `floating` (position: fixed) beside `target`: on the preferred side, flipped to the
 * opposite or another side when it would not fit in the viewport, shifted along to stay on
 * screen, with the arrow pointing at the target's middle.
 *
 * Hand-written rather than Floating UI: the overlay is fixed-position in a shadow root, so only
 * the viewport clips it, and this is all the positioning it needs. Floating UI (core 3 kB, dom
 * 6.8 kB gzip) alone would take most of the player's size budget (below driver.js's 8.1 kB).
 */
export function place(target: Target, floating: HTMLElement, side: Side, align: 'start' | 'center' | 'end', arrow?: HTMLElement, gap = 12, area?: { width: number; height: number }): void {
  const rect = target.getBoundingClientRect();
  const root = floating.ownerDocument.documentElement;
  // The viewport, or (in the editor's canvas) the captured page's area on the screenshot.
  const [viewWidth, viewHeight, width, height] = [area?.width ?? root.clientWidth, area?.height ?? root.clientHeight, floating.offsetWidth, floating.offsetHeight];
  const room: Record<Placed, boolean> = {
    bottom: rect.bottom + gap + height <= viewHeight,
    top: rect.top - gap - height >= 0,
    right: rect.right + gap + width <= viewWidth,
    left: rect.left - gap - width >= 0,
  };
  const preferred: Placed = side === 'auto' ? 'bottom' : side;
  const order: Placed[] = [preferred, OPPOSITE[preferred], 'bottom', 'top', 'right', 'left'];
  const chosen = order.find((candidate) => room[candidate]) ?? preferred;
  const vertical = chosen === 'top' || chosen === 'bottom';
  const along = (start: number, size: number, own: number) => (align === 'start' ? start : align === 'end' ? start + size - own : start + size / 2 - own / 2);
  const x = clamp(vertical ? along(rect.left, rect.width, width) : chosen === 'right' ? rect.right + gap : rect.left - gap - width, MARGIN, viewWidth - width - MARGIN);
  const y = clamp(vertical ? (chosen === 'bottom' ? rect.bottom + gap : rect.top - gap - height) : along(rect.top, rect.height, height), MARGIN, viewHeight - height - MARGIN);
  floating.style.left = `${x}px`;
  floating.style.top = `${y}px`;
  floating.dataset.side = chosen;
  if (arrow) {
    arrow.style.left = vertical ? `${clamp(rect.left + rect.width / 2 - x - 6, MARGIN, width - MARGIN - 12)}px` : '';
    arrow.style.top = vertical ? '' : `${clamp(rect.top + rect.height / 2 - y - 6, MARGIN, height - MARGIN - 12)}px`;
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
