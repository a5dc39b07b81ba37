import { z } from 'zod';
import { buildBundle } from '../../../shared/bundle/buildBundle';
import type { Bundle } from '../../../shared/bundle/bundleSchema';
import type { Project } from '../../../shared/model/project';
import { problemsFromZod, type Problem } from '../../../shared/validation/problems';

export type PreviewBundle = { ok: true; bundle: Bundle } | { ok: false; problems: Problem[] };

/**
 * The bundle the preview plays, or the problems that keep the project from being one (a checklist
 * item starting a deleted flow, say): the preview shows those instead of throwing.
 */
export function previewBundle(project: Project): PreviewBundle {
  try {
    return { ok: true, bundle: buildBundle(project) };
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    // Every flow is exported in order, so the bundle's paths name the same places in the project.
    return { ok: false, problems: problemsFromZod(error, project) };
  }
}

/** "$.flows[2].checklist…" -> the name of flow 2, so the author knows where to look. */
export function flowNameAt(project: Project, path: string): string | undefined {
  const index = /^\$\.flows\[(\d+)\]/.exec(path)?.[1];
  return index === undefined ? undefined : project.flows[Number(index)]?.name;
}
