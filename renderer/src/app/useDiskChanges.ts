import { useEffect } from 'react';
import { useUiStore } from '../store/uiStore';
import type { DiskReload } from './reloadFromDisk';
import type { ProjectSession } from './projectSession';

/** How often the editor asks whether the project's files changed on disk (one stat a file, on the host). */
export const DISK_POLL_MS = 2_000;

/** One look at the files: when someone else changed them, merge their changes into the document. */
async function checkDisk(disk: DiskReload): Promise<void> {
  const before = useUiStore.getState();
  // Not while a save runs (it sets the baseline itself) nor under a dialog (the merge could have to ask).
  if (!before.projectPath || !before.diskVersion || before.saving || before.dialog.kind !== 'none') return;
  const current = await disk.currentVersion();
  const now = useUiStore.getState();
  // An answer from before a save, open or reload finished describes files this editor already knows.
  if (!current || !disk.isCurrent(current.epoch) || now.saving || current.diskVersion === now.diskVersion) return;
  if (now.diskNotMerged?.diskVersion === current.diskVersion) return; // already said, or waiting for the author
  await disk.reconcile(current.diskVersion);
}

/**
 * While a project is open, notices when its files change on disk (a git pull, a branch switch, a
 * teammate's save) and brings the editor up to date: app/reloadFromDisk.ts.
 */
export function useDiskChanges(session: ProjectSession): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = () => {
      checkDisk(session.disk)
        .catch(() => undefined) // the host is gone or busy: ask again next time
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, DISK_POLL_MS);
        });
    };
    timer = setTimeout(tick, DISK_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [session]);
}
