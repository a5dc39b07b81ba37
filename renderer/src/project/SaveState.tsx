import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';

/** "Saved" / "Unsaved changes" / "Saving…", read from whether the document differs from the saved one. */
export function SaveState() {
  const project = useDocumentStore((state) => state.project);
  const savedProject = useUiStore((state) => state.savedProject);
  const saving = useUiStore((state) => state.saving);
  const label = saving ? 'Saving…' : project === savedProject ? 'All changes saved' : 'Unsaved changes';
  return (
    <span className={`save-state${project !== savedProject && !saving ? ' dirty' : ''}`} role="status" aria-live="polite">
      {label}
    </span>
  );
}
