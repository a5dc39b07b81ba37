import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';

const RECOVERY_FAILED_HELP =
  'Stepwise keeps a recovery copy of unsaved changes so a crash loses nothing, and could not write it: a crash now would lose them. ' +
  'It tries again at your next change; saving (Ctrl/Cmd+S) keeps your work safe.';

/**
 * "Saved" / "Unsaved changes" / "Saving…", read from whether the document differs from the saved
 * one; while unsaved, also says when the recovery copy could not be written.
 */
export function SaveState() {
  const project = useDocumentStore((state) => state.project);
  const savedProject = useUiStore((state) => state.savedProject);
  const saving = useUiStore((state) => state.saving);
  const journalProblem = useUiStore((state) => state.journalProblem);
  const dirty = project !== savedProject;
  const recoveryFailed = dirty && journalProblem !== null;
  const label = saving ? 'Saving…' : dirty ? 'Unsaved changes' : 'All changes saved';
  return (
    <span
      className={`save-state${dirty && !saving ? ' dirty' : ''}${recoveryFailed ? ' recovery-failed' : ''}`}
      role="status"
      aria-live="polite"
      title={recoveryFailed ? `${RECOVERY_FAILED_HELP}\n\n${journalProblem}` : undefined}
    >
      {label}
      {recoveryFailed ? ` · recovery copy failed: ${journalProblem}` : null}
    </span>
  );
}
