import type { BuildBundleOptions } from '../../../shared/bundle/buildBundle';
import type { BuilderClient } from '../../../shared/api/client';
import type { Project } from '../../../shared/model/project';
import { useEffect, useState } from 'react';
import { loadScreenImage } from './screenImages';

export type ImageData = NonNullable<BuildBundleOptions['imageData']>;

/** The files of the article images a bundle of `project` carries inline (resource centers only). */
export function bundleImageFiles(project: Project, readyOnly = false): string[] {
  const files = project.flows.flatMap((flow) => (flow.kind === 'resourceCenter' && (!readyOnly || flow.status === 'ready') ? flow.resourceCenter.images.map((image) => image.file) : []));
  return [...new Set(files)].sort();
}

/**
 * Reads image files through `project.readImage` (cached per file: files are named by their
 * content, so never stale) and answers buildBundle's `imageData`: the base64 bytes, or undefined
 * for a file that could not be read, which buildBundle reports as a BundleImageError naming it.
 * Never rejects.
 */
export async function loadImageData(client: BuilderClient, projectPath: string, files: readonly string[]): Promise<ImageData> {
  const read = new Map<string, string>();
  await Promise.all(
    files.map((file) =>
      loadScreenImage(client, projectPath, file).then(
        (dataUrl) => void read.set(file, dataUrl.slice(dataUrl.indexOf(',') + 1)),
        () => undefined,
      ),
    ),
  );
  return (file) => read.get(file);
}

/** What a project without article images needs: nothing, at once (no render waits for a read). */
const NO_IMAGES: ImageData = () => undefined;

/** `loadImageData` for `files` as a hook: null until read, then again after the list changes. */
export function useImageData(client: BuilderClient, projectPath: string | null, files: readonly string[]): ImageData | null {
  const key = files.join('\n');
  const [state, setState] = useState<{ key: string; data: ImageData } | null>(null);
  useEffect(() => {
    if (!projectPath || !key) return;
    let current = true;
    void loadImageData(client, projectPath, key.split('\n')).then((data) => current && setState({ key, data }));
    return () => {
      current = false;
    };
  }, [client, projectPath, key]);
  if (!key) return NO_IMAGES;
  return state?.key === key ? state.data : null;
}
