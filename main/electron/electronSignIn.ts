import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { session as electronSession } from 'electron';
import type { SignInSummary } from '../../shared/model/captureBrowser';
import type { SignInAccess } from '../services/builderHandlers';
import { capturePartition } from './captureWindow';

/** When the partition's cookies were last written: the cookie store's file time (Electron keeps no other). */
async function savedAt(storagePath: string | null): Promise<string> {
  for (const path of storagePath ? [join(storagePath, 'Cookies'), join(storagePath, 'Network', 'Cookies'), storagePath] : []) {
    try {
      return (await stat(path)).mtime.toISOString();
    } catch {
      /* try the next place */
    }
  }
  return new Date().toISOString();
}

/**
 * A project's sign-in in the desktop app is its capture windows' persistent partition: the
 * status lists the sites it has cookies for, "Forget" clears its storage and cache.
 */
export function createElectronSignIn(): SignInAccess {
  return {
    async status(projectId): Promise<SignInSummary | null> {
      const session = electronSession.fromPartition(capturePartition(projectId));
      const cookies = await session.cookies.get({});
      if (cookies.length === 0) return null;
      await session.cookies.flushStore();
      const sites = [...new Set(cookies.map((cookie) => (cookie.domain ?? '').replace(/^\./, '')).filter(Boolean))].sort();
      return { sites, savedAt: await savedAt(session.storagePath) };
    },
    async forget(projectId) {
      const session = electronSession.fromPartition(capturePartition(projectId));
      await session.clearStorageData();
      await session.clearCache();
    },
  };
}
