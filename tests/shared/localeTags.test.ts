import { describe, expect, it } from 'vitest';
import { COMMON_LANGUAGES, isKnownLocale, localeDisplayName } from '../../shared/bundle/localeTags';

describe('locale tags', () => {
  it('every language known without loading the names has a name (the shortcut never accepts what the names would refuse)', () => {
    for (const language of COMMON_LANGUAGES) expect(new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(language), language).toBeTruthy();
  });

  it('accepts canonical tags of languages that exist, common or not, and refuses the rest', () => {
    for (const tag of ['en', 'en-US', 'pt-BR', 'he', 'haw', 'zh-Hant-TW', 'yo']) expect(isKnownLocale(tag), tag).toBe(true);
    for (const tag of ['english', 'xx', 'en-us', 'EN', 'qaa-x', '']) expect(isKnownLocale(tag), tag).toBe(false);
    expect(localeDisplayName('he')).toBe('Hebrew');
  });
});
