import { isRightToLeft } from '../../shared/bundle/rightToLeft';
import type { LocalizedText } from './bundleTypes';
import type { PlayContext } from './context';

/**
 * Text a user's language lacks falls back to the default language: that text keeps the default
 * language's direction (an `dir` attribute), or "your account." reads ".your account" in a
 * right-to-left card. Null when the text is in the card's own direction.
 */
export function fallbackDirection(context: Pick<PlayContext, 'bundle' | 'dir' | 't'>): (text: LocalizedText) => 'ltr' | 'rtl' | null {
  const fallback = context.bundle.locales.defaultLocale;
  const fallbackDir = isRightToLeft(fallback) ? 'rtl' : 'ltr';
  return (text) => (fallbackDir !== context.dir && context.t(text) === text[fallback] ? fallbackDir : null);
}
