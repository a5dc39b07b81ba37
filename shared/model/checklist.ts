import { z } from 'zod';
import { idSchema } from './ids';
import { localizedTextSchema } from './localizedText';
import { urlRuleSchema } from './targeting';
import { stableObject } from './stableObject';

export const checklistActionSchema = z.discriminatedUnion('kind', [
  stableObject({ kind: z.literal('none') }),
  stableObject({ kind: z.literal('startFlow'), flowId: idSchema }),
  stableObject({
    kind: z.literal('openUrl'),
    url: z.string().max(2_000).regex(/^https?:\/\//i, 'must start with http:// or https://'),
    newTab: z.boolean().default(false),
  }),
]);
export type ChecklistAction = z.infer<typeof checklistActionSchema>;

export const checklistDoneWhenSchema = z.discriminatedUnion('kind', [
  stableObject({ kind: z.literal('clicked') }),
  stableObject({ kind: z.literal('flowCompleted'), flowId: idSchema }),
  stableObject({ kind: z.literal('urlVisited'), rule: urlRuleSchema }),
  stableObject({ kind: z.literal('event'), name: z.string().min(1, 'must name the event').max(200) }),
]);
export type ChecklistDoneWhen = z.infer<typeof checklistDoneWhenSchema>;

export const checklistItemSchema = stableObject({
  id: idSchema,
  label: localizedTextSchema.default({}),
  description: localizedTextSchema.default({}),
  action: checklistActionSchema.prefault({ kind: 'none' }),
  doneWhen: checklistDoneWhenSchema.prefault({ kind: 'clicked' }),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistBodySchema = stableObject({
  title: localizedTextSchema.default({}),
  description: localizedTextSchema.default({}),
  items: z.array(checklistItemSchema).default([]),
  launcher: stableObject({
      position: z.enum(['bottom-right', 'bottom-left', 'top-right', 'top-left']).default('bottom-right'),
      label: localizedTextSchema.default({}),
    })
    .prefault({}),
  dismissible: z.boolean().default(true),
  completionMessage: localizedTextSchema.default({}),
});
export type ChecklistBody = z.infer<typeof checklistBodySchema>;
