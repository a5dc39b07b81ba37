import { z } from 'zod';
import { isKnownLocale } from '../bundle/localeTags';
import { stableObject } from './stableObject';

export { isRightToLeft } from '../bundle/rightToLeft';
export { canonicalLocale, isKnownLocale, localeDisplayName } from '../bundle/localeTags';

export const localeTagSchema = z
  .string()
  .refine(isKnownLocale, {
    message: 'is not a known BCP-47 language tag (for example "en", "en-US", "he", "pt-BR")',
  });

export const localesSchema = stableObject({
    /** The locale every text must have; others fall back to it. */
    defaultLocale: localeTagSchema.default('en'),
    /** Every locale the project is written in, the default included, in the order shown to authors. */
    available: z.array(localeTagSchema).min(1).default(['en']),
  })
  .superRefine((locales, ctx) => {
    if (!locales.available.includes(locales.defaultLocale)) {
      ctx.addIssue({ code: 'custom', path: ['available'], message: `must include the default locale "${locales.defaultLocale}"` });
    }
    const seen = new Set<string>();
    locales.available.forEach((tag, index) => {
      if (seen.has(tag)) ctx.addIssue({ code: 'custom', path: ['available', index], message: `lists "${tag}" twice` });
      seen.add(tag);
    });
  });
export type Locales = z.infer<typeof localesSchema>;
