import { useEffect, useState } from 'react';
import { lintProject, type LintProblem } from '../../../shared/lint/lintProject';
import { useDocumentStore } from '../store/documentStore';

const LINT_DELAY_MS = 400;

/** The project's lint problems, recomputed once the author pauses (linting 10,000 steps takes a moment). */
export function useLint(): LintProblem[] {
  const project = useDocumentStore((state) => state.project);
  // Not on first render: opening a large project must not wait for lint.
  const [problems, setProblems] = useState<LintProblem[]>([]);
  useEffect(() => {
    if (!project) return;
    const timer = setTimeout(() => setProblems(lintProject(project)), LINT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [project]);
  return problems;
}

/** Shows where a problem is: its flow, and its step or item. */
export function selectProblem(problem: LintProblem, select: (state: { selectedFlowId: string; selectedItemIds: string[]; inspectorTab: 'selection' | 'theme' }) => void): void {
  if (problem.code === 'lowContrast') return select({ selectedFlowId: '', selectedItemIds: [], inspectorTab: 'theme' });
  if (problem.flowId) select({ selectedFlowId: problem.flowId, selectedItemIds: problem.itemId ? [problem.itemId] : [], inspectorTab: 'selection' });
}
