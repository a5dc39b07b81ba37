import { fixedSelectors } from '../../../shared/lint/anchorLint';
import type { LintProblem } from '../../../shared/lint/lintProject';
import type { Anchor } from '../../../shared/model/anchor';
import type { Project } from '../../../shared/model/project';
import { anchorFromElement } from '../canvas/anchorFromElement';
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
  return { useSelector: `Use ${fix.kind === 'useSelector' ? fix.selector : ''}`, copyFingerprint: 'Copy fingerprint', repick: 'Update the anchor' }[fix.kind];
}

const UNDO_LABEL = { useSelector: 'Use a steadier selector', copyFingerprint: 'Copy fingerprint', repick: 'Update anchor from the new capture' } as const;

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
  useDocumentStore.getState().change(UNDO_LABEL[fix.kind], (draft) => {
    const target = anchorOf(draft as Project, flowId, itemId);
    if (!target) return;
    if (fix.kind === 'repick') {
      const fresh = anchorFromElement(screen!.id, element);
      target.elementId = fresh.elementId;
      target.selectors = fresh.selectors;
      target.box = fresh.box;
      if (fresh.fingerprint) target.fingerprint = fresh.fingerprint;
    } else if (fix.kind === 'useSelector') {
      target.selectors = fixedSelectors(anchor, screen, fix.selector, element.id);
      // After a new capture the element may have another id and box: the anchor follows it.
      target.elementId = element.id;
      target.box = { ...element.box };
      if (element.fingerprint && !anchor.fingerprint) target.fingerprint = structuredClone(element.fingerprint);
    } else if (element.fingerprint) {
      target.fingerprint = structuredClone(element.fingerprint);
    }
  });
  const done = { useSelector: `The anchor now uses ${fix.kind === 'useSelector' ? fix.selector : ''} first.`, copyFingerprint: 'The anchor now has the fingerprint of its element.', repick: `The anchor now points at ${element.name?.trim() || element.selector} as captured last.` }[fix.kind];
  notify('info', done, { label: 'Undo', run: undo });
}
