import { resolve } from 'node:path';
import { BuilderApiError } from '../../shared/api/apiError';
import { isInsideFolder, realPathOf, refuseOverlong, type PathPolicy } from './pathPolicy';
import { projectDirOf } from './projectStore';

export interface UserGrantedPathsOptions {
  /** Where new projects go; always allowed. */
  projectsDir: string;
  /** The recent projects' folders: the user opened each of them before. */
  recentProjectDirs: () => Promise<string[]>;
}

export interface UserGrantedPaths extends PathPolicy {
  /** Records what the user picked in a native dialog: that project (or folder) and everything under it. */
  grant(path: string): Promise<void>;
}

/**
 * Electron's policy, as VS Code's: the renderer is untrusted, so it may only name paths the user
 * granted (picked in a native dialog), recent projects, and the projects folder. Every path is
 * compared by its real location, so a symlink inside a granted folder does not lead out of it.
 */
export function userGrantedPaths(options: UserGrantedPathsOptions): UserGrantedPaths {
  const projectsDir = resolve(options.projectsDir);
  const granted = new Set<string>();

  async function allowedRoots(): Promise<string[]> {
    const recent = await options.recentProjectDirs();
    // A recent project that no longer exists resolves to where it was, which is harmless to compare against.
    return Promise.all([projectsDir, ...recent].map((root) => realPathOf(root).catch(() => resolve(root)))).then((roots) => [...roots, ...granted]);
  }

  return {
    async grant(path) {
      // A picked project.json grants its project folder (images and journal live beside it).
      granted.add(await realPathOf(projectDirOf(path)));
    },
    async check(path) {
      refuseOverlong(path);
      const real = await realPathOf(resolve(projectsDir, path));
      if ((await allowedRoots()).some((root) => isInsideFolder(root, real))) return real;
      throw new BuilderApiError({
        code: 'forbidden',
        message: `Stepwise opens only projects you chose in an Open dialog, recent projects and projects in ${projectsDir}; "${path}" is none of these. Use File > Open Project… to choose it.`,
      });
    },
  };
}
