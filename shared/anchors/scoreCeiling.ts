import { TEST_ID_ATTRIBUTES, textWords } from './classNames';
import { ATTRIBUTE_WEIGHTS, CONTEXT_ONLY_CAP, DECISIVE, IDENTITY_SHARE, ROW_TEXT_WEIGHT, rowText, TEXT_WEIGHT } from './compareFingerprints';
import type { Fingerprint } from './fingerprintTypes';

/**
 * What a candidate could score at most, from what is cheap to read (its attributes as
 * describeElement records them, and its raw text content), so a page search describes only the
 * candidates that could win. Never below compareFingerprints for the same element.
 */
export function scoreCeiling(recorded: Fingerprint, attribute: (name: string) => string | undefined, rawText: string): number {
  let gain = 0;
  let possible = 0;
  for (const [name, value] of Object.entries(recorded.attributes ?? {})) {
    const other = attribute(name);
    if (TEST_ID_ATTRIBUTES.includes(name) || name === 'id') {
      if (other !== undefined && other !== value) return 0;
      const weight = name === 'id' ? ATTRIBUTE_WEIGHTS.id! : 6;
      possible += weight;
      if (other === value) gain += weight;
      continue;
    }
    const weight = ATTRIBUTE_WEIGHTS[name];
    if (!weight) continue;
    possible += weight;
    if (other === value) gain += weight;
    else if (other !== undefined && DECISIVE.has(name)) gain -= weight;
  }
  const words = textWords(recorded.text);
  const row = rowText(recorded.ancestors) ? ROW_TEXT_WEIGHT : 0;
  const ratios: number[] = [];
  if (words.length) {
    // The shown text is a part of the raw text: at best exactly the recorded words it contains.
    // Raw text runs elements together ("NixonSystem"), so a word counts wherever it appears.
    const raw = textWords(rawText).join('');
    const weight = (word: string) => (/^\d+$/.test(word) ? 0.25 : 1);
    const unique = [...new Set(words)];
    const best = unique.filter((word) => raw.includes(word)).reduce((sum, word) => sum + weight(word), 0) / unique.reduce((sum, word) => sum + weight(word), 0);
    ratios.push((gain + TEXT_WEIGHT * best + row) / (possible + TEXT_WEIGHT + row));
    if (gain > 0) ratios.push((gain + row) / (possible + row)); // no text shown: not counted
  } else if (possible + row) ratios.push((gain + row) / (possible + row));
  if (!ratios.length) return CONTEXT_ONLY_CAP;
  return IDENTITY_SHARE * Math.min(1, Math.max(0, ...ratios)) + (1 - IDENTITY_SHARE);
}
