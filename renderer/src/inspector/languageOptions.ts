import { canonicalLocale, isKnownLocale } from '../../../shared/model/locales';

export interface LanguageOption {
  tag: string;
  /** "Hebrew" */
  english: string;
  /** "עברית": the name in its own language, as its speakers look for it. */
  native: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Regional and script variants people commonly ship; any other tag can still be typed. */
const VARIANTS = ['en-US', 'en-GB', 'es-419', 'es-MX', 'fr-CA', 'pt-BR', 'pt-PT', 'de-CH', 'zh-Hans', 'zh-Hant', 'zh-CN', 'zh-TW', 'sr-Latn'];

const englishNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

function optionFor(tag: string): LanguageOption | null {
  try {
    const english = englishNames.of(tag);
    if (!english || !isKnownLocale(tag)) return null;
    const native = new Intl.DisplayNames([tag], { type: 'language', fallback: 'none' }).of(tag) ?? english;
    return { tag, english, native };
  } catch {
    return null;
  }
}

let allOptions: LanguageOption[] | null = null;

/** Every language the runtime can name (the two-letter ISO 639-1 ones) and common variants, by English name. */
export function languageOptions(): LanguageOption[] {
  if (!allOptions) {
    // Built from Intl rather than a hand list, so names match what the rest of the editor shows.
    const twoLetter = [...LETTERS].flatMap((first) => [...LETTERS].map((second) => first + second));
    allOptions = [...twoLetter, ...VARIANTS]
      .map(optionFor)
      .filter((option): option is LanguageOption => option !== null)
      .sort((a, b) => a.english.localeCompare(b.english, 'en'));
  }
  return allOptions;
}

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Languages matching what was typed: a tag ("he", "pt-br"), an English name ("Hebrew") or a
 * native one ("עברית"). Exact tags first, then names that start with the query, then the rest.
 */
export function findLanguages(query: string, exclude: readonly string[] = []): LanguageOption[] {
  const wanted = fold(query.trim());
  if (!wanted) return [];
  const canonical = canonicalLocale(query.trim());
  const known = languageOptions();
  // A valid tag not in the list (de-AT, ar-EG) is offered as typed.
  const typed = canonical && !known.some((option) => option.tag === canonical) ? optionFor(canonical) : null;
  const rank = (option: LanguageOption): number => {
    if (fold(option.tag) === wanted) return 0;
    const names = [fold(option.english), fold(option.native)];
    if (names.some((name) => name.startsWith(wanted))) return 1;
    if (fold(option.tag).startsWith(wanted)) return 2;
    if (names.some((name) => name.includes(wanted))) return 3;
    return -1;
  };
  return [...(typed ? [typed] : []), ...known]
    .filter((option) => !exclude.includes(option.tag))
    .map((option) => ({ option, rank: rank(option) }))
    .filter(({ rank }) => rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.option.tag.length - b.option.tag.length) // a base language before its variants
    .map(({ option }) => option);
}
