import { useEffect, useState } from 'react';
import type { BuilderClient } from '../../../shared/api/client';

const cache = new Map<string, Promise<string>>();

/** A screenshot's data URL, fetched once per project and file (files are content-addressed, so never stale). */
export function loadScreenImage(client: BuilderClient, projectPath: string, file: string): Promise<string> {
  const key = `${projectPath}\n${file}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = client.call('project.readImage', { path: projectPath, file }).then((result) => result.dataUrl);
    entry.catch(() => cache.delete(key)); // let a later attempt retry
    cache.set(key, entry);
  }
  return entry;
}

export function useScreenImage(client: BuilderClient, projectPath: string | null, file: string | undefined): { url: string | null; error: string | null } {
  const [state, setState] = useState<{ url: string | null; error: string | null }>({ url: null, error: null });
  useEffect(() => {
    if (!projectPath || !file) return setState({ url: null, error: null });
    let current = true;
    loadScreenImage(client, projectPath, file).then(
      (url) => current && setState({ url, error: null }),
      (error: unknown) => current && setState({ url: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, projectPath, file]);
  return state;
}
