// BCP-47 tags without zod, so the player checks locales exactly as the schema does.

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
