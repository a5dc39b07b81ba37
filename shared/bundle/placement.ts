/**
 * Where a tooltip goes beside its target: on the preferred side, flipped to the opposite or
 * another side when it would not fit in the area, shifted along to stay inside, with the arrow
 * at the target's middle. Pure arithmetic, shared by the player (viewport pixels) and the
 * editor's canvas (screenshot pixels), so the canvas shows the tooltip where users will see it.
 */
export type Side = 'auto' | 'top' | 'right' | 'bottom' | 'left';
export type PlacedSide = Exclude<Side, 'auto'>;
export type Align = 'start' | 'center' | 'end';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  x: number;
  y: number;
  side: PlacedSide;
  /** The arrow's offset along the tooltip's edge (left for top/bottom, top for left/right). */
  arrow: number;
}

const OPPOSITE: Record<PlacedSide, PlacedSide> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };
const MARGIN = 8;
const ARROW = 12;
const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high));

export function computePlacement(target: Rect, size: { width: number; height: number }, area: { width: number; height: number }, side: Side, align: Align, gap = 12): Placement {
  const right = target.left + target.width;
  const bottom = target.top + target.height;
  const room: Record<PlacedSide, boolean> = {
    bottom: bottom + gap + size.height <= area.height,
    top: target.top - gap - size.height >= 0,
    right: right + gap + size.width <= area.width,
    left: target.left - gap - size.width >= 0,
  };
  const preferred: PlacedSide = side === 'auto' ? 'bottom' : side;
  const order: PlacedSide[] = [preferred, OPPOSITE[preferred], 'bottom', 'top', 'right', 'left'];
  const chosen = order.find((candidate) => room[candidate]) ?? preferred;
  const vertical = chosen === 'top' || chosen === 'bottom';
  const along = (start: number, length: number, own: number) => (align === 'start' ? start : align === 'end' ? start + length - own : start + length / 2 - own / 2);
  const x = clamp(vertical ? along(target.left, target.width, size.width) : chosen === 'right' ? right + gap : target.left - gap - size.width, MARGIN, area.width - size.width - MARGIN);
  const y = clamp(vertical ? (chosen === 'bottom' ? bottom + gap : target.top - gap - size.height) : along(target.top, target.height, size.height), MARGIN, area.height - size.height - MARGIN);
  const arrow = vertical
    ? clamp(target.left + target.width / 2 - x - ARROW / 2, MARGIN, size.width - MARGIN - ARROW)
    : clamp(target.top + target.height / 2 - y - ARROW / 2, MARGIN, size.height - MARGIN - ARROW);
  return { x, y, side: chosen, arrow };
}

/**
 * The side and alignment a tooltip dropped at `center` asks for, relative to its target: the
 * side it is most beyond, and where along that side it sits (thirds: start, centre, end).
 */
export function sideForDrop(target: Rect, center: { x: number; y: number }): { side: PlacedSide; align: Align } {
  const cx = target.left + target.width / 2;
  const cy = target.top + target.height / 2;
  const dx = (center.x - cx) / Math.max(1, target.width / 2);
  const dy = (center.y - cy) / Math.max(1, target.height / 2);
  const side: PlacedSide = Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 'right' : 'left') : dy > 0 ? 'bottom' : 'top';
  const vertical = side === 'top' || side === 'bottom';
  const offset = vertical ? (center.x - target.left) / Math.max(1, target.width) : (center.y - target.top) / Math.max(1, target.height);
  const align: Align = offset < 1 / 3 ? 'start' : offset > 2 / 3 ? 'end' : 'center';
  return { side, align };
}
