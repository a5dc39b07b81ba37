import { z } from 'zod';
import { cssColorSchema } from './cssValues';
import { pointSchema } from './geometry';
import { localizedTextSchema } from './localizedText';
import { placementSchema } from './tour';
import { stableObject } from './stableObject';

export const beaconSchema = stableObject({
  /** Unset: the theme's brand colour. */
  color: cssColorSchema.optional(),
  size: z.number().int().min(8).max(48).default(16),
  pulse: z.boolean().default(true),
  /** Where the beacon sits relative to the target's top-right corner, in CSS pixels. */
  offset: pointSchema.default({ x: 0, y: 0 }),
});
export type Beacon = z.infer<typeof beaconSchema>;

export function hotspotBodySchemaFor<A extends z.ZodType>(anchor: A) {
  return stableObject({
    anchor: anchor.optional(),
    beacon: beaconSchema.prefault({}),
    title: localizedTextSchema.default({}),
    body: localizedTextSchema.default({}),
    openOn: z.enum(['hover', 'click']).default('click'),
    placement: placementSchema.default('auto'),
  });
}
