import { describe, expect, it } from 'vitest';
import { findLanguages } from '../../renderer/src/inspector/languageOptions';

describe('finding a language to add', () => {
  it.each(['Hebrew', 'hebrew', 'עברית', 'he', 'Hebr'])('finds Hebrew from "%s"', (query) => {
    expect(findLanguages(query)[0]).toEqual({ tag: 'he', english: 'Hebrew', native: 'עברית' });
  });

  it('finds regional variants and tags typed in any case', () => {
    expect(findLanguages('pt-br')[0]?.tag).toBe('pt-BR');
    expect(findLanguages('Portuguese').map((option) => option.tag)).toEqual(expect.arrayContaining(['pt', 'pt-BR', 'pt-PT']));
    expect(findLanguages('de-AT')[0]).toMatchObject({ tag: 'de-AT', english: 'Austrian German' });
  });

  it('matches names without their accents, and leaves out languages already added', () => {
    expect(findLanguages('espanol')[0]?.tag).toBe('es');
    expect(findLanguages('Hebrew', ['he'])).toEqual([]);
    expect(findLanguages('not a language')).toEqual([]);
  });
});
