import { z } from 'zod';
import { bundleFlowSchema } from '../model/flow';
import { idSchema } from '../model/ids';
import { localesSchema } from '../model/locales';
import { themeSchema } from '../model/theme';

export const BUNDLE_FORMAT = 'stepwise.bundle';
/** The bundle version this build writes and the newest it reads. */
export const BUNDLE_VERSION = 2;
/**
 * Every version this build reads. Version 2 added the anchor's optional fingerprint and nothing
 * else, so a version 1 bundle is a version 2 bundle without fingerprints: it is read as it is and
 * upgraded by its number alone (validateBundle returns it as version 2).
 */
export const READABLE_BUNDLE_VERSIONS = [1, BUNDLE_VERSION] as const;

/**
 * What developers load into @stepwise/player: flows, theme and locales, and nothing that only
 * authoring needs (no screenshots, element maps or captured boxes).
 */
export const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT).describe('Always "stepwise.bundle".'),
    version: z
      .literal(READABLE_BUNDLE_VERSIONS)
      .describe('The bundle format version: Stepwise writes 2, whose anchors may carry a fingerprint; 1 (anchors with selectors only) is still read.'),
    project: z.object({ id: idSchema, name: z.string().max(200) }).describe('The Stepwise project the bundle was exported from.'),
    theme: themeSchema.prefault({}),
    locales: localesSchema.prefault({}),
    flows: z.array(bundleFlowSchema).default([]),
  })
  .superRefine((bundle, ctx) => {
    const ids = new Map<string, number>();
    bundle.flows.forEach((flow, index) => {
      const earlier = ids.get(flow.id);
      if (earlier !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['flows', index, 'id'], message: `repeats the id "${flow.id}" of flows[${earlier}]` });
      }
      ids.set(flow.id, index);
    });
    bundle.flows.forEach((flow, flowIndex) => {
      if (flow.kind !== 'checklist') return;
      flow.checklist.items.forEach((item, itemIndex) => {
        const refs = [
          item.action.kind === 'startFlow' ? { id: item.action.flowId, path: ['action', 'flowId'] } : null,
          item.doneWhen.kind === 'flowCompleted' ? { id: item.doneWhen.flowId, path: ['doneWhen', 'flowId'] } : null,
        ];
        for (const ref of refs) {
          if (ref && !ids.has(ref.id)) {
            ctx.addIssue({
              code: 'custom',
              path: ['flows', flowIndex, 'checklist', 'items', itemIndex, ...ref.path],
              message: `names the flow "${ref.id}", which is not in this bundle`,
            });
          }
        }
      });
    });
  });

export type Bundle = z.infer<typeof bundleSchema>;
