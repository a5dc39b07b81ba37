import { z } from 'zod';
import { cssColorSchema, fontFamilySchema } from './cssValues';
import { stableObject } from './stableObject';

/** The brand look of every flow; the player turns it into CSS custom properties. */
export const themeSchema = stableObject({
  brandColor: cssColorSchema.default('#4f46e5'),
  textColor: cssColorSchema.default('#1f2937'),
  backgroundColor: cssColorSchema.default('#ffffff'),
  fontFamily: fontFamilySchema.default('system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'),
  /** Corner radius of tooltips, modals and widgets, in CSS pixels. */
  radius: z.number().int().min(0).max(32).default(8),
  shadow: z.enum(['none', 'soft', 'strong']).default('soft'),
});
export type Theme = z.infer<typeof themeSchema>;
