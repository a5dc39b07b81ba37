import { fixedSelectors } from '../../../shared/lint/anchorLint';
import type { LintProblem } from '../../../shared/lint/lintProject';
import type { Anchor } from '../../../shared/model/anchor';
import type { Project } from '../../../shared/model/project';
import { undo, useDocumentStore } from '../store/documentStore';
import { notify } from '../store/uiStore';

/** The anchor a problem is about: its flow's step (itemId) or hotspot (no itemId). */
function anchorOf(project: Project, flowId: string, itemId: string | undefined): Anchor | undefined {
  const flow = project.flows.find((candidate) => candidate.id === flowId);
  if (flow?.kind === 'tour') return flow.tour.steps.find((step) => step.id === itemId)?.anchor;
  if (flow?.kind === 'hotspot' && !itemId) return flow.hotspot.anchor;
  return undefined;
}

/** What the fix button says: "Use a[href="tables.html"]". */
export function fixLabel(fix: NonNullable<LintProblem['fix']>): string {
  return fix.kind === 'useSelector' ? `Use ${fix.selector}` : 'Copy fingerprint';
}

/**
 * Applies a lint problem's fix to the anchor as it is now (lint may be a moment behind the
 * document), as one undo step, and says what changed with an Undo button.
 */
export function applyLintFix(problem: LintProblem): void {
  const { fix, flowId, itemId } = problem;
  const project = useDocumentStore.getState().project;
  const anchor = project && flowId ? anchorOf(project, flowId, itemId) : undefined;
  if (!fix || !project || !flowId || !anchor) return;
  const screen = project.screens.find((candidate) => candidate.id === anchor.screenId);
  const element = screen?.elements.find((candidate) => candidate.id === fix.elementId);
  if (!element) return;
  useDocumentStore.getState().change(fix.kind === 'useSelector' ? 'Use a steadier selector' : 'Copy fingerprint', (draft) => {
    const target = anchorOf(draft as Project, flowId, itemId);
    if (!target) return;
    if (fix.kind === 'useSelector') {
      target.selectors = fixedSelectors(anchor, screen, fix.selector, element.id);
      // After a new capture the element may have another id and box: the anchor follows it.
      target.elementId = element.id;
      target.box = { ...element.box };
      if (element.fingerprint && !anchor.fingerprint) target.fingerprint = structuredClone(element.fingerprint);
    } else if (element.fingerprint) {
      target.fingerprint = structuredClone(element.fingerprint);
    }
  });
  notify('info', fix.kind === 'useSelector' ? `The anchor now uses ${fix.selector} first.` : 'The anchor now has the fingerprint of its element.', { label: 'Undo', run: undo });
}
