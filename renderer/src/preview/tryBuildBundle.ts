import { z } from 'zod';
import { buildBundle, type BuildBundleOptions } from '../../../shared/bundle/buildBundle';
import type { Bundle } from '../../../shared/bundle/bundleSchema';
import type { Project } from '../../../shared/model/project';
import { problemsFromZod, type Problem } from '../../../shared/validation/problems';

export type BuiltBundle = { ok: true; bundle: Bundle } | { ok: false; problems: Problem[] };

/**
 * The bundle the preview plays (or export writes), or the problems that keep the project from
 * being one (a checklist item starting a deleted flow, say), to show instead of throwing.
 */
export function tryBuildBundle(project: Project, options: BuildBundleOptions = {}): BuiltBundle {
  try {
    return { ok: true, bundle: buildBundle(project, options) };
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    // The exported flows keep their order, so the bundle's paths name the same places in them.
    const exported = { ...project, flows: project.flows.filter((flow) => !options.readyOnly || flow.status === 'ready') };
    return { ok: false, problems: problemsFromZod(error, exported) };
  }
}

/** "$.flows[2].checklist…" -> the name of flow 2, so the author knows where to look. */
export function flowNameAt(project: Project, path: string): string | undefined {
  const index = /^\$\.flows\[(\d+)\]/.exec(path)?.[1];
  return index === undefined ? undefined : project.flows[Number(index)]?.name;
}
