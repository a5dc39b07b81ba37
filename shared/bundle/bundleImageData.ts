import type { Project } from '../model/project';
import type { BuildBundleOptions } from './buildBundle';

export type ImageData = NonNullable<BuildBundleOptions['imageData']>;

/** The files of the article images a bundle of `project` carries inline (resource centers only), each once. */
export function bundleImageFiles(project: Project, readyOnly = false): string[] {
  const files = project.flows.flatMap((flow) => (flow.kind === 'resourceCenter' && (!readyOnly || flow.status === 'ready') ? flow.resourceCenter.images.map((image) => image.file) : []));
  return [...new Set(files)].sort();
}

/**
 * buildBundle's `imageData` (which is synchronous) for these files, read first: `readImage`
 * answers a data: URL (the host's project.readImage, or the project store on disk). A file it
 * cannot read is left undefined, so buildBundle throws a BundleImageError naming it. Never rejects.
 */
export async function readBundleImageData(files: readonly string[], readImage: (file: string) => Promise<string>): Promise<ImageData> {
  const read = new Map<string, string>();
  await Promise.all(
    files.map(async (file) => {
      const dataUrl = await readImage(file).catch(() => undefined);
      if (dataUrl) read.set(file, dataUrl.slice(dataUrl.indexOf(',') + 1));
    }),
  );
  return (file) => read.get(file);
}
