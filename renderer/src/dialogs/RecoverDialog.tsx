import type { Project } from '../../../shared/model/project';
import { sameJson } from '../../../shared/project/mergeReloaded';
import { useApp } from '../app/appContext';
import { useDocumentStore } from '../store/documentStore';
import { notify, useUiStore } from '../store/uiStore';
import { Modal } from './Modal';
import './reloadDialog.css';

/**
 * What recovering would put back over files that changed after the edits were made: the flows and
 * screens (and settings) where the unsaved copy and the files now differ, by name.
 */
function overwrittenByRecovery(recovered: Project, onDisk: Project): string[] {
  const names: string[] = [];
  const { flows: _flows, screens: _screens, ...recoveredSettings } = recovered;
  const { flows: _diskFlows, screens: _diskScreens, ...diskSettings } = onDisk;
  if (!sameJson(recoveredSettings, diskSettings)) names.push('the project settings (name, theme, languages)');
  for (const [kind, mine, disk] of [
    ['flow', recovered.flows, onDisk.flows],
    ['screen', recovered.screens, onDisk.screens],
  ] as const) {
    const kept = new Map<string, { id: string; name: string }>(mine.map((item) => [item.id, item]));
    for (const item of disk as readonly { id: string; name: string }[]) {
      const other = kept.get(item.id);
      if (!other) names.push(`${kind} “${item.name}” (it would be removed)`);
      else if (!sameJson(other, item)) names.push(`${kind} “${item.name}”`);
    }
  }
  return names;
}

/** After a crash: bring back the unsaved changes the journal kept, or let them go. */
export function RecoverDialog({ savedAt, project, filesChangedSince, onClose }: { savedAt: string; project: Project; filesChangedSince: boolean; onClose(): void }) {
  const { client } = useApp();
  const current = useDocumentStore((state) => state.project);
  const overwritten = filesChangedSince && current ? overwrittenByRecovery(project, current) : [];
  const when = new Date(savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const recover = () => {
    // One undo step on top of the saved project, so the saved version stays one Ctrl+Z away.
    useDocumentStore.getState().change('Recover unsaved changes', (draft) => {
      Object.assign(draft, project);
    });
    notify('info', 'Recovered the unsaved changes; they will be saved in a moment.');
    onClose();
  };
  const discard = () => {
    const path = useUiStore.getState().projectPath;
    if (path) void client.call('project.discardJournal', { path }).catch(() => undefined);
    onClose();
  };
  return (
    <Modal
      title="Recover unsaved changes?"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={discard}>
            Discard them
          </button>
          <button type="button" className="button primary" onClick={recover}>
            Recover
          </button>
        </>
      }
    >
      <p>
        Stepwise closed before these changes to “{project.name}” were saved (last change {when}). Recover them, or keep the project as it was last saved.
      </p>
      {filesChangedSince && overwritten.length > 0 && (
        <div role="alert" className="recover-warning">
          <p>
            <strong>The project’s files changed after these edits were made</strong> (a git pull, a branch switch or someone else’s save). Recovering puts this
            copy’s version of these back over the files: your edits, and also whatever the files changed in them since.
          </p>
          <ul>
            {overwritten.slice(0, 6).map((name) => (
              <li key={name}>{name}</li>
            ))}
            {overwritten.length > 6 && <li>and {overwritten.length - 6} more</li>}
          </ul>
          <p>Recover, then review with git diff before you commit; or discard these edits and keep the files as they are.</p>
        </div>
      )}
    </Modal>
  );
}
