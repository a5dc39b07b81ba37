import { z } from 'zod';
import { idSchema } from './ids';
import { localizedTextSchema } from './localizedText';
import { stableObject } from './stableObject';

export const placementSchema = z.enum(['auto', 'top', 'right', 'bottom', 'left']);
export type Placement = z.infer<typeof placementSchema>;
export const alignmentSchema = z.enum(['start', 'center', 'end']);
export type Alignment = z.infer<typeof alignmentSchema>;

const safeUrl = z
  .string()
  .max(2_000)
  .regex(/^(https?:\/\/|mailto:)/i, 'must start with http://, https:// or mailto:');

export const stepButtonSchema = z.discriminatedUnion('action', [
  stableObject({ action: z.literal('next'), label: localizedTextSchema }),
  stableObject({ action: z.literal('back'), label: localizedTextSchema }),
  stableObject({ action: z.literal('close'), label: localizedTextSchema }),
  stableObject({ action: z.literal('link'), label: localizedTextSchema, url: safeUrl }),
]);
export type StepButton = z.infer<typeof stepButtonSchema>;

export const advanceOnSchema = z.discriminatedUnion('kind', [
  stableObject({ kind: z.literal('next') }),
  stableObject({ kind: z.literal('targetClick') }),
  stableObject({ kind: z.literal('event'), name: z.string().min(1, 'must name the event').max(200) }),
]);
export type AdvanceOn = z.infer<typeof advanceOnSchema>;

/**
 * What the player does when a step's target is not on the page: it first waits up to `waitMs` for
 * a late element (0: not at all), then skips the step, shows it centred, or ends the flow.
 */
export const missingTargetSchema = stableObject({
  waitMs: z.number().int().min(0).max(60_000).default(3_000),
  then: z.enum(['skip', 'center', 'end']).default('center'),
});
export type MissingTarget = z.infer<typeof missingTargetSchema>;

export function tourStepSchemaFor<A extends z.ZodType>(anchor: A) {
  return stableObject({
    id: idSchema,
    /** A tooltip points at its anchor; a modal sits centred and needs none. */
    type: z.enum(['tooltip', 'modal']).default('tooltip'),
    anchor: anchor.optional(),
    title: localizedTextSchema.default({}),
    body: localizedTextSchema.default({}),
    imageUrl: safeUrl.optional(),
    buttons: z.array(stepButtonSchema).max(4).default([]),
    placement: placementSchema.default('auto'),
    alignment: alignmentSchema.default('center'),
    /** Dim the page around the step. */
    backdrop: z.boolean().default(true),
    /** Cut the target out of the backdrop, with this much room around it (CSS pixels). */
    spotlightPadding: z.number().int().min(0).max(64).default(8),
    advanceOn: advanceOnSchema.prefault({ kind: 'next' }),
    showProgress: z.boolean().default(true),
    closable: z.boolean().default(true),
    missingTarget: missingTargetSchema.prefault({}),
  });
}

export function tourBodySchemaFor<A extends z.ZodType>(anchor: A) {
  return stableObject({ steps: z.array(tourStepSchemaFor(anchor)).default([]) });
}
