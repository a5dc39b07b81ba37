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
  // Each answer remembers which image it is for, so another screen's image is never shown meanwhile.
  const key = projectPath && file ? `${projectPath}\n${file}` : null;
  const [state, setState] = useState<{ key: string; url: string | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!projectPath || !file || !key) return;
    let current = true;
    loadScreenImage(client, projectPath, file).then(
      (url) => current && setState({ key, url, error: null }),
      (error: unknown) => current && setState({ key, url: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, projectPath, file, key]);
  return state && state.key === key ? { url: state.url, error: state.error } : { url: null, error: null };
}
