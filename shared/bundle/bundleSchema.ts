import { z } from 'zod';
import { bundleFlowSchema } from '../model/flow';
import { idSchema } from '../model/ids';
import { localesSchema } from '../model/locales';
import { themeSchema } from '../model/theme';
import { stableObject } from '../model/stableObject';

export const BUNDLE_FORMAT = 'stepwise.bundle';
/** The newest bundle version this build writes and reads. */
export const BUNDLE_VERSION = 3;
/**
 * Every version this build reads. Version 2 added the anchor's optional fingerprint and nothing
 * else, so a version 1 bundle is a version 2 bundle without fingerprints: it is read as it is and
 * upgraded by its number alone (validateBundle returns it as version 2). Version 3 added the
 * resource center and nothing else, and is written only for a bundle that holds one
 * (`bundleVersionFor`): every other bundle stays version 2, which players already deployed play.
 */
export const READABLE_BUNDLE_VERSIONS = [1, 2, BUNDLE_VERSION] as const;
/** The first version that may hold a resource center. */
export const RESOURCE_CENTER_BUNDLE_VERSION = 3;

/** The oldest version that can carry these flows, so older players keep playing what they can. */
export function bundleVersionFor(flows: readonly { kind: string }[]): 2 | 3 {
  return flows.some((flow) => flow.kind === 'resourceCenter') ? RESOURCE_CENTER_BUNDLE_VERSION : 2;
}

/**
 * What developers load into @stepwise/player: flows, theme and locales, and nothing that only
 * authoring needs (no screenshots, element maps or captured boxes).
 */
export const bundleSchema = stableObject({
    format: z.literal(BUNDLE_FORMAT).describe('Always "stepwise.bundle".'),
    version: z
      .literal(READABLE_BUNDLE_VERSIONS)
      .describe('The bundle format version: Stepwise writes 3 for a bundle with a resource center and 2 otherwise (anchors may carry a fingerprint); 1 (anchors with selectors only) is still read.'),
    project: stableObject({ id: idSchema, name: z.string().max(200) }).describe('The Stepwise project the bundle was exported from.'),
    theme: themeSchema.prefault({}),
    locales: localesSchema.prefault({}),
    flows: z.array(bundleFlowSchema).default([]),
  })
  .superRefine((bundle, ctx) => {
    const ids = new Map<string, number>();
    bundle.flows.forEach((flow, index) => {
      if (flow.kind === 'resourceCenter' && bundle.version < RESOURCE_CENTER_BUNDLE_VERSION) {
        ctx.addIssue({ code: 'custom', path: ['flows', index, 'kind'], message: `is "resourceCenter", which needs bundle version ${RESOURCE_CENTER_BUNDLE_VERSION}; this bundle says ${bundle.version}` });
      }
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
