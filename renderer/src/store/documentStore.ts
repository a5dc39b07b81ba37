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
  /** One named change to the document: one undo step. */
  change(label: string, recipe: (draft: Draft<Project>) => void): void;
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
      change(_label, recipe) {
        const current = get().project;
        if (!current) return;
        const next = produce(current, recipe);
        if (next !== current) set({ project: next });
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
  useDocumentStore.temporal.getState().undo();
}

export function redo(): void {
  useDocumentStore.temporal.getState().redo();
}
