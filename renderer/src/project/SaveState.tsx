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
  const diskNotMerged = useUiStore((state) => state.diskNotMerged);
  const dirty = project !== savedProject;
  const recoveryFailed = dirty && journalProblem !== null;
  // Autosave waits while the files changed on disk are not merged: say why the changes stay unsaved.
  const waiting = dirty && diskNotMerged !== null;
  const label = saving
    ? 'Saving…'
    : waiting
      ? diskNotMerged.reason === 'unreadable'
        ? 'Not saved: the files on disk cannot be read'
        : 'Not saved: changed on disk'
      : dirty
        ? 'Unsaved changes'
        : 'All changes saved';
  return (
    <span
      className={`save-state${dirty && !saving ? ' dirty' : ''}${recoveryFailed ? ' recovery-failed' : ''}`}
      role="status"
      aria-live="polite"
      title={waiting ? diskNotMerged.message : recoveryFailed ? `${RECOVERY_FAILED_HELP}\n\n${journalProblem}` : undefined}
    >
      {label}
      {recoveryFailed ? ` · recovery copy failed: ${journalProblem}` : null}
    </span>
  );
}
