import { useEffect, useState } from 'react';
import { lintProject, type LintProblem } from '../../../shared/lint/lintProject';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';

const LINT_DELAY_MS = 400;

/** The project's lint problems, recomputed once the author pauses (linting 10,000 steps takes a moment). */
export function useLint(): LintProblem[] {
  const project = useDocumentStore((state) => state.project);
  const freshItemId = useUiStore((state) => state.freshItemId);
  // Not on first render: opening a large project must not wait for lint.
  const [problems, setProblems] = useState<LintProblem[]>([]);
  useEffect(() => {
    if (!project) return;
    // A step just added could not have been anchored yet: no error for that until the author leaves it.
    const notYet = (problem: LintProblem) => problem.code === 'noAnchor' && problem.itemId !== undefined && problem.itemId === freshItemId;
    const timer = setTimeout(() => setProblems(lintProject(project).filter((problem) => !notYet(problem))), LINT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [project, freshItemId]);
  return problems;
}

/** Shows where a problem is: the theme for contrast, else its flow and its step or item. */
export function showProblem(problem: LintProblem): void {
  if (problem.code === 'lowContrast') return useUiStore.setState({ inspectorTab: 'theme' });
  if (problem.flowId) useUiStore.setState({ selectedFlowId: problem.flowId, selectedItemIds: problem.itemId ? [problem.itemId] : [], inspectorTab: 'selection' });
}
