import { arrow, computePosition, flip, offset, shift, type Placement, type Platform } from '@floating-ui/core';

/** What a tooltip or beacon is attached to: an element, or anything with a box (preview, iframes). */
export interface Target {
  getBoundingClientRect(): DOMRect;
}

const box = (target: Target) => {
  const { x, y, width, height } = target.getBoundingClientRect();
  return { x, y, width, height };
};
const size = (element: HTMLElement) => ({ width: element.offsetWidth, height: element.offsetHeight });

// Floating UI's core with a platform for our case only: the overlay is position: fixed, so
// everything is in viewport coordinates and the clipping area is the viewport. This keeps the
// DOM package's general-purpose code (offset parents, clipping ancestors) out of the player.
const platform: Platform = {
  getElementRects: ({ reference, floating }) => ({ reference: box(reference as Target), floating: { x: 0, y: 0, ...size(floating as HTMLElement) } }),
  getDimensions: (element) => size(element as HTMLElement),
  getClippingRect: ({ element }) => {
    const root = (element as HTMLElement).ownerDocument.documentElement;
    return { x: 0, y: 0, width: root.clientWidth, height: root.clientHeight };
  },
};

export type Side = 'auto' | 'top' | 'right' | 'bottom' | 'left';

/** Places `floating` next to `target` (flip to stay on screen, shift along, point the arrow). */
export async function place(target: Target, floating: HTMLElement, side: Side, align: 'start' | 'center' | 'end', arrowElement?: HTMLElement, gap = 12): Promise<void> {
  const base = side === 'auto' ? 'bottom' : side;
  const placement = (align === 'center' ? base : `${base}-${align}`) as Placement;
  const result = await computePosition(target, floating, {
    platform,
    strategy: 'fixed',
    placement,
    middleware: [
      offset(gap),
      flip(side === 'auto' ? { fallbackPlacements: ['top', 'right', 'left'] } : {}),
      shift({ padding: 8 }),
      arrowElement && arrow({ element: arrowElement, padding: 8 }),
    ],
  });
  Object.assign(floating.style, { left: `${result.x}px`, top: `${result.y}px` });
  floating.dataset.side = result.placement.split('-')[0];
  const tip = result.middlewareData.arrow;
  if (arrowElement && tip) Object.assign(arrowElement.style, { left: tip.x != null ? `${tip.x}px` : '', top: tip.y != null ? `${tip.y}px` : '' });
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
