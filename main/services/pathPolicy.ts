import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { BuilderApiError } from '../../shared/api/apiError';

/** Decides which paths a host will touch for the renderer, which it does not trust. */
export interface PathPolicy {
  /** Returns the absolute path when allowed; throws a `forbidden` error otherwise. */
  check(path: string): Promise<string>;
}

/** Electron: the author picks any folder through native dialogs. */
export const anyPath: PathPolicy = {
  async check(path) {
    return resolve(path);
  },
};

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The web host: only paths inside the projects folder, symlinks resolved, so "../" leads nowhere. */
export function confinedTo(root: string): PathPolicy {
  const absoluteRoot = resolve(root);
  return {
    async check(path) {
      const absolute = resolve(absoluteRoot, path);
      const real = await realpath(absolute).catch(() => absolute);
      const realRoot = await realpath(absoluteRoot).catch(() => absoluteRoot);
      if (!isInside(absoluteRoot, absolute) || !isInside(realRoot, real)) {
        throw new BuilderApiError({ code: 'forbidden', message: `The web host only opens projects inside ${absoluteRoot}; "${path}" is outside it.` });
      }
      return absolute;
    },
  };
}
