import { z } from 'zod';
import { BundleImageError, buildBundle, type BuildBundleOptions } from '../../../shared/bundle/buildBundle';
import type { Bundle } from '../../../shared/bundle/bundleSchema';
import type { Project } from '../../../shared/model/project';
import { articleImageRefs } from '../../../shared/model/resourceCenter';
import { problemsFromZod, type Problem } from '../../../shared/validation/problems';

export type BuiltBundle = { ok: true; bundle: Bundle } | { ok: false; problems: Problem[] };

/** An article image the export could not read, at its place in the project, with the articles that show it. */
function imageProblem(project: Project, error: BundleImageError): Problem {
  const flowIndex = project.flows.findIndex((flow) => flow.id === error.flowId);
  const flow = project.flows[flowIndex];
  if (flow?.kind !== 'resourceCenter') return { path: '$', message: error.message };
  const imageIndex = flow.resourceCenter.images.findIndex((image) => image.id === error.imageId);
  const showing = flow.resourceCenter.sections
    .flatMap((section) => (section.kind === 'articles' ? section.articles : []))
    .filter((article) => Object.values(article.body).some((body) => articleImageRefs(body).includes(error.imageId)))
    .map((article) => `“${Object.values(article.title).find(Boolean) ?? article.id}”`);
  const where = showing.length ? ` It is shown in ${showing.length === 1 ? 'the article' : 'the articles'} ${showing.join(', ')}.` : '';
  return { path: `$.flows[${flowIndex}].resourceCenter.images[${imageIndex}]`, message: `${error.message}${where}` };
}

/**
 * The bundle the preview plays (or export writes), or the problems that keep the project from
 * being one (a checklist item starting a deleted flow, an article image missing from the project
 * folder), to show instead of throwing.
 */
export function tryBuildBundle(project: Project, options: BuildBundleOptions = {}): BuiltBundle {
  try {
    return { ok: true, bundle: buildBundle(project, options) };
  } catch (error) {
    if (error instanceof BundleImageError) return { ok: false, problems: [imageProblem(project, error)] };
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
