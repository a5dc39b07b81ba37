import { z } from 'zod';
import { stableObject } from './stableObject';

/** A rectangle in the screenshot image's own pixels (CSS pixels times the capture's scale factor). */
export const boxSchema = stableObject({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().nonnegative(),
  height: z.number().finite().nonnegative(),
});
export type Box = z.infer<typeof boxSchema>;

/** How much two boxes cover each other: the shared area over the area of both (1: the same box, 0: apart). */
export function overlapRatio(a: Box, b: Box): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (width <= 0 || height <= 0) return 0;
  const shared = width * height;
  return shared / (a.width * a.height + b.width * b.height - shared);
}

export const pointSchema = stableObject({ x: z.number().finite(), y: z.number().finite() });
export type Point = z.infer<typeof pointSchema>;
