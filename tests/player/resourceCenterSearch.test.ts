import { describe, expect, it } from 'vitest';
import { folder, matchRanges, MAX_QUERY, plainText, searchIndex } from '../../player/src/resourceCenter/searchIndex';

const find = (locale: string, titles: string[], query: string) => {
  const index = searchIndex(titles.map((title) => ({ title, body: '' })), locale);
  return index.search(index.terms(query)).map((hit) => hit.item.title);
};

describe('resource center search folding, by the language shown', () => {
  it('Turkish: a query typed with "i" finds "İ", and dotless ı stays its own letter', () => {
    expect(find('tr', ['İstanbul ofisi', 'Işık ayarları'], 'istanbul')).toEqual(['İstanbul ofisi']);
    expect(find('tr', ['İstanbul ofisi', 'Işık ayarları'], 'ışık')).toEqual(['Işık ayarları']);
    // "I" is the capital of "ı" in Turkish, not of "i".
    expect(find('tr', ['Işık ayarları'], 'isik')).toEqual([]);
    // In English the same "I" is an "i".
    expect(find('en', ['Install'], 'install')).toEqual(['Install']);
  });

  it('Hebrew: found with or without niqqud', () => {
    expect(find('he', ['אִפּוּס סִיסְמָה'], 'סיסמה')).toEqual(['אִפּוּס סִיסְמָה']);
    expect(find('he', ['איפוס סיסמה'], 'סִיסְמָה')).toEqual(['איפוס סיסמה']);
  });

  it('Norwegian: æ ø å are letters, not accents', () => {
    expect(find('nb', ['Før du starter', 'For alle'], 'for')).toEqual(['For alle']);
    expect(find('nb', ['Blå knapp'], 'bla')).toEqual([]);
    expect(find('nb', ['BLÅ KNAPP'], 'blå')).toEqual(['BLÅ KNAPP']);
    // Elsewhere an å is an accented a.
    expect(find('en', ['Blå'], 'bla')).toEqual(['Blå']);
  });

  it('Lithuanian and accented Latin: marks are ignored, case by the locale', () => {
    expect(find('lt', ['Įėjimas į sistemą'], 'iejimas')).toEqual(['Įėjimas į sistemą']);
    expect(find('lt', ['ÌRAŠAS'], 'irasas')).toEqual(['ÌRAŠAS']);
    expect(find('en', ['Café menu'], 'CAFE')).toEqual(['Café menu']);
  });

  it('ranks title matches above body matches, word starts above the middle of a word', () => {
    const index = searchIndex(
      [
        { title: 'Billing', body: 'How an invoice is made' },
        { title: 'Download an invoice', body: '' },
        { title: 'Reinvoiced', body: '' },
      ],
      'en',
    );
    expect(index.search(index.terms('invoice')).map((hit) => hit.item.title)).toEqual(['Download an invoice', 'Reinvoiced', 'Billing']);
  });

  it('needs every word of the query', () => {
    expect(find('en', ['Download an invoice', 'Download the app'], 'download invoice')).toEqual(['Download an invoice']);
  });

  it('cuts a query of 10,000 characters without throwing', () => {
    const index = searchIndex([{ title: 'a'.repeat(300), body: '' }], 'en');
    const terms = index.terms('a'.repeat(10_000));
    expect(terms.join('').length).toBe(MAX_QUERY);
    expect(() => index.search(terms)).not.toThrow();
  });

  it('folds a whole text (searching) exactly as character by character (highlighting)', () => {
    const sample = 'İstanbul Işık ŞİFRE Før BLÅ Ærø Café ÌRAŠAS Įėjimas אִפּוּס סִיסְמָה ΟΔΟΣ Straße 𝒜';
    for (const locale of ['en', 'tr', 'nb', 'da', 'sv', 'lt', 'he', 'el', 'de']) {
      const fold = folder(locale);
      expect(fold(sample), locale).toBe(fold(sample, []));
    }
  });

  it('maps matches back onto the text as written, for highlighting', () => {
    const fold = folder('tr');
    expect(matchRanges('Yeni İstanbul ofisi', ['istanbul'], fold)).toEqual([[5, 13]]);
    // Niqqud inside a match stays inside the highlight.
    const hebrew = 'אִפּוּס סִיסְמָה';
    const [range] = matchRanges(hebrew, ['סיסמה'], folder('he'));
    expect(hebrew.slice(range![0], range![1])).toBe('סִיסְמָה');
  });

  it('searches article text as it reads, without markdown marks and image lines', () => {
    expect(plainText('Open **Billing**, then [the month](https://example.com).\n\n![](image:img1)\n\n- one\n- two')).toBe('Open Billing, then the month. one two');
  });
});
