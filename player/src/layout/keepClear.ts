import { inside, moved, overlaps, type Box } from './boxes';

/**
 * What the docks keep clear of: a tour's card and its spotlit target, a centred survey, hotspot
 * beacons (pinned to the page) and a hotspot card the user just opened (it avoids the docks first,
 * and when it cannot, the corner's last widgets step aside for it).
 */
const ABOVE = '.card, .spot, .beacon';
const GAP = 12;
const watching = new WeakSet<ShadowRoot>();

/** Hidden while there is no room for it (display: none in dock.css); an attribute the observer ignores. */
function setYield(slot: HTMLElement, aside: boolean): void {
  if (aside === (slot.dataset.yield === 'aside')) return;
  if (aside) slot.dataset.yield = 'aside';
  else delete slot.dataset.yield;
}

/**
 * Moves the overlay's docks (corner widgets) out of the way of what is drawn above them or
 * pinned to the page: lifted above (or below, for a top corner) a tour's card or target, or
 * mirrored to the other side, whichever moves least. When a corner cannot be kept clear whole
 * (200 % zoom: a tour step, a survey and a checklist do not fit together), the widgets that came
 * to it last step aside (hidden) until there is room again. Nothing here runs on a timer: it wakes when the overlay changes (a tour step is
 * placed, follows a scroll, a widget grows) or the window is resized, so the tour itself never
 * has to know about the widgets under it.
 */
export function keepClear(layer: ShadowRoot): void {
  if (watching.has(layer)) return;
  watching.add(layer);
  const view = layer.ownerDocument.defaultView!;
  const viewport = layer.ownerDocument.documentElement;
  const offsets = new WeakMap<Element, [number, number]>();
  let frame = 0;
  const schedule = () => {
    frame ||= view.requestAnimationFrame(arrange);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(layer, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden'] });
  view.addEventListener('resize', schedule);

  function arrange(): void {
    frame = 0;
    const children = [...layer.children] as HTMLElement[];
    const docks = children.filter((node) => node.classList.contains('dock'));
    if (!docks.length) {
      observer.disconnect();
      view.removeEventListener('resize', schedule);
      watching.delete(layer);
      return;
    }
    const [width, height] = [viewport.clientWidth, viewport.clientHeight];
    const avoid: Box[] = children
      .filter((node) => node.matches(ABOVE)) // the overlay's own children: cards in docks are not
      .map((node) => node.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0);
    for (const dock of docks) {
      // The widgets that came last to a corner step aside first when it cannot be kept clear whole.
      const slots = [...dock.children] as HTMLElement[];
      for (let shown = slots.length; shown >= 0; shown--) {
        slots.forEach((slot, index) => setYield(slot, index >= shown));
        const placed = shown ? clearPlace(dock, avoid, width, height) : ([0, 0] as [number, number]);
        if (!placed) continue;
        const [dx, dy] = placed;
        offsets.set(dock, placed);
        const transform = dx || dy ? `translate(${dx}px, ${dy}px)` : '';
        if (dock.style.transform !== transform) dock.style.transform = transform;
        if (shown) avoid.push(dock.getBoundingClientRect());
        break;
      }
    }
  }

  /** The least move that keeps a dock clear of everything in `avoid` and on screen, or null. */
  function clearPlace(dock: HTMLElement, avoid: Box[], width: number, height: number): [number, number] | null {
    if (!avoid.length) return [0, 0]; // nothing to keep clear of: home (also in the editor's canvas, whose viewport is not the page's)
    const [x, y] = offsets.get(dock) ?? [0, 0];
    const home = moved(dock.getBoundingClientRect(), -x, -y);
    const bottom = dock.classList.contains('bottom');
    const lifts = [0, ...avoid.map((box) => (bottom ? box.top - GAP - home.bottom : box.bottom + GAP - home.top))];
    let best: [number, number] | null = null;
    for (const dx of [0, width - home.right - home.left])
      for (const dy of lifts) {
        const box = moved(home, dx, dy);
        const better = !best || Math.abs(dx) + Math.abs(dy) < Math.abs(best[0]) + Math.abs(best[1]);
        if (better && inside(box, width, height) && !avoid.some((other) => overlaps(other, box))) best = [dx, dy];
      }
    return best;
  }
  schedule();
}
