import { fingerprintAgreement, RECOVER_MARGIN, TRUSTED_CONTEXT } from '../../../shared/anchors/compareFingerprints';
import type { Fingerprint } from '../../../shared/anchors/fingerprintTypes';
import { describeElement } from './describeElement';

/** A candidate that something identifying contradicts must score at least this to count at all. */
const CONTRADICTED_MIN = 0.8;

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
 * from the lazy page search, to recover a target. `trusted`: the only match of a selector that names
 * something stable, kept on its context alone unless something identifying disagrees. `ceilings`:
 * what each candidate could score at most, candidates sorted by it, highest first.
 */
export function pickCandidate(fingerprint: Fingerprint, candidates: readonly Element[], threshold: number, trusted = false, ceilings?: readonly number[]): Pick {
  if (trusted && candidates.length === 1) {
    const agreement = fingerprintAgreement(fingerprint, describeElement(candidates[0]!));
    if (agreement.score >= threshold || (agreement.context >= TRUSTED_CONTEXT && !agreement.contradicted)) return { index: 0, score: agreement.score, ambiguous: false };
  }
  let best = -1;
  let bestScore = 0;
  let second = 0;
  for (let i = 0; i < candidates.length; i++) {
    // With ceilings (highest first), stop once no candidate left could change the verdict.
    const ceiling = ceilings?.[i];
    if (ceiling !== undefined) {
      if (bestScore < threshold && ceiling < threshold) break;
      if (bestScore >= threshold && (ceiling <= bestScore - RECOVER_MARGIN || (bestScore - second < RECOVER_MARGIN && ceiling < bestScore + RECOVER_MARGIN))) break;
    }
    const agreement = fingerprintAgreement(fingerprint, describeElement(candidates[i]!));
    // Something that identifies elements disagrees (another row's text, another link target): a
    // lookalike, unless everything else agrees strongly.
    const score = agreement.contradicted && agreement.score < CONTRADICTED_MIN ? 0 : agreement.score;
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
