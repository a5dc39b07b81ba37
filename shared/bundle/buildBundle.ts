import type { Anchor, BundleAnchor } from '../model/anchor';
import type { BundleFlow, Flow } from '../model/flow';
import type { Project } from '../model/project';
import { stableStringify } from '../stableJson';
import type { Bundle } from './bundleSchema';
import { BUNDLE_FORMAT, BUNDLE_VERSION, bundleSchema } from './bundleSchema';

export interface BuildBundleOptions {
  /** Only flows marked "ready"; otherwise every flow. */
  readyOnly?: boolean;
}

/** The selectors, and the fingerprint when the anchor was picked on a mapped element that had one. */
function exportAnchor(anchor: Anchor | undefined): BundleAnchor | undefined {
  if (!anchor) return undefined;
  return anchor.fingerprint ? { selectors: [...anchor.selectors], fingerprint: anchor.fingerprint } : { selectors: [...anchor.selectors] };
}

/** The flow without authoring-only data: anchors keep their selectors and fingerprint, not the screenshot box. */
function exportFlow(flow: Flow): BundleFlow {
  switch (flow.kind) {
    case 'tour':
      return { ...flow, tour: { steps: flow.tour.steps.map((step) => ({ ...step, anchor: exportAnchor(step.anchor) })) } };
    case 'hotspot':
      return { ...flow, hotspot: { ...flow.hotspot, anchor: exportAnchor(flow.hotspot.anchor) } };
    default:
      return flow;
  }
}

/** Builds a bundle from a project; parsing it through the schema drops anything the format doesn't know. */
export function buildBundle(project: Project, options: BuildBundleOptions = {}): Bundle {
  const flows = project.flows.filter((flow) => !options.readyOnly || flow.status === 'ready');
  return bundleSchema.parse({
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    project: { id: project.id, name: project.name },
    theme: project.theme,
    locales: project.locales,
    flows: flows.map(exportFlow),
  });
}

/** The bundle file's bytes: the same project always gives the same text. */
export function serializeBundle(bundle: Bundle): string {
  return stableStringify(bundle);
}
