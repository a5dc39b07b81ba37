import type { Fingerprint, FingerprintAncestor } from './fingerprintTypes';
import { TEST_ID_ATTRIBUTES, textWords } from './classNames';

/**
 * How much a live element (described the same way) looks like the one the author picked, from 0 to
 * 1. Pure, so the player, lint and the tests share it. Two kinds of evidence:
 * - identity: test ids and ids (a different one rules the candidate out), link target, labels,
 *   the element's text and the text of the table row or list item it sits in. What disagrees
 *   counts against; text is one signal among several because the live site may be in another
 *   language.
 * - context: role, classes, ancestors, position among siblings, size and place. Siblings share
 *   their context, so context alone never reaches the thresholds when the author's element had
 *   something that identified it: a neighbour that slid into a removed element's place looks the
 *   same in every way but its identity.
 */

/** Identity attribute weights: what agrees adds, what disagrees subtracts. */
export const ATTRIBUTE_WEIGHTS: Record<string, number> = { id: 4, href: 4, 'aria-label': 3, name: 3, for: 2, placeholder: 2, alt: 2, title: 2 };
/** Attributes that say which element this is, so another value is evidence against; labels, titles and placeholders are copy, reworded freely. */
export const DECISIVE = new Set(['href', 'name', 'for']);
export const TEXT_WEIGHT = 4;
export const ROW_TEXT_WEIGHT = 3;
const CONTEXT_WEIGHTS = { role: 1, type: 1, classes: 2, ancestors: 3, index: 1, size: 1, place: 1 };
/** Share of the score that identity carries when the recorded element has any. */
export const IDENTITY_SHARE = 0.65;
/** Without identity (a bare container), context can reach at most this. */
export const CONTEXT_ONLY_CAP = 0.85;

/** A selector's match is kept when it scores at least this. */
export const VERIFY_THRESHOLD = 0.6;
/** A page search accepts its best candidate from this score, when it leads the next one by RECOVER_MARGIN. */
export const RECOVER_THRESHOLD = 0.7;
export const RECOVER_MARGIN = 0.08;
/**
 * A selector that names something stable (an id, an attribute, a class; not an nth-of-type
 * position) and finds exactly one element is itself evidence: its match is kept when the context
 * agrees this much and nothing identifying disagrees, so reworded or translated text alone does
 * not lose it.
 */
export const TRUSTED_CONTEXT = 0.8;

function overlap(a: readonly string[], b: readonly string[]): number {
  if (!a.length && !b.length) return 1;
  if (!a.length || !b.length) return 0;
  const set = new Set(b);
  const shared = new Set(a.filter((item) => set.has(item))).size;
  return shared / new Set([...a, ...b]).size;
}

/** Word overlap where numbers count for little: the figures on a dashboard change between visits, the labels do not. */
function textAgreement(recorded: string | undefined, live: string | undefined): number {
  const a = textWords(recorded);
  const b = textWords(live);
  if (!a.length && !b.length) return 1;
  const weight = (word: string) => (/^\d+$/.test(word) ? 0.25 : 1);
  const inLive = new Set(b);
  const all = new Set([...a, ...b]);
  let shared = 0;
  let total = 0;
  for (const word of all) {
    total += weight(word);
    if (inLive.has(word) && a.includes(word)) shared += weight(word);
  }
  return total ? shared / total : 0;
}

export const rowText = (ancestors: readonly FingerprintAncestor[] | undefined) => ancestors?.find((ancestor) => ancestor.attributes?.text)?.attributes?.text;

function sameAncestor(a: FingerprintAncestor, b: FingerprintAncestor): boolean {
  if (a.tag !== b.tag) return false;
  for (const [name, value] of Object.entries(a.attributes ?? {})) if (name !== 'text' && b.attributes?.[name] !== undefined && b.attributes[name] !== value) return false;
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

/** The comparison in parts: the score, and whether something that identifies elements disagreed. */
export interface Agreement {
  score: number;
  /** Role, classes, ancestors, position and box, 0 to 1. */
  context: number;
  /** A link target, field name, or the row's text says it is another element. */
  contradicted: boolean;
}

export function compareFingerprints(recorded: Fingerprint, live: Fingerprint): number {
  return fingerprintAgreement(recorded, live).score;
}

const NONE: Agreement = { score: 0, context: 0, contradicted: true };

export function fingerprintAgreement(recorded: Fingerprint, live: Fingerprint): Agreement {
  if (recorded.tag !== live.tag) return NONE;
  let contradicted = false;
  let identity = 0;
  let identityPossible = 0;
  const liveAttributes = live.attributes ?? {};
  for (const [name, value] of Object.entries(recorded.attributes ?? {})) {
    const other = liveAttributes[name];
    // A different test id or id means a different element.
    if (TEST_ID_ATTRIBUTES.includes(name) || name === 'id') {
      if (other !== undefined && other !== value) return NONE;
      const weight = name === 'id' ? ATTRIBUTE_WEIGHTS.id! : 6;
      identityPossible += weight;
      if (other === value) identity += weight;
      continue;
    }
    const weight = ATTRIBUTE_WEIGHTS[name];
    if (!weight) continue; // type and the like are context, below
    identityPossible += weight;
    if (other === value) identity += weight;
    else if (other !== undefined && DECISIVE.has(name)) {
      identity -= weight;
      contradicted = true;
    }
  }
  // Text no longer shown (an icon-only menu on a phone) is no evidence either way when an
  // attribute already vouches for the element; without one, an element without text is no match.
  const words = textWords(recorded.text);
  if (words.length && (textWords(live.text).length || identity <= 0)) {
    identityPossible += TEXT_WEIGHT;
    identity += TEXT_WEIGHT * textAgreement(recorded.text, live.text);
  }
  // The row's text, when it says more than the element's own (the Edit button of which row).
  const row = rowText(recorded.ancestors);
  const liveRow = rowText(live.ancestors);
  if (row && liveRow && textWords(row).some((word) => !words.includes(word))) {
    const agreement = textAgreement(row, liveRow);
    identityPossible += ROW_TEXT_WEIGHT;
    identity += ROW_TEXT_WEIGHT * (2 * agreement - 1);
    if (agreement < 0.5) contradicted = true;
  }

  let context = 0;
  let contextPossible = 0;
  if (recorded.role) {
    contextPossible += CONTEXT_WEIGHTS.role;
    if (recorded.role === live.role) context += CONTEXT_WEIGHTS.role;
  }
  const type = recorded.attributes?.type;
  if (type) {
    contextPossible += CONTEXT_WEIGHTS.type;
    if (type === liveAttributes.type) context += CONTEXT_WEIGHTS.type;
  }
  if (recorded.classes?.length) {
    contextPossible += CONTEXT_WEIGHTS.classes;
    context += CONTEXT_WEIGHTS.classes * overlap(recorded.classes, live.classes ?? []);
  }
  if (recorded.ancestors?.length) {
    contextPossible += CONTEXT_WEIGHTS.ancestors;
    context += CONTEXT_WEIGHTS.ancestors * ancestorAgreement(recorded.ancestors, live.ancestors ?? []);
  }
  if (recorded.index !== undefined) {
    contextPossible += CONTEXT_WEIGHTS.index;
    if (recorded.index === live.index) context += CONTEXT_WEIGHTS.index;
  }
  if (recorded.box && live.box) {
    contextPossible += CONTEXT_WEIGHTS.size + CONTEXT_WEIGHTS.place;
    context += CONTEXT_WEIGHTS.size * Math.sqrt(ratio(recorded.box.width, live.box.width) * ratio(recorded.box.height, live.box.height));
    const distance = Math.hypot(recorded.box.x - live.box.x, recorded.box.y - live.box.y);
    context += CONTEXT_WEIGHTS.place * Math.max(0, 1 - distance / 1_000);
  }
  const contextScore = contextPossible ? context / contextPossible : 0;
  const score = identityPossible ? IDENTITY_SHARE * Math.max(0, identity / identityPossible) + (1 - IDENTITY_SHARE) * contextScore : CONTEXT_ONLY_CAP * contextScore;
  return { score, context: contextScore, contradicted };
}

