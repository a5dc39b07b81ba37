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

export function App() {
  const { commands } = useApp();
  const project = useDocumentStore((state) => state.project);
  const projectPath = useUiStore((state) => state.projectPath);
  const previewFlowId = useUiStore((state) => state.previewFlowId);
  const hasProject = project !== null;
  useShortcuts(commands);
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
      {project && projectPath && previewFlowId ? (
        <FlowPreview project={project} projectPath={projectPath} flowId={previewFlowId} onClose={() => useUiStore.setState({ previewFlowId: null })} />
      ) : null}
      <Dialogs />
      <Notices />
    </>
  );
}
