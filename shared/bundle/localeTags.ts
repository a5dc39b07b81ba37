// BCP-47 tags without zod, so the player checks locales exactly as the schema does.

/** Returns the canonical form of a BCP-47 tag (e.g. "en-us" -> "en-US"), or null if it is not one. */
export function canonicalLocale(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
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

// Every localized text is keyed by locale, so large projects ask about the same few tags a lot.
const knownLocaleCache = new Map<string, boolean>();

/** A tag authors may use: canonical BCP-47 with a language that exists ("english" or "xx" do not). */
export function isKnownLocale(tag: string): boolean {
  let known = knownLocaleCache.get(tag);
  if (known === undefined) {
    // The language subtag is 2 or 3 letters ("en", "haw"), which languageNames.of never throws on.
    const language = /^[a-z]{2,3}(?=-|$)/.exec(tag)?.[0];
    known = !!language && canonicalLocale(tag) === tag && languageNames.of(language) !== undefined;
    if (knownLocaleCache.size < 1_000) knownLocaleCache.set(tag, known);
  }
  return known;
}
