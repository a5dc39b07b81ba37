import { useEffect } from 'react';
import { Dialogs } from '../dialogs/Dialogs';
import { FlowPreview } from '../preview/FlowPreview';
import { useUiStore } from '../store/uiStore';
import { ProjectView } from '../project/ProjectView';
import { StartScreen } from '../start/StartScreen';
import { useDocumentStore } from '../store/documentStore';
import { useShortcuts } from '../commands/useShortcuts';
import { hasUnsavedChanges } from './projectSession';
import { useApp } from './appContext';
import { Notices } from './Notices';
import { useAutosave } from './useAutosave';
import { useDiskChanges } from './useDiskChanges';
import { AreaErrorBoundary } from '../ui/AreaErrorBoundary';

/** The preview reads the whole project, so only it re-renders as the document changes. */
function PreviewHost({ flowId }: { flowId: string }) {
  const project = useDocumentStore((state) => state.project);
  const projectPath = useUiStore((state) => state.projectPath);
  if (!project || !projectPath) return null;
  return <FlowPreview project={project} projectPath={projectPath} flowId={flowId} onClose={closePreview} />;
}

function closePreview(): void {
  useUiStore.setState({ previewFlowId: null });
}

export function App() {
  const { commands, session, client } = useApp();
  // Only whether a project is open: App must not re-render on every keystroke.
  const hasProject = useDocumentStore((state) => state.project !== null);
  const previewFlowId = useUiStore((state) => state.previewFlowId);
  useShortcuts(commands);
  useAutosave(session, client);
  useDiskChanges(session);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (hasUnsavedChanges()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  return (
    <>
      <AreaErrorBoundary area={hasProject ? 'editor' : 'start screen'} key={hasProject ? 'editor' : 'start'}>
        {hasProject ? <ProjectView /> : <StartScreen />}
      </AreaErrorBoundary>
      {hasProject && previewFlowId ? (
        <AreaErrorBoundary
          area="preview"
          key={previewFlowId}
          className="preview-failed"
          actions={
            <button type="button" className="button small" onClick={closePreview}>
              Close preview
            </button>
          }
        >
          <PreviewHost flowId={previewFlowId} />
        </AreaErrorBoundary>
      ) : null}
      <Dialogs />
      <AreaErrorBoundary area="notices">
        <Notices />
      </AreaErrorBoundary>
    </>
  );
}
