import { useState } from 'react';
import { LiveCheckGroup } from '../health/LiveCheckGroup';
import { ProblemsList } from './ProblemsList';
import { useLint } from './useLint';

const countOf = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The sidebar's Problems panel: what would stop or spoil an export, live, and what the last check of the live product found. */
export function ProblemsPanel() {
  const problems = useLint();
  const [open, setOpen] = useState(true);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return (
    <section className="panel" aria-labelledby="problems-heading">
      <header className="panel-header">
        <h2 id="problems-heading">
          <button type="button" className="panel-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
            Problems
          </button>{' '}
          <span className={`panel-count${errors ? ' has-errors' : ''}`}>
            {countOf(errors, 'error')} · {countOf(problems.length - errors, 'warning')}
          </span>
        </h2>
      </header>
      {open ? (
        <>
          <LiveCheckGroup />
          <ProblemsList problems={problems} />
        </>
      ) : null}
    </section>
  );
}
