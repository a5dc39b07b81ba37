import { compareFingerprints, RECOVER_MARGIN } from '../../../shared/anchors/compareFingerprints';
import type { Fingerprint } from '../../../shared/anchors/fingerprintTypes';
import { describeElement } from './describeElement';

/** The verdict on a set of candidates: the one to use (index), or why none. */
export interface Pick {
  index: number;
  score: number;
  /** Several candidates scored alike: pointing at one of them could be pointing at the wrong one. */
  ambiguous: boolean;
}

/**
 * The candidate that agrees with the fingerprint at least `threshold`, and clearly better than
 * the runner-up (by RECOVER_MARGIN); otherwise index -1. Used to verify a selector's matches and,
 * from the lazy page search, to recover a target.
 */
export function pickCandidate(fingerprint: Fingerprint, candidates: readonly Element[], threshold: number): Pick {
  let best = -1;
  let bestScore = 0;
  let second = 0;
  for (let i = 0; i < candidates.length; i++) {
    const score = compareFingerprints(fingerprint, describeElement(candidates[i]!));
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = i;
    } else if (score > second) second = score;
  }
  if (bestScore < threshold) return { index: -1, score: bestScore, ambiguous: false };
  if (bestScore - second < RECOVER_MARGIN) return { index: -1, score: bestScore, ambiguous: true };
  return { index: best, score: bestScore, ambiguous: false };
}
