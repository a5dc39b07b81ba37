import { readBundleImageData, type ImageData } from '../../../shared/bundle/bundleImageData';
import type { BuilderClient } from '../../../shared/api/client';
import { useEffect, useState } from 'react';
import { loadScreenImage } from './screenImages';

/** Article images read through `project.readImage`, cached per file (files are named by their content, so never stale). */
export function loadImageData(client: BuilderClient, projectPath: string, files: readonly string[]): Promise<ImageData> {
  return readBundleImageData(files, (file) => loadScreenImage(client, projectPath, file));
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
