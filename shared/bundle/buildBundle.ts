import type { Anchor, BundleAnchor } from '../model/anchor';
import type { BundleFlow, Flow, FlowOf } from '../model/flow';
import type { Project } from '../model/project';
import { stableStringify } from '../stableJson';
import type { Bundle } from './bundleSchema';
import { BUNDLE_FORMAT, bundleSchema, bundleVersionFor } from './bundleSchema';

export interface BuildBundleOptions {
  /** Only flows marked "ready"; otherwise every flow. */
  readyOnly?: boolean;
  /**
   * The bytes of a project image file (`images/<file>`), base64-encoded, or undefined when it
   * cannot be read. Needed only by resource centers with article images, which the bundle
   * carries inline; the host reads the project folder, so the shared code stays pure.
   */
  imageData?: (file: string) => string | undefined;
}

/** An article image the export could not inline: missing from the project folder, or no reader was given. */
export class BundleImageError extends Error {
  constructor(
    readonly flowId: string,
    readonly imageId: string,
    message: string,
  ) {
    super(message);
    this.name = 'BundleImageError';
  }
}

const MEDIA_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

/** The resource center with its images inlined as data URLs (see shared/model/resourceCenter.ts). */
function exportResourceCenter(flow: FlowOf<'resourceCenter'>, options: BuildBundleOptions): BundleFlow {
  const images = flow.resourceCenter.images.map((image) => {
    const data = options.imageData?.(image.file);
    if (data === undefined) {
      throw new BundleImageError(flow.id, image.id, `“${flow.name}”: the article image images/${image.file} could not be read from the project folder; add the image again or remove it.`);
    }
    const type = MEDIA_TYPES[image.file.slice(image.file.lastIndexOf('.') + 1)]!;
    return { id: image.id, alt: image.alt, src: `data:${type};base64,${data}` };
  });
  return { ...flow, resourceCenter: { ...flow.resourceCenter, images } };
}

/** The selectors, and the fingerprint when the anchor was picked on a mapped element that had one. */
function exportAnchor(anchor: Anchor | undefined): BundleAnchor | undefined {
  if (!anchor) return undefined;
  return anchor.fingerprint ? { selectors: [...anchor.selectors], fingerprint: anchor.fingerprint } : { selectors: [...anchor.selectors] };
}

/** The flow without authoring-only data: anchors keep their selectors and fingerprint, not the screenshot box. */
function exportFlow(flow: Flow, options: BuildBundleOptions): BundleFlow {
  switch (flow.kind) {
    case 'tour':
      return { ...flow, tour: { steps: flow.tour.steps.map((step) => ({ ...step, anchor: exportAnchor(step.anchor) })) } };
    case 'hotspot':
      return { ...flow, hotspot: { ...flow.hotspot, anchor: exportAnchor(flow.hotspot.anchor) } };
    case 'resourceCenter':
      return exportResourceCenter(flow, options);
    default:
      return flow;
  }
}

/** Builds a bundle from a project; parsing it through the schema drops anything the format doesn't know. */
export function buildBundle(project: Project, options: BuildBundleOptions = {}): Bundle {
  const flows = project.flows.filter((flow) => !options.readyOnly || flow.status === 'ready');
  return bundleSchema.parse({
    format: BUNDLE_FORMAT,
    version: bundleVersionFor(flows),
    project: { id: project.id, name: project.name },
    theme: project.theme,
    locales: project.locales,
    flows: flows.map((flow) => exportFlow(flow, options)),
  });
}

/** The bundle file's bytes: the same project always gives the same text. */
export function serializeBundle(bundle: Bundle): string {
  return stableStringify(bundle);
}
