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

/** The preview reads the whole project, so only it re-renders as the document changes. */
function PreviewHost({ flowId }: { flowId: string }) {
  const project = useDocumentStore((state) => state.project);
  const projectPath = useUiStore((state) => state.projectPath);
  if (!project || !projectPath) return null;
  return <FlowPreview project={project} projectPath={projectPath} flowId={flowId} onClose={() => useUiStore.setState({ previewFlowId: null })} />;
}

export function App() {
  const { commands, session, client } = useApp();
  // Only whether a project is open: App must not re-render on every keystroke.
  const hasProject = useDocumentStore((state) => state.project !== null);
  const previewFlowId = useUiStore((state) => state.previewFlowId);
  useShortcuts(commands);
  useAutosave(session, client);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (hasUnsavedChanges()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  return (
    <>
      {hasProject ? <ProjectView /> : <StartScreen />}
      {hasProject && previewFlowId ? <PreviewHost flowId={previewFlowId} /> : null}
      <Dialogs />
      <Notices />
    </>
  );
}
