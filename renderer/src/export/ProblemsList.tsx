import { memo, useState } from 'react';
import type { LintProblem } from '../../../shared/lint/lintProject';
import { applyLintFix, fixLabel } from './applyLintFix';
import { showProblem } from './useLint';

/** Problems with their severity; a click selects the flow and step they are about. */
const SHOWN = 200;

function ProblemRow({ problem, onSelect }: { problem: LintProblem; onSelect?(): void }) {
  const [expanded, setExpanded] = useState(false);
  const select = (itemId?: string) => {
    showProblem(itemId ? { ...problem, itemId } : problem);
    onSelect?.();
  };
  const details = problem.details ?? [];
  return (
    <li className={`problem-${problem.severity}`}>
      <div className="problem-line">
        <button type="button" className="problem-main" onClick={() => select()}>
          <span className="problem-severity">{problem.severity === 'error' ? 'Error' : 'Warning'}</span>
          <span>{problem.message}</span>
        </button>
        {details.length ? (
          <button type="button" className="button small subtle problem-expand" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Hide' : `Show ${details.length}`}
          </button>
        ) : null}
      </div>
      {problem.fix ? (
        <div className="problem-fix-row">
          <button type="button" className="button small problem-fix" title={`${fixLabel(problem.fix)} (one undo step)`} onClick={() => applyLintFix(problem)}>
            {problem.fix.kind === 'useSelector' ? (
              <>
                Use <code>{problem.fix.selector}</code>
              </>
            ) : (
              fixLabel(problem.fix)
            )}
          </button>
        </div>
      ) : null}
      {expanded ? (
        <ul className="problem-details" aria-label="Details">
          {details.map((detail, index) => (
            <li key={index}>
              <button type="button" onClick={() => select(detail.itemId)}>
                {detail.message}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Memoised: the panel re-renders as the author types, the list only when lint runs again. */
export const ProblemsList = memo(function ProblemsList({ problems, onSelect }: { problems: readonly LintProblem[]; onSelect?(): void }) {
  if (!problems.length) return <p className="muted small">No problems found.</p>;
  return (
    <ul className="problem-list" aria-label="Problems">
      {problems.slice(0, SHOWN).map((problem, index) => (
        <ProblemRow key={`${problem.flowId ?? ''}${problem.message}${index}`} problem={problem} {...(onSelect ? { onSelect } : {})} />
      ))}
      {problems.length > SHOWN ? <li className="muted small">…and {problems.length - SHOWN} more (the CLI's `stepwise lint` lists them all).</li> : null}
    </ul>
  );
});
