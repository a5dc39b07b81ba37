import { useEffect } from 'react';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import type { ProjectSession } from './projectSession';

/** Saves this long after the last change, so typing is never interrupted by a save. */
export const AUTOSAVE_DELAY_MS = 1_500;
/** After a failed save, wait longer before trying again (the failure was already shown). */
const RETRY_DELAY_MS = 30_000;

/** Saves the open project in the background once the author pauses. */
export function useAutosave(session: ProjectSession): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const { project } = useDocumentStore.getState();
        const { savedProject, saving, projectPath } = useUiStore.getState();
        if (!project || !projectPath || project === savedProject) return;
        if (saving) return schedule(AUTOSAVE_DELAY_MS);
        const saved = await session.save();
        const changedSince = useDocumentStore.getState().project !== useUiStore.getState().savedProject;
        if (!saved) schedule(RETRY_DELAY_MS);
        else if (changedSince) schedule(AUTOSAVE_DELAY_MS);
      }, delay);
    };
    const unsubscribe = useDocumentStore.subscribe((state, previous) => {
      if (state.project !== previous.project && state.project !== useUiStore.getState().savedProject) schedule(AUTOSAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [session]);
}
