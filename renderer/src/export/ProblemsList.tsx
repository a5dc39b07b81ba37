import { memo } from 'react';
import type { LintProblem } from '../../../shared/lint/lintProject';
import { showProblem } from './useLint';

/** Problems with their severity; a click selects the flow and step they are about. */
const SHOWN = 200;

/** Memoised: the panel re-renders as the author types, the list only when lint runs again. */
export const ProblemsList = memo(function ProblemsList({ problems, onSelect }: { problems: readonly LintProblem[]; onSelect?(): void }) {
  if (!problems.length) return <p className="muted small">No problems found.</p>;
  return (
    <ul className="problem-list" aria-label="Problems">
      {problems.slice(0, SHOWN).map((problem, index) => (
        <li key={index} className={`problem-${problem.severity}`}>
          <button
            type="button"
            onClick={() => {
              showProblem(problem);
              onSelect?.();
            }}
          >
            <span className="problem-severity">{problem.severity === 'error' ? 'Error' : 'Warning'}</span>
            <span>{problem.message}</span>
          </button>
        </li>
      ))}
      {problems.length > SHOWN ? <li className="muted small">…and {problems.length - SHOWN} more (the CLI's `stepwise lint` lists them all).</li> : null}
    </ul>
  );
});
