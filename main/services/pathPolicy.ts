import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BuilderApiError } from '../../shared/api/apiError';

/** Decides which paths a host will touch for the renderer, which it does not trust. */
export interface PathPolicy {
  /**
   * Returns the real path (symlinks resolved) when allowed, and the caller uses exactly that;
   * throws a `forbidden` error otherwise.
   */
  check(path: string): Promise<string>;
}

/** Far beyond any real project path; longer ones are refused before touching the disk. */
export const MAX_PATH_LENGTH = 4_096;

/** True when `path` is `folder` or below it. `..hidden` is a name, not a way up. */
export function isInsideFolder(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Refuses a path too long to be real before any file system call sees it. */
export function refuseOverlong(path: string): void {
  if (path.length > MAX_PATH_LENGTH) {
    throw new BuilderApiError({ code: 'invalidInput', message: `The path is ${path.length.toLocaleString('en')} characters long; at most ${MAX_PATH_LENGTH.toLocaleString('en')} are allowed.` });
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/**
 * The real path of `path`, which may not exist yet: the deepest existing ancestor is resolved
 * with realpath and the missing parts appended. A missing part that is a dangling symlink is
 * refused, because creating it would follow the link to wherever it points.
 */
export async function realPathOf(path: string): Promise<string> {
  refuseOverlong(path);
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      return join(await realpath(current), ...missing.reverse());
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENAMETOOLONG') throw new BuilderApiError({ code: 'invalidInput', message: `The path "${path.slice(0, 120)}…" has a name too long for this file system.` });
      if (code === 'ELOOP') throw new BuilderApiError({ code: 'forbidden', message: `The path "${path}" goes through a symbolic link that loops.` });
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const dangling = await lstat(current).then(
        (info) => info.isSymbolicLink(),
        () => false,
      );
      if (dangling) throw new BuilderApiError({ code: 'forbidden', message: `The path "${path}" goes through ${current}, a symbolic link to something that does not exist.` });
      const parent = dirname(current);
      if (parent === current) return resolve(path);
      missing.push(basename(current));
      current = parent;
    }
  }
}

/** The web host: only paths whose real location is inside the projects folder, so neither "../" nor a symlink leads out. */
export function confinedTo(root: string): PathPolicy {
  const absoluteRoot = resolve(root);
  return {
    async check(path) {
      refuseOverlong(path);
      const real = await realPathOf(resolve(absoluteRoot, path));
      const realRoot = await realPathOf(absoluteRoot);
      if (!isInsideFolder(realRoot, real)) {
        throw new BuilderApiError({ code: 'forbidden', message: `The web host only opens projects inside ${absoluteRoot}; "${path}" is outside it.` });
      }
      return real;
    },
  };
}
