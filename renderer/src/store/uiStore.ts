import { create } from 'zustand';
import type { AppInfo } from '../../../shared/api/contract';
import type { Project } from '../../../shared/model/project';
import type { ReloadConflict } from '../../../shared/project/mergeReloaded';

export type DialogState =
  | { kind: 'none' }
  | { kind: 'newProject' }
  | { kind: 'openProject' }
  | { kind: 'saveAs' }
  | { kind: 'shortcuts' }
  | { kind: 'export' }
  /** Unsaved work found from a session that ended without saving. */
  | { kind: 'recover'; savedAt: string; project: Project; filesChangedSince: boolean }
  /** New screen from a URL; with a screen id, capture that screen again from its URL and viewport. */
  | { kind: 'capture'; recaptureScreenId?: string }
  /** The live capture browser (web host), opened on a page from the Capture dialog. */
  | { kind: 'captureBrowser'; url: string; viewport: { width: number; height: number }; deviceScaleFactor: number; useSignIn: boolean }
  /** A URL screen captured again by the host: its saved sign-in, then its recorded path (web host). */
  | { kind: 'recapture'; screenId: string }
  /** The flow health check: every anchor looked for on the live pages (renderer/src/health/). */
  | { kind: 'checkFlows' }
  /** The project changed on disk and here in the same flows or screens: which version to keep (app/reloadFromDisk.ts). */
  | { kind: 'reloadConflicts'; disk: Project; diskVersion: string; conflicts: ReloadConflict[] };

/** A version of the files on disk the editor has not merged: unreadable (a damaged file, git conflict markers) or waiting for the author's choice. */
export interface DiskNotMerged {
  diskVersion: string;
  reason: 'unreadable' | 'undecided';
  message: string;
}

export interface Notice {
  id: number;
  tone: 'info' | 'error';
  message: string;
  /** A button on the notice ("Undo"); the notice goes once it ran. */
  action?: NoticeAction;
}

export interface NoticeAction {
  label: string;
  run(): void;
}

/** What is on screen around the document: never part of undo history. */
export interface UiState {
  appInfo: AppInfo | null;
  /** Folder of the open project. */
  projectPath: string | null;
  /** The project as last saved or opened; the document differs from it when there are unsaved changes. */
  savedProject: Project | null;
  saving: boolean;
  /** The version of the files (project.diskVersion) that `savedProject` was read from or written as; null when the host gives none. */
  diskVersion: string | null;
  /** Set while the files changed on disk and are not merged yet: autosave waits, so nothing is written over them. */
  diskNotMerged: DiskNotMerged | null;
  /** Why the last recovery copy (journal) of unsaved work could not be written; null once one is. */
  journalProblem: string | null;
  selectedFlowId: string | null;
  renamingFlowId: string | null;
  /** Steps (of a tour) or items (of a checklist) of the selected flow; the last is the one the inspector shows. */
  selectedItemIds: string[];
  /** Waiting for a click on the canvas to anchor this step (itemId) or hotspot (itemId null). */
  pickingAnchor: { flowId: string; itemId: string | null } | null;
  /**
   * Waiting for the author to draw a rectangle on the canvas's screenshot: the crop becomes an
   * image of this resource center article (renderer/src/resourceCenter/ image insert).
   */
  articleImageCrop: { flowId: string; articleId: string } | null;
  /** The language being edited; null means the project's default. */
  editingLocale: string | null;
  inspectorTab: 'selection' | 'theme' | 'languages';
  /** The screen on the canvas. */
  selectedScreenId: string | null;
  renamingScreenId: string | null;
  /** The element of the selected screen's map the author clicked. */
  selectedElementId: string | null;
  /** The flow playing in the preview, over the screenshots. */
  previewFlowId: string | null;
  /** A step just added: its missing anchor is "not anchored yet", not an error, until the author leaves it. */
  freshItemId: string | null;
  dialog: DialogState;
  notices: Notice[];
}

export const useUiStore = create<UiState>()(() => ({
  appInfo: null,
  projectPath: null,
  savedProject: null,
  saving: false,
  diskVersion: null,
  diskNotMerged: null,
  journalProblem: null,
  selectedFlowId: null,
  renamingFlowId: null,
  selectedItemIds: [],
  pickingAnchor: null,
  articleImageCrop: null,
  editingLocale: null,
  inspectorTab: 'selection',
  selectedScreenId: null,
  renamingScreenId: null,
  selectedElementId: null,
  previewFlowId: null,
  freshItemId: null,
  dialog: { kind: 'none' },
  notices: [],
}));

let nextNoticeId = 1;

export function notify(tone: Notice['tone'], message: string, action?: NoticeAction): void {
  const notice: Notice = { id: nextNoticeId++, tone, message, ...(action ? { action } : {}) };
  useUiStore.setState((state) => ({ notices: [...state.notices.slice(-3), notice] }));
}

export function dismissNotice(id: number): void {
  useUiStore.setState((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
}

export function openDialog(dialog: DialogState): void {
  useUiStore.setState({ dialog });
}

/** Closes the open dialog; with a kind, only if that dialog is still the one open (async confirmations). */
export function closeDialog(kind?: DialogState['kind']): void {
  if (kind && useUiStore.getState().dialog.kind !== kind) return;
  useUiStore.setState({ dialog: { kind: 'none' } });
}

export function clearErrorNotices(): void {
  useUiStore.setState((state) => ({ notices: state.notices.filter((notice) => notice.tone !== 'error') }));
}

useUiStore.subscribe((state, previous) => {
  // Notices are about the project that was open: closing it takes them away.
  if (previous.projectPath && !state.projectPath && state.notices.length) useUiStore.setState({ notices: [] });
  // Leaving a new step ends its grace: from then on a missing anchor is an error again.
  if (state.freshItemId && !state.selectedItemIds.includes(state.freshItemId)) useUiStore.setState({ freshItemId: null });
});
