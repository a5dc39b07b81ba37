import type { BuildBundleOptions } from '../../shared/bundle/buildBundle';
import type { Project } from '../../shared/model/project';

/**
 * buildBundle's `imageData` for a project on disk: the article images its resource centers show,
 * read before the (synchronous) build. `readImage` answers a data: URL (projectStore.readImage);
 * a file it cannot read is left undefined, so buildBundle throws a BundleImageError naming it.
 */
export async function readBundleImageData(project: Project, readImage: (file: string) => Promise<string>, readyOnly = false): Promise<NonNullable<BuildBundleOptions['imageData']>> {
  const files = new Set(project.flows.flatMap((flow) => (flow.kind === 'resourceCenter' && (!readyOnly || flow.status === 'ready') ? flow.resourceCenter.images.map((image) => image.file) : [])));
  const read = new Map<string, string>();
  await Promise.all(
    [...files].map(async (file) => {
      const dataUrl = await readImage(file).catch(() => undefined);
      if (dataUrl) read.set(file, dataUrl.slice(dataUrl.indexOf(',') + 1));
    }),
  );
  return (file) => read.get(file);
}
