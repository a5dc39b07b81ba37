import { z } from 'zod';
import { anchorSchema, bundleAnchorSchema } from './anchor';
import { checklistBodySchema } from './checklist';
import { hotspotBodySchemaFor } from './hotspot';
import { idSchema } from './ids';
import { articleImageSchema, bundleArticleImageSchema, resourceCenterBodySchemaFor } from './resourceCenter';
import { surveyBodySchema } from './survey';
import { frequencySchema, targetingSchema, triggerSchema } from './targeting';
import { tourBodySchemaFor, tourStepSchemaFor } from './tour';
import { stableObject } from './stableObject';

export const FLOW_KINDS = ['tour', 'hotspot', 'checklist', 'survey', 'resourceCenter'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** What every flow kind shares. */
const flowHeaderShape = {
  id: idSchema,
  name: z.string().trim().min(1, 'must not be empty').max(200, 'is longer than 200 characters'),
  trigger: triggerSchema.prefault({ kind: 'pageLoad' }),
  targeting: targetingSchema.prefault({}),
  frequency: frequencySchema.default('once'),
  status: z.enum(['draft', 'ready']).default('draft'),
};

/**
 * The flow schemas for a given anchor: the project keeps authored anchors (screen, box, selectors),
 * the bundle only the selectors; likewise article images (a project file, or inline in the bundle).
 * One definition serves both, so they cannot drift apart.
 */
export function flowSchemaFor<A extends z.ZodType, I extends z.ZodType>(anchor: A, image: I) {
  return z.discriminatedUnion('kind', [
    stableObject({ ...flowHeaderShape, kind: z.literal('tour'), tour: tourBodySchemaFor(anchor).prefault({}) }),
    stableObject({ ...flowHeaderShape, kind: z.literal('hotspot'), hotspot: hotspotBodySchemaFor(anchor).prefault({}) }),
    stableObject({ ...flowHeaderShape, kind: z.literal('checklist'), checklist: checklistBodySchema.prefault({}) }),
    stableObject({ ...flowHeaderShape, kind: z.literal('survey'), survey: surveyBodySchema.prefault({}) }),
    stableObject({ ...flowHeaderShape, kind: z.literal('resourceCenter'), resourceCenter: resourceCenterBodySchemaFor(image).prefault({}) }),
  ]);
}

export const flowSchema = flowSchemaFor(anchorSchema, articleImageSchema);
export type Flow = z.infer<typeof flowSchema>;
export type FlowOf<K extends FlowKind> = Extract<Flow, { kind: K }>;
export const tourStepSchema = tourStepSchemaFor(anchorSchema);
export type TourStep = z.infer<typeof tourStepSchema>;

export const bundleFlowSchema = flowSchemaFor(bundleAnchorSchema, bundleArticleImageSchema);
export type BundleFlow = z.infer<typeof bundleFlowSchema>;
export type BundleTourStep = z.infer<ReturnType<typeof tourStepSchemaFor<typeof bundleAnchorSchema>>>;
