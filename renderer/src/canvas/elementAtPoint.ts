import type { MappedElement } from '../../../shared/model/screen';

/**
 * The element of the map under an image point: the smallest box containing it, because the
 * innermost element (a button) is what the author means, not the section around it.
 */
export function elementAtPoint(elements: readonly MappedElement[], point: { x: number; y: number }): MappedElement | null {
  let best: MappedElement | null = null;
  let bestArea = Infinity;
  for (const element of elements) {
    const { x, y, width, height } = element.box;
    if (point.x < x || point.y < y || point.x > x + width || point.y > y + height) continue;
    const area = width * height;
    if (area < bestArea) {
      best = element;
      bestArea = area;
    }
  }
  return best;
}
