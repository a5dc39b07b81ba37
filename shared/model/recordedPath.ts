import { z } from 'zod';
import { stableObject } from './stableObject';

export const selectorListSchema = z.array(z.string().min(1).max(2_000)).min(1).max(3);

/**
 * What the author did since the last page load, to reach the same state again without them.
 * Values of password fields and fields marked secret are never kept (`secret: true`, no value).
 */
export const recordedActionSchema = z.discriminatedUnion('kind', [
  stableObject({ kind: z.literal('click'), selectors: selectorListSchema, name: z.string().max(200).optional() }).strict(),
  stableObject({
      kind: z.literal('fill'),
      selectors: selectorListSchema,
      name: z.string().max(200).optional(),
      value: z.string().max(10_000).optional(),
      secret: z.boolean().default(false),
    })
    .strict(),
  stableObject({ kind: z.literal('press'), key: z.string().min(1).max(32), selectors: selectorListSchema.optional() }).strict(),
]);
export type RecordedAction = z.infer<typeof recordedActionSchema>;

export const recordedPathSchema = stableObject({
    /** The page load the actions start from. */
    url: z.url({ protocol: /^https?$/ }).max(4_096),
    actions: z.array(recordedActionSchema).max(200),
    /** Where the page was scrolled when it was captured (CSS px), when not at the top: a viewport capture shows that part. */
    scroll: stableObject({ x: z.number().finite().min(0).max(1_000_000), y: z.number().finite().min(0).max(1_000_000) }).strict().optional(),
  })
  .strict();
export type RecordedPath = z.infer<typeof recordedPathSchema>;
