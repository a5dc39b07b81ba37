/**
 * Tooltip placement questions the editor and lint ask about authored boxes. Where the player
 * actually puts a tooltip is player/src/position.ts; the editor's canvas calls that same code.
 */
export type PlacedSide = 'top' | 'right' | 'bottom' | 'left';
export type Align = 'start' | 'center' | 'end';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Whether a card of `size` fits on at least one side of `target` inside `area` (what the player needs to avoid covering it). */
export function hasRoomBeside(target: Rect, size: { width: number; height: number }, area: { width: number; height: number }, gap = 12): boolean {
  const inside = target.left >= 0 && target.top >= 0 && target.left + target.width <= area.width && target.top + target.height <= area.height;
  return (
    inside &&
    (target.top + target.height + gap + size.height <= area.height ||
      target.top - gap - size.height >= 0 ||
      target.left + target.width + gap + size.width <= area.width ||
      target.left - gap - size.width >= 0)
  );
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
