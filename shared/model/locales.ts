import { z } from 'zod';

export { isRightToLeft } from '../bundle/rightToLeft';


/** Returns the canonical form of a BCP-47 tag (e.g. "en-us" -> "en-US"), or null if it is not one. */
export function canonicalLocale(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical ?? null;
  } catch {
    return null;
  }
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** The English name of a locale ("he" -> "Hebrew"), or null when the language is unknown. */
export function localeDisplayName(tag: string): string | null {
  try {
    return languageNames.of(tag) ?? null;
  } catch {
    return null;
  }
}

/** A tag authors may use: canonical BCP-47 with a language that exists ("english" or "xx" do not). */
export function isKnownLocale(tag: string): boolean {
  // Every localized text is keyed by locale, so large projects ask about the same few tags a lot.
  let known = knownLocaleCache.get(tag);
  if (known === undefined) {
    const language = tag.split('-')[0] ?? '';
    known = canonicalLocale(tag) === tag && /^[a-z]{2,3}$/.test(language) && localeDisplayName(language) !== null;
    if (knownLocaleCache.size < 1_000) knownLocaleCache.set(tag, known);
  }
  return known;
}
const knownLocaleCache = new Map<string, boolean>();


export const localeTagSchema = z
  .string()
  .refine(isKnownLocale, {
    message: 'is not a known BCP-47 language tag (for example "en", "en-US", "he", "pt-BR")',
  });

export const localesSchema = z
  .object({
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
