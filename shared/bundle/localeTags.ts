// BCP-47 tags without zod, so the player checks locales exactly as the schema does.

/** Returns the canonical form of a BCP-47 tag (e.g. "en-us" -> "en-US"), or null if it is not one. */
export function canonicalLocale(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

// Made on first use: building it loads the language names, about 15 ms of a page's main thread,
// which importing the player must not cost.
let names: Intl.DisplayNames | undefined;
const languageNames = () => (names ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }));

/** Languages every engine has a name for (a test holds it to that), known without loading the names. */
export const COMMON_LANGUAGES = new Set('ar cs da de el en es fa fi fr he hi id it ja ko nb nl pl pt ru sv th tr uk vi zh'.split(' '));

/** The English name of a locale ("he" -> "Hebrew"), or null when the language is unknown. */
export function localeDisplayName(tag: string): string | null {
  try {
    return languageNames().of(tag) ?? null;
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
    known = !!language && canonicalLocale(tag) === tag && (COMMON_LANGUAGES.has(language) || languageNames().of(language) !== undefined);
    if (knownLocaleCache.size < 1_000) knownLocaleCache.set(tag, known);
  }
  return known;
}
