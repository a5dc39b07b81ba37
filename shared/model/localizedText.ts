import { z } from 'zod';
import { localeTagSchema } from './locales';

/**
 * Every text a user of the customer's site reads, by locale: { "en": "Welcome", "he": "ברוכים הבאים" }.
 * Plain text or the safe markdown subset (bold, italic, links, lists, line breaks); never HTML.
 */
export const localizedTextSchema = z.record(localeTagSchema, z.string().max(10_000, 'is longer than 10,000 characters'));
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export function text(defaultLocale: string, value: string): LocalizedText {
  return { [defaultLocale]: value };
}

/** The text for a locale, falling back to the default locale, then to "". */
export function pickText(value: LocalizedText, locale: string, defaultLocale: string): string {
  return value[locale] || value[defaultLocale] || '';
}
