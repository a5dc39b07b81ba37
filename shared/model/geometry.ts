import { z } from 'zod';

/** A rectangle in the screenshot image's own pixels (CSS pixels times the capture's scale factor). */
export const boxSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().nonnegative(),
  height: z.number().finite().nonnegative(),
});
export type Box = z.infer<typeof boxSchema>;

export const pointSchema = z.object({ x: z.number().finite(), y: z.number().finite() });
export type Point = z.infer<typeof pointSchema>;
