import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { idSchema } from '../../../shared/model/ids';
import type { SignInSummary } from '../../../shared/model/captureBrowser';
import { writeFileAtomic } from '../../services/atomicWrite';

/** Playwright's storage state: cookies and each origin's localStorage. Never a password. */
export interface StorageState {
  cookies: Array<{ name: string; value: string; domain: string; path: string; expires: number; httpOnly: boolean; secure: boolean; sameSite: 'Strict' | 'Lax' | 'None' }>;
  origins: Array<{ origin: string; localStorage: Array<{ name: string; value: string }> }>;
}

interface SavedSignIn {
  savedAt: string;
  state: StorageState;
}

export interface SignInStore {
  /** The saved storage state, or undefined when there is none (or it cannot be read). */
  load(projectId: string): Promise<StorageState | undefined>;
  save(projectId: string, state: StorageState): Promise<void>;
  status(projectId: string): Promise<SignInSummary | null>;
  forget(projectId: string): Promise<void>;
  /** Where a project's sign-in lives (for tests and the README). */
  fileOf(projectId: string): string;
}

function sitesOf(state: StorageState): string[] {
  const sites = new Set<string>();
  for (const cookie of state.cookies) sites.add(cookie.domain.replace(/^\./, ''));
  for (const origin of state.origins) {
    try {
      sites.add(new URL(origin.origin).hostname);
    } catch {
      /* not an origin: nothing to show */
    }
  }
  return [...sites].filter(Boolean).sort();
}

const isEmpty = (state: StorageState) => state.cookies.length === 0 && state.origins.every((origin) => origin.localStorage.length === 0);

/**
 * Each project's sign-in for the capture browser, one file per project id in the app's data
 * folder (never the project folder), readable by its owner only, written atomically.
 */
export function createSignInStore(appDataDir: string): SignInStore {
  const dir = join(appDataDir, 'sign-in');
  const fileOf = (projectId: string) => join(dir, `${idSchema.parse(projectId)}.json`);

  async function read(projectId: string): Promise<SavedSignIn | undefined> {
    let text: string;
    try {
      text = await readFile(fileOf(projectId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const saved = JSON.parse(text) as SavedSignIn;
      return Array.isArray(saved?.state?.cookies) && Array.isArray(saved.state.origins) && typeof saved.savedAt === 'string' ? saved : undefined;
    } catch {
      return undefined; // a damaged file is as good as none: the author signs in again
    }
  }

  return {
    fileOf,
    async load(projectId) {
      return (await read(projectId))?.state;
    },
    async save(projectId, state) {
      // Signed out (nothing kept): nothing worth saving, and an old sign-in would be stale.
      if (isEmpty(state)) return;
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await chmod(dir, 0o700).catch(() => undefined);
      const saved: SavedSignIn = { savedAt: new Date().toISOString(), state };
      await writeFileAtomic(fileOf(projectId), JSON.stringify(saved), { mode: 0o600 });
    },
    async status(projectId) {
      const saved = await read(projectId);
      return saved ? { sites: sitesOf(saved.state), savedAt: saved.savedAt } : null;
    },
    async forget(projectId) {
      await rm(fileOf(projectId), { force: true });
    },
  };
}
