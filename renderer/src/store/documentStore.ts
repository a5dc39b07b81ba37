import { produce, type Draft } from 'immer';
import { temporal } from 'zundo';
import { create } from 'zustand';
import type { Project } from '../../../shared/model/project';

/**
 * The document: the open project and nothing else, so undo/redo (zundo) covers exactly the
 * author's changes to it. Selection, zoom, panels and save state live in the UI store.
 */
export interface DocumentState {
  project: Project | null;
  /** Replaces the document without an undo step (open, new) and forgets the history. */
  load(project: Project | null): void;
  /**
   * One named change to the document: one undo step. Changes with the same `mergeKey` that
   * follow each other within a second (typing in one field, nudging) make a single undo step.
   */
  change(label: string, recipe: (draft: Draft<Project>) => void, mergeKey?: string): void;
}

const MERGE_WINDOW_MS = 1_000;
let lastChange: { key: string | undefined; at: number } = { key: undefined, at: 0 };

/** Ends any run of merged changes: the next change is its own undo step. */
export function breakUndoMerge(): void {
  lastChange = { key: undefined, at: 0 };
}

export const useDocumentStore = create<DocumentState>()(
  temporal(
    (set, get) => ({
      project: null,
      load(project) {
        useDocumentStore.temporal.getState().pause();
        set({ project });
        useDocumentStore.temporal.getState().resume();
        useDocumentStore.temporal.getState().clear();
      },
      change(_label, recipe, mergeKey) {
        const current = get().project;
        if (!current) return;
        const next = produce(current, recipe);
        if (next === current) return;
        const now = Date.now();
        const merge = mergeKey !== undefined && lastChange.key === mergeKey && now - lastChange.at < MERGE_WINDOW_MS;
        lastChange = { key: mergeKey, at: now };
        if (!merge) return set({ project: next });
        const history = useDocumentStore.temporal.getState();
        history.pause();
        set({ project: next });
        history.resume();
      },
    }),
    {
      partialize: (state) => ({ project: state.project }),
      // Only real changes make history: immer returns the same object when a recipe changed nothing.
      equality: (past, current) => past.project === current.project,
      limit: 500,
    },
  ),
);

export function undo(): void {
  breakUndoMerge();
  useDocumentStore.temporal.getState().undo();
}

export function redo(): void {
  breakUndoMerge();
  useDocumentStore.temporal.getState().redo();
}
