import { z } from 'zod';
import { flowSchema } from './flow';
import { idSchema } from './ids';
import { localesSchema } from './locales';
import { screenSchema } from './screen';
import { themeSchema } from './theme';
import { stableObject } from './stableObject';

export const PROJECT_FORMAT = 'stepwise.project';
/**
 * Bump with a migration in shared/project/migrations.ts whenever the saved shape changes.
 * 2: anchors and mapped elements may carry a fingerprint, mapped elements their parent.
 * 3: element maps are written compactly (shared/project/storedElementMap.ts); the app reads them
 *    back into the same entries.
 * 4: a project is a folder of small files (shared/project/projectFolder.ts), so a team's changes
 *    merge in git; the document itself is the same.
 */
export const PROJECT_VERSION = 4;

export const projectSchema = stableObject({
    format: z.literal(PROJECT_FORMAT),
    version: z.literal(PROJECT_VERSION),
    id: idSchema,
    name: z.string().trim().min(1, 'must not be empty').max(200, 'is longer than 200 characters'),
    screens: z.array(screenSchema).default([]),
    flows: z.array(flowSchema).default([]),
    theme: themeSchema.prefault({}),
    locales: localesSchema.prefault({}),
  })
  .superRefine((project, ctx) => {
    const screenIds = new Set(project.screens.map((screen) => screen.id));
    project.flows.forEach((flow, flowIndex) => {
      const anchors =
        flow.kind === 'tour'
          ? flow.tour.steps.map((step, stepIndex) => ({ anchor: step.anchor, path: ['tour', 'steps', stepIndex, 'anchor'] }))
          : flow.kind === 'hotspot'
            ? [{ anchor: flow.hotspot.anchor, path: ['hotspot', 'anchor'] }]
            : [];
      for (const { anchor, path } of anchors) {
        if (anchor?.screenId && !screenIds.has(anchor.screenId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['flows', flowIndex, ...path, 'screenId'],
            message: `points at screen "${anchor.screenId}", which is not in this project`,
          });
        }
      }
    });
  });
export type Project = z.infer<typeof projectSchema>;
