/**
 * Languages written right to left, by the tag's language subtag (he-IL, ar-EG, fa ...).
 * No dependencies, so the player ships it and the editor mirrors the canvas by the same list.
 */
const RIGHT_TO_LEFT_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ha', 'he', 'iw', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

export function isRightToLeft(locale: string): boolean {
  return RIGHT_TO_LEFT_LANGUAGES.has(locale.split('-')[0]!.toLowerCase());
}
