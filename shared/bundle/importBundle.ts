import type { Flow } from '../model/flow';
import { newId } from '../model/ids';
import type { Project } from '../model/project';
import { projectSchema } from '../model/project';
import type { Bundle } from './bundleSchema';

export interface ImportOutcome {
  project: Project;
  added: number;
  /** What was renamed to avoid clashes, in words for a notice. */
  renamed: string[];
}

/**
 * Adds a bundle's flows to a project. Ids that clash get new ones (references between the
 * imported flows follow), names that clash get "(imported)", the bundle's languages are added,
 * and an empty project takes the bundle's theme. Anchors keep their selectors and fingerprint
 * (so exporting again gives them back); they are not on a screen until the author picks them on
 * the canvas. The project passed in is not changed. Takes a bundle from validateBundle, which has
 * already upgraded an older format.
 */
export function importBundle(project: Project, bundle: Bundle): ImportOutcome {
  const taken = new Set<string>([project.id, ...project.screens.map((screen) => screen.id)]);
  for (const flow of project.flows) {
    taken.add(flow.id);
    if (flow.kind === 'tour') flow.tour.steps.forEach((step) => taken.add(step.id));
    if (flow.kind === 'checklist') flow.checklist.items.forEach((item) => taken.add(item.id));
  }
  const names = new Set(project.flows.map((flow) => flow.name));
  const fresh = (id: string) => {
    let next = id;
    while (taken.has(next)) next = newId();
    taken.add(next);
    return next;
  };
  const renamed: string[] = [];
  const flowIds = new Map<string, string>();
  const flows = (JSON.parse(JSON.stringify(bundle.flows)) as Flow[]).map((flow) => {
    const id = fresh(flow.id);
    flowIds.set(flow.id, id);
    if (id !== flow.id) renamed.push(`flow “${flow.name}” got a new id (${flow.id} was taken)`);
    flow.id = id;
    if (names.has(flow.name)) {
      const name = `${flow.name} (imported)`;
      renamed.push(`“${flow.name}” is now “${name}”`);
      flow.name = name;
    }
    names.add(flow.name);
    if (flow.kind === 'tour') flow.tour.steps.forEach((step) => (step.id = fresh(step.id)));
    if (flow.kind === 'checklist') flow.checklist.items.forEach((item) => (item.id = fresh(item.id)));
    if (flow.kind === 'resourceCenter' && flow.resourceCenter.images.length) {
      // The bundle carries images inline; the project keeps them as files, which the host writes, not this pure step.
      renamed.push(`“${flow.name}”: its ${flow.resourceCenter.images.length} article images were not imported; add them again`);
      flow.resourceCenter.images = [];
    }
    return flow;
  });
  // Checklist items and resource center guides that start or wait for an imported flow follow its new id.
  for (const flow of flows) {
    if (flow.kind === 'resourceCenter') {
      for (const section of flow.resourceCenter.sections) if (section.kind === 'guides') for (const item of section.items) item.flowId = flowIds.get(item.flowId) ?? item.flowId;
    }
    if (flow.kind !== 'checklist') continue;
    for (const item of flow.checklist.items) {
      if (item.action.kind === 'startFlow') item.action.flowId = flowIds.get(item.action.flowId) ?? item.action.flowId;
      if (item.doneWhen.kind === 'flowCompleted') item.doneWhen.flowId = flowIds.get(item.doneWhen.flowId) ?? item.doneWhen.flowId;
    }
  }
  const empty = project.flows.length === 0;
  const available = [...project.locales.available, ...bundle.locales.available.filter((locale) => !project.locales.available.includes(locale))];
  const next = projectSchema.parse({
    ...project,
    flows: [...project.flows, ...flows],
    theme: empty ? bundle.theme : project.theme,
    locales: { defaultLocale: empty ? bundle.locales.defaultLocale : project.locales.defaultLocale, available: empty ? bundle.locales.available : available },
  });
  return { project: next, added: flows.length, renamed };
}
