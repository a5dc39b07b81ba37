import { useEffect } from 'react';
import { Dialogs } from '../dialogs/Dialogs';
import { ProjectView } from '../project/ProjectView';
import { StartScreen } from '../start/StartScreen';
import { useDocumentStore } from '../store/documentStore';
import { useShortcuts } from '../commands/useShortcuts';
import { hasUnsavedChanges } from './projectSession';
import { useApp } from './appContext';
import { Notices } from './Notices';

export function App() {
  const { commands } = useApp();
  const hasProject = useDocumentStore((state) => state.project !== null);
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
      <Dialogs />
      <Notices />
    </>
  );
}
