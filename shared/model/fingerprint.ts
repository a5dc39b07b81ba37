import { z } from 'zod';
import type { Fingerprint as PlainFingerprint } from '../anchors/fingerprintTypes';
import { stableObject } from './stableObject';

/**
 * What an element was when the author picked it, so the player can tell the right element from a
 * lookalike after the next release (tag, identity attributes, text, classes, ancestors, position,
 * box), and find it again when its selectors have gone stale. Read from the page by one function,
 * `describeElement` (player/src/anchors/describeElement.ts), in capture and in the player alike;
 * compared by `compareFingerprints` (shared/anchors/compareFingerprints.ts).
 */
const short = (max: number) => z.string().max(max);

/** Attributes kept, by name: test ids, a hand-written id, labels, a link's path, a field's type. */
export const fingerprintAttributesSchema = z.record(short(40), short(300));

export const fingerprintAncestorSchema = stableObject({
  tag: short(64),
  attributes: fingerprintAttributesSchema.optional(),
  classes: z.array(short(100)).max(12).optional(),
});

export const fingerprintSchema = stableObject({
  tag: short(64),
  role: short(64).optional(),
  /** Own visible text, whitespace collapsed and cut at 80 characters. */
  text: short(200).optional(),
  attributes: fingerprintAttributesSchema.optional(),
  /** Classes minus utility, layout, state and generated ones. */
  classes: z.array(short(100)).max(12).optional(),
  /** Nearest first, a few levels up; wrappers without tag meaning are kept too (their tag only). */
  ancestors: z.array(fingerprintAncestorSchema).max(6).optional(),
  /** 1-based position among the parent's children of the same tag (nth-of-type). */
  index: z.number().int().min(1).max(100_000).optional(),
  /** The element's box in CSS pixels of the captured page (document coordinates). */
  box: stableObject({ x: z.number().finite(), y: z.number().finite(), width: z.number().finite().nonnegative(), height: z.number().finite().nonnegative() })
    .optional(),
});
export type Fingerprint = z.infer<typeof fingerprintSchema>;

// The player's plain types and this schema must describe the same thing, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<Fingerprint, PlainFingerprint> = true;
void sameShape;
