import { z } from 'zod';
import { fingerprintSchema } from './fingerprint';
import { boxSchema } from './geometry';
import { idSchema } from './ids';
import { stableObject } from './stableObject';

/** Selectors tried in order on the real page: the first is the preferred one, the rest are fallbacks. */
export const selectorListSchema = z
  .array(z.string().trim().min(1, 'must not be empty').max(2_000, 'is longer than 2,000 characters'))
  .min(1, 'needs at least one selector')
  .max(5, 'may hold at most 5 selectors');

/**
 * Where a step or hotspot points, as authored: the selectors for the real site and the box the
 * element had on the screenshot, so the canvas and the preview never depend on the live site.
 */
export const anchorSchema = stableObject({
  /** Unset for anchors imported from a bundle: they have selectors but were never placed on a screen. */
  screenId: idSchema.optional(),
  /** The element-map entry the author clicked, when there was one (image-only screens have none). */
  elementId: z.string().max(64).optional(),
  selectors: selectorListSchema,
  box: boxSchema.optional(),
  /** The picked element as captured; unset for image-only screens and anchors from before fingerprints. */
  fingerprint: fingerprintSchema.optional(),
});
export type Anchor = z.infer<typeof anchorSchema>;

/** The anchor as exported: only what the player needs on the real site. */
export const bundleAnchorSchema = stableObject({
  selectors: selectorListSchema,
  /** Lets the player verify a selector's match and search for the element when every selector is stale. */
  fingerprint: fingerprintSchema.optional(),
});
export type BundleAnchor = z.infer<typeof bundleAnchorSchema>;

export type PlacedAnchor = Anchor & { screenId: string; box: z.infer<typeof boxSchema> };

/** Whether an anchor was placed on a screen (an imported one may only have selectors). */
export function isPlaced(anchor: Anchor | undefined): anchor is PlacedAnchor {
  return Boolean(anchor?.screenId && anchor.box);
}
