import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { lintProject, type LintProblem } from '../../../shared/lint/lintProject';
import type { Project } from '../../../shared/model/project';
import { useDocumentStore } from '../store/documentStore';

/** One problem of the resource center as shown beside what it names. */
export interface PlacedProblem {
  severity: LintProblem['severity'];
  message: string;
}

/** The resource center's lint problems by the section, article or image they name ('' for the whole resource center). */
type ProblemsById = ReadonlyMap<string, PlacedProblem[]>;

const ProblemsContext = createContext<ProblemsById>(new Map());

function placeProblems(problems: readonly LintProblem[], flowId: string): ProblemsById {
  const byId = new Map<string, PlacedProblem[]>();
  const put = (id: string, problem: PlacedProblem) => byId.set(id, [...(byId.get(id) ?? []), problem]);
  for (const problem of problems) {
    // Translation progress is one summary per language, for the Problems panel; here, what is wrong.
    if (problem.flowId !== flowId || problem.code === 'untranslated') continue;
    put(problem.itemId ?? '', { severity: problem.severity, message: problem.message });
  }
  return byId;
}

const LINT_DELAY_MS = 400;
/** The outline and the inspector show the same document's problems: one lint of it serves both. */
const linted = new WeakMap<Project, LintProblem[]>();

function lintOnce(project: Project): LintProblem[] {
  let problems = linted.get(project);
  if (!problems) linted.set(project, (problems = lintProject(project)));
  return problems;
}

/** The project's lint problems once the author pauses, as the Problems panel has them (a large project takes a moment to lint). */
function usePausedLint(): LintProblem[] {
  const project = useDocumentStore((state) => state.project);
  const [problems, setProblems] = useState<LintProblem[]>([]);
  useEffect(() => {
    if (!project) return;
    const timer = setTimeout(() => setProblems(lintOnce(project)), LINT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [project]);
  return problems;
}

/** Lints once for the outline or the inspector of one resource center and hands the problems to the fields below. */
export function ResourceCenterProblems({ flowId, children }: { flowId: string; children: ReactNode }) {
  const problems = usePausedLint();
  const byId = useMemo(() => placeProblems(problems, flowId), [problems, flowId]);
  return <ProblemsContext.Provider value={byId}>{children}</ProblemsContext.Provider>;
}

export function useProblemsOf(...ids: string[]): PlacedProblem[] {
  const byId = useContext(ProblemsContext);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The problems lint finds in what an inspector shows, at its top, worded as the Problems panel words them. */
export function ProblemNotes({ ids, label }: { ids: string[]; label: string }) {
  const problems = useProblemsOf(...ids);
  if (!problems.length) return null;
  return (
    <ul className="rc-problems" aria-label={label}>
      {problems.map((problem, index) => (
        <li key={index} className={`rc-problem rc-problem-${problem.severity}`}>
          <span className="rc-problem-severity">{problem.severity === 'error' ? 'Error' : 'Warning'}</span> {problem.message}
        </li>
      ))}
    </ul>
  );
}

/** A small mark on an outline row: how many problems it has, the messages on hover and for screen readers. */
export function ProblemBadge({ ids }: { ids: string[] }) {
  const problems = useProblemsOf(...ids);
  if (!problems.length) return null;
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const text = problems.map((problem) => problem.message).join('\n');
  const summary = errors ? `${errors} error${errors === 1 ? '' : 's'}` : `${problems.length} warning${problems.length === 1 ? '' : 's'}`;
  return (
    <span role="img" className={`rc-badge${errors ? ' rc-badge-error' : ''}`} title={text} aria-label={`${summary}: ${text}`}>
      {errors || problems.length}
    </span>
  );
}
