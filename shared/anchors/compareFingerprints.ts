import type { Fingerprint, FingerprintAncestor } from './fingerprintTypes';
import { textWords } from './classNames';

/**
 * How much a live element (described the same way) looks like the one the author picked, from 0 to
 * 1. Pure, so the player, `stepwise check` and the tests share it. Identity attributes that
 * disagree (another test id, another id) rule a candidate out; a different link target or label
 * counts against it; text is one signal among several because the live site may be in another
 * language; position and size only break ties.
 */

/** Test ids: a different one means a different element. */
const TEST_IDS = ['data-testid', 'data-test', 'data-cy', 'data-test-id', 'data-qa'];
/** Attribute weights: what agrees adds, what disagrees subtracts. */
const ATTRIBUTE_WEIGHTS: Record<string, number> = { id: 4, href: 4, 'aria-label': 3, name: 3, for: 2, placeholder: 2, alt: 2, title: 2, type: 2 };
const WEIGHTS = { role: 1, text: 4, classes: 2, ancestors: 3, index: 1, size: 1, place: 1 };

/** A selector's match is kept when it scores at least this. */
export const VERIFY_THRESHOLD = 0.5;
/** A page search accepts its best candidate from this score, when it leads the next one by RECOVER_MARGIN. */
export const RECOVER_THRESHOLD = 0.65;
export const RECOVER_MARGIN = 0.12;

function overlap(a: readonly string[], b: readonly string[]): number {
  if (!a.length && !b.length) return 1;
  if (!a.length || !b.length) return 0;
  const set = new Set(b);
  const shared = a.filter((item) => set.has(item)).length;
  return shared / (a.length + b.length - shared);
}

function sameAncestor(a: FingerprintAncestor, b: FingerprintAncestor): boolean {
  if (a.tag !== b.tag) return false;
  for (const [name, value] of Object.entries(a.attributes ?? {})) if (b.attributes?.[name] !== undefined && b.attributes[name] !== value) return false;
  return !a.classes?.length || overlap(a.classes, b.classes ?? []) >= 0.5;
}

/** Share of the recorded ancestors found in order in the candidate's chain (wrappers added or removed are skipped). */
function ancestorAgreement(recorded: readonly FingerprintAncestor[], live: readonly FingerprintAncestor[]): number {
  let found = 0;
  let from = 0;
  for (const ancestor of recorded) {
    for (let i = from; i < live.length; i++) {
      if (sameAncestor(ancestor, live[i]!)) {
        found++;
        from = i + 1;
        break;
      }
    }
  }
  return found / recorded.length;
}

function ratio(a: number, b: number): number {
  return a === b ? 1 : Math.min(a, b) / Math.max(a, b);
}

export function compareFingerprints(recorded: Fingerprint, live: Fingerprint): number {
  if (recorded.tag !== live.tag) return 0;
  let gained = 0;
  let possible = 0;
  const liveAttributes = live.attributes ?? {};
  for (const [name, value] of Object.entries(recorded.attributes ?? {})) {
    const other = liveAttributes[name];
    if (TEST_IDS.includes(name)) {
      if (other !== undefined && other !== value) return 0;
      possible += 6;
      if (other === value) gained += 6;
      continue;
    }
    if (name === 'id' && other !== undefined && other !== value) return 0;
    const weight = ATTRIBUTE_WEIGHTS[name] ?? 1;
    possible += weight;
    if (other === value) gained += weight;
    else if (other !== undefined) gained -= weight;
  }
  if (recorded.role) {
    possible += WEIGHTS.role;
    if (recorded.role === live.role) gained += WEIGHTS.role;
  }
  const words = textWords(recorded.text);
  if (words.length) {
    possible += WEIGHTS.text;
    gained += WEIGHTS.text * overlap(words, textWords(live.text));
  }
  if (recorded.classes?.length) {
    possible += WEIGHTS.classes;
    gained += WEIGHTS.classes * overlap(recorded.classes, live.classes ?? []);
  }
  if (recorded.ancestors?.length) {
    possible += WEIGHTS.ancestors;
    gained += WEIGHTS.ancestors * ancestorAgreement(recorded.ancestors, live.ancestors ?? []);
  }
  if (recorded.index !== undefined) {
    possible += WEIGHTS.index;
    if (recorded.index === live.index) gained += WEIGHTS.index;
  }
  if (recorded.box && live.box) {
    possible += WEIGHTS.size + WEIGHTS.place;
    gained += WEIGHTS.size * Math.sqrt(ratio(recorded.box.width, live.box.width) * ratio(recorded.box.height, live.box.height));
    const distance = Math.hypot(recorded.box.x - live.box.x, recorded.box.y - live.box.y);
    gained += WEIGHTS.place * Math.max(0, 1 - distance / 1_000);
  }
  return possible ? Math.max(0, gained) / possible : 0;
}
