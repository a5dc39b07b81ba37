import { z } from 'zod';
import { fingerprintSchema } from '../model/fingerprint';
import { boxSchema } from '../model/geometry';
import { idSchema } from '../model/ids';
import { pathSchema } from '../model/pathSchema';
import { screenImageSchema, screenSourceSchema } from '../model/screen';

/**
 * The flow health check: every anchor of every flow resolved on the live page of its screen with
 * the player's own matching, before a user meets a broken flow. Used by `stepwise check` (CLI and
 * its HTML report) and the app's "Check flows" (health.* methods).
 */

/**
 * ok: the first selector finds the element where it was captured. moved: the same element, its box
 * shifted. changed: found, but only by an alternate selector or the fingerprint (the selectors
 * are stale: new ones are suggested). ambiguous: several elements fit equally well. missing: none.
 */
export const ANCHOR_STATUSES = ['ok', 'moved', 'changed', 'ambiguous', 'missing'] as const;
export const anchorStatusSchema = z.enum(ANCHOR_STATUSES);
export type AnchorStatus = z.infer<typeof anchorStatusSchema>;

/** Statuses a user would hit as a broken or wrong step; `moved` still plays where it should. */
export const PROBLEM_STATUSES: readonly AnchorStatus[] = ['changed', 'ambiguous', 'missing'];

/** A box edge may shift this many CSS pixels (fonts, rounding) and still count as not moved. */
export const MOVED_TOLERANCE_CSS_PX = 4;

/** One anchor to check: a tour step's (itemId) or a hotspot's (no itemId). */
export const plannedAnchorSchema = z.object({
  flowId: idSchema,
  itemId: idSchema.optional(),
  /** For people: "Onboarding › Step 2 “Open Tables”". */
  label: z.string().max(500),
  selectors: z.array(z.string().max(2_000)).min(1).max(5),
  fingerprint: fingerprintSchema.optional(),
  /** Where it was on the captured screenshot (screenshot pixels). */
  box: boxSchema,
});
export type PlannedAnchor = z.infer<typeof plannedAnchorSchema>;

/** One screen to load, with the anchors placed on it. */
export const plannedScreenSchema = z.object({
  screenId: idSchema,
  name: z.string().max(200),
  source: screenSourceSchema,
  image: screenImageSchema,
  anchors: z.array(plannedAnchorSchema).max(5_000),
});
export type PlannedScreen = z.infer<typeof plannedScreenSchema>;

/** An anchor the check cannot look at, and why (not placed on a screen, on an image-only screen). */
export const uncheckedAnchorSchema = z.object({
  flowId: idSchema,
  itemId: idSchema.optional(),
  label: z.string().max(500),
  reason: z.string().max(500),
});
export type UncheckedAnchor = z.infer<typeof uncheckedAnchorSchema>;

export const healthPlanSchema = z.object({
  screens: z.array(plannedScreenSchema).max(1_000),
  unchecked: z.array(uncheckedAnchorSchema).max(10_000),
  /** Every flow with anchors, by id, for the verdicts (names as the author sees them). */
  flows: z.array(z.object({ flowId: idSchema, name: z.string().max(500) })).max(10_000),
});
export type HealthPlan = z.infer<typeof healthPlanSchema>;

/** What the check found for one anchor. */
export const anchorResultSchema = z.object({
  flowId: idSchema,
  itemId: idSchema.optional(),
  screenId: idSchema,
  label: z.string().max(500),
  status: anchorStatusSchema,
  /** For people, when not ok: "found by its fingerprint (0.82): the selectors find nothing". */
  reason: z.string().max(1_000).optional(),
  /** How the player found it: its first selector, an alternate one, or the page search. */
  foundBy: z.enum(['selector', 'alternate', 'fingerprint']).optional(),
  /** Agreement with the fingerprint, 0 to 1, when one was compared. */
  score: z.number().min(0).max(1).optional(),
  /** Where it is on the fresh screenshot (screenshot pixels), when found. */
  box: boxSchema.optional(),
  /** For `changed` (and `moved`): the anchor as the fresh page would make it ("re-anchor"). */
  suggestion: z
    .object({
      selectors: z.array(z.string().max(2_000)).min(1).max(5),
      fingerprint: fingerprintSchema.optional(),
      /** The element in the fresh capture's map, when it is mapped. */
      elementId: z.string().max(64).optional(),
    })
    .optional(),
});
export type AnchorResult = z.infer<typeof anchorResultSchema>;

/** What happened to one screen: checked (its anchors have results), or failed (why; its anchors are unchecked). */
export const screenResultSchema = z.object({
  screenId: idSchema,
  name: z.string().max(200),
  /** The address loaded (after --base-url). */
  url: z.string().max(4_096),
  status: z.enum(['checked', 'failed']),
  error: z.string().max(2_000).optional(),
  /** Handled on the way: dismissed dialogs, closed popups, a cut screenshot. */
  notices: z.array(z.string().max(1_000)).max(50),
  /** The fresh screenshot (in the app: in the project's images folder, not yet used by any screen). */
  freshImage: screenImageSchema.optional(),
  ms: z.number().nonnegative(),
});
export type ScreenResult = z.infer<typeof screenResultSchema>;

/** ok: every anchor ok or moved. attention: plays, but some anchor was recovered (changed). broken: an anchor missing or ambiguous, or its screen failed. unchecked: nothing of it could be checked. */
export const flowVerdictSchema = z.object({
  flowId: idSchema,
  name: z.string().max(500),
  verdict: z.enum(['ok', 'attention', 'broken', 'unchecked']),
  counts: z.object({ ok: z.number(), moved: z.number(), changed: z.number(), ambiguous: z.number(), missing: z.number(), unchecked: z.number() }),
});
export type FlowVerdict = z.infer<typeof flowVerdictSchema>;

export const healthReportSchema = z.object({
  checkedAt: z.string(),
  baseUrl: z.string().optional(),
  screens: z.array(screenResultSchema),
  anchors: z.array(anchorResultSchema),
  unchecked: z.array(uncheckedAnchorSchema),
  flows: z.array(flowVerdictSchema),
  ms: z.number().nonnegative(),
});
export type HealthReport = z.infer<typeof healthReportSchema>;

/** The app's check, a job like capture: polled with health.status until done, failed or cancelled. */
export const healthJobSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Screens finished (checked or failed) of all to check. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** The screens being loaded now, for the progress line. */
  current: z.array(z.string().max(200)),
  /** Set when done (and, partial, when cancelled). */
  report: healthReportSchema.optional(),
  error: z.string().optional(),
});
export type HealthJob = z.infer<typeof healthJobSchema>;

/** scheme://host[:port], an optional final slash. (shared/ has no URL class: plain patterns.) */
export const ORIGIN = /^https?:\/\/[^/?#\s@]+\/?$/i;

/** A base URL for --base-url and the app's "Check against": an http(s) origin, with nothing after it. */
export const baseUrlSchema = z
  .string()
  .max(2_000)
  .regex(ORIGIN, 'must be an http or https origin such as https://staging.example.com, with nothing after it');

export const healthInputs = {
  start: z
    .object({
      projectPath: pathSchema,
      projectId: idSchema,
      plan: healthPlanSchema,
      baseUrl: baseUrlSchema.optional(),
    })
    .strict(),
  job: z.object({ jobId: z.string().min(1).max(64) }).strict(),
  freshScreen: z.object({ jobId: z.string().min(1).max(64), screenId: idSchema }).strict(),
} as const;
