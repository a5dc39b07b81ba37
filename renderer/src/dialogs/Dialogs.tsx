import { useApp } from '../app/appContext';
import { useDocumentStore } from '../store/documentStore';
import { closeDialog, useUiStore } from '../store/uiStore';
import { CaptureDialog } from '../screens/CaptureDialog';
import { CaptureBrowser } from '../screens/captureBrowser/CaptureBrowser';
import { RecaptureDialog } from '../screens/captureBrowser/RecaptureDialog';
import { ExportDialog } from '../export/ExportDialog';
import { CheckFlowsDialog } from '../health/CheckFlowsDialog';
import { NameDialog } from './NameDialog';
import { RecoverDialog } from './RecoverDialog';
import { ReloadDialog } from './ReloadDialog';
import { OpenProjectDialog } from './OpenProjectDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { AreaErrorBoundary } from '../ui/AreaErrorBoundary';

/** Shows whichever dialog the UI store says is open; a dialog that fails says so in its place. */
export function Dialogs() {
  const kind = useUiStore((state) => state.dialog.kind);
  if (kind === 'none') return null;
  return (
    <AreaErrorBoundary
      area="dialog"
      key={kind}
      className="dialog-failed"
      actions={
        <button type="button" className="button small" onClick={() => closeDialog(kind)}>
          Close dialog
        </button>
      }
    >
      <OpenDialog />
    </AreaErrorBoundary>
  );
}

function OpenDialog() {
  const { session } = useApp();
  const dialog = useUiStore((state) => state.dialog);
  const projectName = useDocumentStore((state) => state.project?.name);
  const projectId = useDocumentStore((state) => state.project?.id);
  const projectPath = useUiStore((state) => state.projectPath);
  const close = () => closeDialog(dialog.kind);
  switch (dialog.kind) {
    case 'newProject':
      return <NameDialog title="New project" label="Project name" confirmLabel="Create project" onConfirm={session.create} onClose={close} />;
    case 'saveAs':
      return (
        <NameDialog
          title="Save a copy"
          label="Name of the copy"
          confirmLabel="Save copy"
          initialName={projectName ? `${projectName} copy` : ''}
          onConfirm={session.saveAs}
          onClose={close}
        />
      );
    case 'openProject':
      return <OpenProjectDialog onClose={close} />;
    case 'capture':
      return <CaptureDialog {...(dialog.recaptureScreenId ? { recaptureScreenId: dialog.recaptureScreenId } : {})} onClose={close} />;
    case 'captureBrowser': {
      if (!projectPath || !projectId) return null;
      const { url, viewport, deviceScaleFactor, useSignIn } = dialog;
      return <CaptureBrowser open={{ projectPath, projectId, url, viewport, deviceScaleFactor, useSignIn }} onClose={close} />;
    }
    case 'recapture':
      return <RecaptureDialog screenId={dialog.screenId} onClose={close} />;
    case 'recover':
      return <RecoverDialog savedAt={dialog.savedAt} project={dialog.project} filesChangedSince={dialog.filesChangedSince} onClose={close} />;
    case 'export':
      return <ExportDialog onClose={close} />;
    case 'checkFlows':
      return <CheckFlowsDialog onClose={close} />;
    case 'reloadConflicts':
      return <ReloadDialog disk={dialog.disk} diskVersion={dialog.diskVersion} conflicts={dialog.conflicts} />;
    case 'shortcuts':
      return <ShortcutsDialog onClose={close} />;
    default:
      return null;
  }
}
