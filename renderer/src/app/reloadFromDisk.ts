import type { BuilderClient } from '../../../shared/api/client';
import type { Project } from '../../../shared/model/project';
import { describeDiskChanges, mergeReloaded, sameJson, type ReloadChoice, type ReloadMerge } from '../../../shared/project/mergeReloaded';
import { breakUndoMerge, useDocumentStore } from '../store/documentStore';
import { itemsOf } from '../store/flowItems';
import { resourceCenterPartIds } from '../store/resourceCenterActions';
import { closeDialog, notify, openDialog, useUiStore } from '../store/uiStore';

/** What bringing the editor up to date with the files did. */
export type ReloadOutcome =
  /** The document now holds the disk's changes (merged with the edits here, if any). */
  | 'reloaded'
  /** The same flows or screens changed on both sides: the author is asked (the reloadConflicts dialog). */
  | 'asking'
  /** The files cannot be read (a damaged file, git conflict markers): the document is untouched. */
  | 'failed'
  /** Not now: another dialog is open, or the project was opened, saved or closed meanwhile. */
  | 'deferred';

/** Reading what a message about the files should say, without importing the session (it imports this). */
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Brings the open document up to date with its files when someone else changed them (a git pull,
 * a branch switch, a teammate's save): reads the project again and merges three ways
 * (shared/project/mergeReloaded.ts). The baseline is the files' version `savedProject` came from;
 * every open, save and reload sets it, and bumps `epoch` so that answers about an older baseline
 * (a poll sent before a save finished) are dropped.
 */
export function createDiskReload(client: BuilderClient) {
  let epoch = 0;
  let running: Promise<ReloadOutcome> | null = null;
  /** What opening said about the files (an upgrade, a repair): a reload of the same files says it once, not again. */
  let shownNotices = new Set<string>();

  function setBaseline(diskVersion: string | undefined): void {
    epoch++;
    useUiStore.setState({ diskVersion: diskVersion ?? null, diskNotMerged: null });
  }

  /** Keeps what is selected where it still exists after the document changed under it. */
  function keepSelection(project: Project): void {
    const ui = useUiStore.getState();
    const flow = project.flows.find((candidate) => candidate.id === ui.selectedFlowId);
    const flowIds = new Set(project.flows.map((candidate) => candidate.id));
    const itemIds = new Set((flow?.kind === 'resourceCenter' ? resourceCenterPartIds(flow) : flow && itemsOf(flow)?.map((item) => item.id)) ?? []);
    const screen = project.screens.find((candidate) => candidate.id === ui.selectedScreenId);
    useUiStore.setState({
      // A selected item that went goes to the first one, as on open; nothing selected stays so.
      selectedFlowId: flow ? flow.id : ui.selectedFlowId === null ? null : (project.flows[0]?.id ?? null),
      selectedItemIds: flow ? ui.selectedItemIds.filter((id) => itemIds.has(id)) : [],
      renamingFlowId: ui.renamingFlowId && flowIds.has(ui.renamingFlowId) ? ui.renamingFlowId : null,
      pickingAnchor: ui.pickingAnchor && flowIds.has(ui.pickingAnchor.flowId) ? ui.pickingAnchor : null,
      previewFlowId: ui.previewFlowId && flowIds.has(ui.previewFlowId) ? ui.previewFlowId : null,
      selectedScreenId: screen ? screen.id : (project.screens[0]?.id ?? null),
      renamingScreenId: ui.renamingScreenId && project.screens.some((candidate) => candidate.id === ui.renamingScreenId) ? ui.renamingScreenId : null,
      selectedElementId: screen && screen.elements.some((element) => element.id === ui.selectedElementId) ? ui.selectedElementId : null,
    });
  }

  /**
   * Puts a finished merge in place. The disk's project becomes the saved one; the merged one the
   * document, as one undo step (Ctrl+Z brings back the document as it was before the reload; the
   * files keep the disk's version until that is saved).
   */
  function apply(disk: Project, diskVersion: string, merge: ReloadMerge, notices: readonly string[], repaired = false): void {
    // A merge that ended up as the disk's project (every choice "take the disk's") is no unsaved change.
    const merged = merge.project && sameJson(merge.project, disk) ? disk : merge.project!;
    const changes = describeDiskChanges(merge.diskChanges);
    setBaseline(diskVersion);
    if (!changes) return; // touched, checked out again, saved the same: the same project
    // The saved project first: the document's change is then measured against the disk, so a merge
    // that kept nothing of mine is not an unsaved change and an autosave starts only when it did.
    // Files the loader repaired (a copied flow file's repeated id) differ from what they say: a
    // saved copy that is another object makes autosave write the repair, as on open.
    useUiStore.setState({ savedProject: repaired ? { ...disk } : disk });
    breakUndoMerge();
    useDocumentStore.setState({ project: merged });
    breakUndoMerge();
    keepSelection(merged);
    notify('info', merged !== disk ? `Merged changes from disk: ${changes}. Your unsaved edits are kept.` : `Reloaded from disk: ${changes}.`);
    if (merge.keptScreens.length) {
      notify('info', `Kept ${merge.keptScreens.map((name) => `“${name}”`).join(', ')}: removed on disk, but a flow kept here still uses it.`);
    }
    for (const notice of notices) if (!shownNotices.has(notice)) notify('info', notice);
    shownNotices = new Set([...shownNotices, ...notices]);
  }

  async function reconcile(currentVersion: string): Promise<ReloadOutcome> {
    const { projectPath: path, dialog } = useUiStore.getState();
    if (!path || dialog.kind !== 'none') return 'deferred';
    const startedAt = epoch;
    let opened;
    try {
      opened = await client.call('project.open', { path, reload: true });
    } catch (error) {
      if (startedAt !== epoch || useUiStore.getState().projectPath !== path) return 'deferred';
      const message = messageOf(error);
      useUiStore.setState({ diskNotMerged: { diskVersion: currentVersion, reason: 'unreadable', message } });
      notify(
        'error',
        `The project changed on disk and cannot be read: ${message} Once the files are fixed, the editor reads them again by itself; until then your work here is kept as it is and not saved over them.`,
      );
      return 'failed';
    }
    const { savedProject } = useUiStore.getState();
    const mine = useDocumentStore.getState().project;
    if (startedAt !== epoch || useUiStore.getState().projectPath !== path || !savedProject || !mine) return 'deferred';
    const diskVersion = opened.diskVersion ?? currentVersion;
    const merge = mergeReloaded(savedProject, mine, opened.project);
    if (merge.conflicts.length === 0) {
      apply(opened.project, diskVersion, merge, opened.notices, opened.repaired === true);
      return 'reloaded';
    }
    if (useUiStore.getState().dialog.kind !== 'none') return 'deferred';
    openDialog({ kind: 'reloadConflicts', disk: opened.project, diskVersion, conflicts: merge.conflicts });
    return 'asking';
  }

  return {
    setBaseline,

    /** The notices opening the project showed (see shownNotices). */
    noticesShown(notices: readonly string[]): void {
      shownNotices = new Set(notices);
    },

    /**
     * Reads the files again when their version differs from the baseline and merges them in. One
     * at a time: a save that finds the disk changed while a poll is merging waits for that merge.
     */
    reconcile(currentVersion: string): Promise<ReloadOutcome> {
      running ??= reconcile(currentVersion).finally(() => {
        running = null;
      });
      return running;
    },

    /** The version of the files now, or null when the host cannot say (it is asked again later). */
    async currentVersion(): Promise<{ diskVersion: string; epoch: number } | null> {
      const path = useUiStore.getState().projectPath;
      const startedAt = epoch;
      if (!path) return null;
      try {
        const { diskVersion } = await client.call('project.diskVersion', { path });
        return { diskVersion, epoch: startedAt };
      } catch {
        return null;
      }
    },

    /** Whether an answer about the files was asked for under the current baseline. */
    isCurrent: (askedAt: number) => askedAt === epoch,

    /** The author's choices in the reloadConflicts dialog; conflicts that came up since keep mine. */
    resolve(disk: Project, diskVersion: string, choices: ReadonlyMap<string, ReloadChoice>): void {
      const { savedProject } = useUiStore.getState();
      const mine = useDocumentStore.getState().project;
      if (!savedProject || !mine) return;
      let merge = mergeReloaded(savedProject, mine, disk, choices);
      if (!merge.project) {
        const all = new Map(choices);
        for (const conflict of merge.conflicts) if (!all.has(conflict.key)) all.set(conflict.key, 'mine');
        merge = mergeReloaded(savedProject, mine, disk, all);
      }
      closeDialog('reloadConflicts');
      apply(disk, diskVersion, merge, []);
    },

    /** The dialog closed without a choice: the files stay as they are, and autosave waits until the author decides (saving asks again). */
    postpone(diskVersion: string): void {
      closeDialog('reloadConflicts');
      useUiStore.setState({
        diskNotMerged: { diskVersion, reason: 'undecided', message: 'The project changed on disk; your edits are not saved until you choose which versions to keep (save to be asked again).' },
      });
    },
  };
}

export type DiskReload = ReturnType<typeof createDiskReload>;
