/**
 * Offline search of the resource center, folded by the user's language: case by the locale's own
 * rules (Turkish and Azerbaijani "İ" is the capital of "i", "I" of "ı"), accents and other marks
 * (Hebrew niqqud, Lithuanian dots) ignored, except the letters a language counts as its own
 * (Norwegian and Danish æ ø å, Swedish and Finnish å ä ö): "for" must not find "før".
 */

/** Letters a language keeps apart from their unaccented look-alike. */
const OWN_LETTERS: Record<string, string> = { nb: 'æøå', nn: 'æøå', no: 'æøå', da: 'æøå', sv: 'åäö', fi: 'åäö', et: 'äöõü', is: 'æöðþ' };
const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]/u;
/** Longer queries are cut here: nobody types more to find an article, and a pasted page must not stall the page. */
export const MAX_QUERY = 200;
const MAX_TERMS = 10;

export interface Searchable {
  title: string;
  /** Plain text (markdown marks removed). */
  body: string;
}

/** The fold of one language; `map` gets for each character of the result the index in `text` of the character it came from. */
export function folder(locale: string): (text: string, map?: number[]) => string {
  const own = OWN_LETTERS[locale.split('-')[0]!.toLowerCase()] ?? '';
  let lower = (text: string) => text.toLocaleLowerCase(locale);
  try {
    lower('I');
  } catch {
    lower = (text) => text.toLowerCase(); // a tag this browser does not know
  }
  // The language's own letters, hidden from NFD in private-use characters while the rest of the text is folded.
  const ownLetters = own && new RegExp(`[${own}]`, 'g');
  const hidden = /[\ue000-\ue00f]/g;
  const foldText = (text: string): string => {
    let out = lower(text);
    if (ownLetters) out = out.replace(ownLetters, (letter) => String.fromCharCode(0xe000 + own.indexOf(letter)));
    out = out.normalize('NFD').replace(MARKS, '');
    if (ownLetters) out = out.replace(hidden, (code) => own[code.charCodeAt(0) - 0xe000]!);
    // Greek's final sigma, the one case mapping that depends on context, is a plain sigma whether folded whole or by character.
    return out.replace(/ς/g, 'σ');
  };
  const seen = new Map<string, string>();
  return (text, map) => {
    // The whole text at once is several times faster; by character (remembered) only where matches are mapped back.
    if (!map) return foldText(text);
    let out = '';
    let index = 0;
    for (const char of text) {
      let folded = seen.get(char);
      if (folded === undefined) seen.set(char, (folded = foldText(char)));
      out += folded;
      for (let i = 0; i < folded.length; i++) map.push(index);
      index += char.length;
    }
    map.push(text.length);
    return out;
  };
}

export interface Hit<T> {
  item: T;
  score: number;
}

/** Where the terms are in `text`, as [start, end) ranges of `text` itself, for highlighting. */
export function matchRanges(text: string, terms: string[], fold: ReturnType<typeof folder>): [number, number][] {
  const map: number[] = [];
  const folded = fold(text, map);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0 && ranges.length < 50; at = folded.indexOf(term, at + term.length)) {
      // The end is the start of the character after the match, so a folded-away mark stays inside.
      ranges.push([map[at]!, map[at + term.length] ?? text.length]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]).filter((range, index, all) => !index || range[0] >= all[index - 1]![1]);
}

/**
 * An index over items, folded once; `search` then costs one scan of the folded texts per term.
 * Ranked: a title match above any body match, the start of a word above the middle of one.
 */
export function searchIndex<T extends Searchable>(items: T[], locale: string) {
  const fold = folder(locale);
  const entries = items.map((item) => ({ item, title: fold(item.title), body: fold(item.body) }));
  const points = (text: string, term: string, weight: number): number => {
    const at = text.indexOf(term);
    if (at < 0) return 0;
    return weight * (at === 0 || !WORD.test(text[at - 1]!) ? 2 : 1);
  };
  return {
    fold,
    /** The query's terms, folded (empty: nothing to search for). */
    terms(query: string): string[] {
      return fold(query.slice(0, MAX_QUERY)).split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
    },
    search(terms: string[]): Hit<T>[] {
      if (!terms.length) return [];
      const hits: Hit<T>[] = [];
      for (const entry of entries) {
        let score = 0;
        for (const term of terms) {
          const found = points(entry.title, term, 10) || points(entry.body, term, 1);
          if (!found) {
            score = 0;
            break;
          }
          score += found;
        }
        if (score) hits.push({ item: entry.item, score });
      }
      // Array sort is stable: equal scores keep the authored order.
      return hits.sort((a, b) => b.score - a.score);
    },
  };
}

/** Article text without its markdown marks and image lines, as it reads. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^!\[\]\(image:[\w-]+\)$/gm, '')
    .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/^\s*(?:[-*]|\d+[.)])\s+/gm, '')
    .replace(/[*_]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
