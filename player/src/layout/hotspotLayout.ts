import type { Side, Target } from '../position';
import { coverage, overlaps, type Box } from './boxes';

/** The toolkit's placement (passed in: importing it would split the tour's core into chunks). */
type Place = (target: Target, floating: HTMLElement, side: Side, align: 'start' | 'center' | 'end', arrow?: HTMLElement) => void;

const EDGE = 4;

/**
 * Where a beacon goes: on its target's top right corner (plus the authored offset), kept wholly
 * on screen (a target at the top edge would put half the beacon above it); hidden while its
 * target is scrolled out of view, so it never hangs at a screen edge pointing at nothing.
 */
export function placeBeacon(beacon: HTMLElement, target: Box, size: number, offset: { x: number; y: number }): void {
  const root = beacon.ownerDocument.documentElement;
  const [width, height] = [root.clientWidth, root.clientHeight];
  const clamp = (value: number, high: number) => Math.max(EDGE, Math.min(value, high - size - EDGE));
  // The authored offset is in screen pixels, as dragged on the editor's canvas: not mirrored.
  beacon.style.left = `${clamp(target.right - size / 2 + offset.x, width)}px`;
  beacon.style.top = `${clamp(target.top - size / 2 + offset.y, height)}px`;
  beacon.hidden = target.bottom < 0 || target.top > height || target.right < 0 || target.left > width;
}

/**
 * Places a hotspot's card beside its target (never over it) and clear of the docked widgets:
 * the authored side first, then the others; failing all, the side where it covers least.
 */
export function placeHotspotCard(place: Place, target: Target, card: HTMLElement, preferred: Side, arrow: HTMLElement, obstacles: () => Box[]): void {
  const aim = target.getBoundingClientRect();
  const sides: Side[] = [preferred, 'bottom', 'top', 'right', 'left'];
  let best: { side: Side; cost: number } | null = null;
  for (const side of sides) {
    place(target, card, side, 'center', arrow);
    const box = card.getBoundingClientRect();
    const cost = coverage(aim, box) * 10 + obstacles().filter((other) => overlaps(other, box)).length;
    if (!cost) return;
    if (!best || cost < best.cost) best = { side, cost };
  }
  place(target, card, best!.side, 'center', arrow);
}
