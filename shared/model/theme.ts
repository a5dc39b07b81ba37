import { z } from 'zod';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a73e8');

/** The brand look of every flow; the player turns it into CSS custom properties. */
export const themeSchema = z.object({
  brandColor: hexColor.default('#4f46e5'),
  textColor: hexColor.default('#1f2937'),
  backgroundColor: hexColor.default('#ffffff'),
  fontFamily: z.string().max(200).default('system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'),
  /** Corner radius of tooltips, modals and widgets, in CSS pixels. */
  radius: z.number().int().min(0).max(32).default(8),
  shadow: z.enum(['none', 'soft', 'strong']).default('soft'),
});
export type Theme = z.infer<typeof themeSchema>;
