import type { Project } from '../../../shared/model/project';
import { useApp } from '../app/appContext';
import { useDocumentStore } from '../store/documentStore';
import { notify, useUiStore } from '../store/uiStore';
import { Modal } from './Modal';

/** After a crash: bring back the unsaved changes the journal kept, or let them go. */
export function RecoverDialog({ savedAt, project, onClose }: { savedAt: string; project: Project; onClose(): void }) {
  const { client } = useApp();
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
    </Modal>
  );
}
