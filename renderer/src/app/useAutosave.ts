import { useEffect } from 'react';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import type { BuilderClient } from '../../../shared/api/client';
import { describeError, type ProjectSession } from './projectSession';

/** Saves this long after the last change, so typing is never interrupted by a save. */
export const AUTOSAVE_DELAY_MS = 1_500;
/** After a failed save, wait longer before trying again (the failure was already shown). */
const RETRY_DELAY_MS = 30_000;

/** The journal of unsaved work is written sooner than the save, so a crash loses almost nothing. */
export const JOURNAL_DELAY_MS = 400;

/**
 * Saves the open project in the background once the author pauses, and before that keeps a
 * journal of the unsaved document that the next start offers back after a crash.
 */
export function useAutosave(session: ProjectSession, client: BuilderClient): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let journalTimer: ReturnType<typeof setTimeout> | undefined;
    let journalWrites = 0;
    // A failed write is shown in the save state (crash recovery is off until one succeeds); the next change tries again.
    const writeJournal = () => {
      clearTimeout(journalTimer);
      journalTimer = setTimeout(() => {
        const { project } = useDocumentStore.getState();
        const { savedProject, projectPath, diskVersion } = useUiStore.getState();
        if (!project || !projectPath || project === savedProject) return;
        const write = ++journalWrites;
        // The files' version these edits were made on: opened after a git pull, the offer says the files changed since.
        client.call('project.writeJournal', { path: projectPath, project, ...(diskVersion ? { baseDiskVersion: diskVersion } : {}) }).then(
          () => write === journalWrites && useUiStore.setState({ journalProblem: null }),
          (error: unknown) => write === journalWrites && useUiStore.setState({ journalProblem: describeError(error) }),
        );
      }, JOURNAL_DELAY_MS);
    };
    const schedule = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const { project } = useDocumentStore.getState();
        const { savedProject, saving, projectPath, diskNotMerged } = useUiStore.getState();
        if (!project || !projectPath || project === savedProject) return;
        // The files changed on disk and are not merged (unreadable, or waiting for the author): never write over them unasked.
        if (diskNotMerged) return;
        if (saving) return schedule(AUTOSAVE_DELAY_MS);
        const saved = await session.save();
        const changedSince = useDocumentStore.getState().project !== useUiStore.getState().savedProject;
        if (!saved) schedule(RETRY_DELAY_MS);
        else if (changedSince) schedule(AUTOSAVE_DELAY_MS);
      }, delay);
    };
    const unsubscribe = useDocumentStore.subscribe((state, previous) => {
      if (state.project !== previous.project && state.project !== useUiStore.getState().savedProject) {
        writeJournal();
        schedule(AUTOSAVE_DELAY_MS);
      }
    });
    // Once the disk's changes are merged (or the files read again), unsaved work waiting for that is saved.
    const unsubscribeDisk = useUiStore.subscribe((state, previous) => {
      if (previous.diskNotMerged && !state.diskNotMerged && useDocumentStore.getState().project !== state.savedProject) schedule(AUTOSAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      clearTimeout(journalTimer);
      unsubscribe();
      unsubscribeDisk();
    };
  }, [session, client]);
}
