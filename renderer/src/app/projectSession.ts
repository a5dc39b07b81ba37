import { BuilderApiError } from '../../../shared/api/apiError';
import type { BuilderClient } from '../../../shared/api/client';
import type { OpenedProject } from '../../../shared/api/contract';
import type { Project } from '../../../shared/model/project';
import { useDocumentStore } from '../store/documentStore';
import { clearErrorNotices, closeDialog, notify, useUiStore } from '../store/uiStore';
import { createDiskReload } from './reloadFromDisk';

/** A message for a person, with the first problems listed when the host sent any. */
export function describeError(error: unknown): string {
  if (error instanceof BuilderApiError) {
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function hasUnsavedChanges(): boolean {
  const { project } = useDocumentStore.getState();
  return project !== null && project !== useUiStore.getState().savedProject;
}

/** Opening, saving and closing projects: the renderer's side of the project store. */
export function createProjectSession(client: BuilderClient) {
  const disk = createDiskReload(client);

  function show(opened: OpenedProject): void {
    clearErrorNotices(); // an earlier failure to open is no longer news
    disk.setBaseline(opened.diskVersion);
    useDocumentStore.getState().load(opened.project);
    useUiStore.setState({
      projectPath: opened.path,
      // Repaired while loading: the files still hold the old content, so the document starts unsaved
      // (a copy is another object; autosave compares identity) and autosave writes the fix.
      savedProject: opened.repaired ? { ...opened.project } : useDocumentStore.getState().project,
      journalProblem: null,
      selectedFlowId: opened.project.flows[0]?.id ?? null,
      renamingFlowId: null,
      selectedItemIds: [],
      pickingAnchor: null,
      editingLocale: null,
      inspectorTab: 'selection',
      selectedScreenId: opened.project.screens[0]?.id ?? null,
      renamingScreenId: null,
      selectedElementId: null,
    });
    for (const notice of opened.notices) notify('info', notice);
    disk.noticesShown(opened.notices);
    if (opened.recovery) {
      const { savedAt, project, filesChangedSince } = opened.recovery;
      useUiStore.setState({ dialog: { kind: 'recover', savedAt, project, filesChangedSince: filesChangedSince === true } });
    }
  }

  /** Once the document is saved as it is, the journal of unsaved work has nothing left to keep. */
  function discardJournalIfSaved(): void {
    const { projectPath, savedProject } = useUiStore.getState();
    if (projectPath && savedProject === useDocumentStore.getState().project) void client.call('project.discardJournal', { path: projectPath }).catch(() => undefined);
  }

  async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (error) {
      notify('error', describeError(error));
      return undefined;
    }
  }

  function confirmDiscard(): boolean {
    return !hasUnsavedChanges() || window.confirm('This project has unsaved changes. Discard them?');
  }

  /**
   * Writes the document, unless someone else changed the files since the version merged here: the
   * host then refuses ('changedOnDisk', nothing written), their changes are merged in (or the author
   * is asked, and nothing is saved now) and the merged document is written. Undefined: not saved.
   */
  async function writeMerged(path: string): Promise<{ saved: { diskVersion?: string | undefined }; project: Project } | undefined> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const project = useDocumentStore.getState().project;
      const expectedDiskVersion = useUiStore.getState().diskVersion;
      if (!project) return undefined;
      try {
        const saved = await client.call('project.save', { path, project, ...(expectedDiskVersion ? { expectedDiskVersion } : {}) });
        return { saved, project };
      } catch (error) {
        if (!(error instanceof BuilderApiError && error.code === 'changedOnDisk')) {
          notify('error', describeError(error));
          return undefined;
        }
        const current = await disk.currentVersion();
        if (!current || (await disk.reconcile(current.diskVersion)) !== 'reloaded') return undefined;
      }
    }
    return undefined; // the files keep changing under the save: the next autosave tries again
  }

  return {
    disk,
    async create(name: string): Promise<boolean> {
      if (!confirmDiscard()) return false;
      const opened = await attempt(() => client.call('project.create', { name }));
      if (opened) show(opened);
      return Boolean(opened);
    },
    async open(path: string): Promise<boolean> {
      if (!confirmDiscard()) return false;
      const opened = await attempt(() => client.call('project.open', { path }));
      if (opened) show(opened);
      return Boolean(opened);
    },
    async save(): Promise<boolean> {
      const { project } = useDocumentStore.getState();
      const { projectPath } = useUiStore.getState();
      if (!project || !projectPath) return false;
      useUiStore.setState({ saving: true });
      // After a merge the document holds the disk's changes too: that is what gets saved.
      const written = await writeMerged(projectPath).catch((error: unknown) => void notify('error', describeError(error)));
      if (written) disk.setBaseline(written.saved.diskVersion);
      useUiStore.setState({ saving: false, ...(written ? { savedProject: written.project } : {}) });
      if (written) discardJournalIfSaved();
      return Boolean(written);
    },
    async saveAs(name: string): Promise<boolean> {
      const { project } = useDocumentStore.getState();
      const { projectPath } = useUiStore.getState();
      if (!project || !projectPath) return false;
      const opened = await attempt(() => client.call('project.saveAs', { fromPath: projectPath, name, project }));
      if (!opened) return false;
      // Keep the undo history: the author is still editing the same work, now under a new name.
      disk.setBaseline(opened.diskVersion);
      useDocumentStore.setState({ project: opened.project });
      useUiStore.setState({ projectPath: opened.path, savedProject: opened.project });
      notify('info', `Saved a copy as "${name}".`);
      return true;
    },
    close(): void {
      if (!confirmDiscard()) return;
      const path = useUiStore.getState().projectPath;
      if (path) void client.call('project.discardJournal', { path }).catch(() => undefined);
      disk.setBaseline(undefined);
      useDocumentStore.getState().load(null);
      useUiStore.setState({ projectPath: null, savedProject: null, journalProblem: null, selectedFlowId: null, renamingFlowId: null });
      closeDialog();
    },
  };
}

export type ProjectSession = ReturnType<typeof createProjectSession>;
