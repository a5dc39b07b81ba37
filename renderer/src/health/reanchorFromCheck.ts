import type { AnchorResult } from '../../../shared/health/flowHealth';
import { anchoredElement } from '../../../shared/lint/anchorLint';
import type { Project } from '../../../shared/model/project';
import { undo, useDocumentStore } from '../store/documentStore';
import { notify } from '../store/uiStore';
import { currentAnchor } from './checkedAnchors';

/**
 * "Re-anchor": the step takes the selectors and fingerprint the live page suggests, as one undo
 * step. It stays on its screen with its box (the box is on the captured screenshot, the
 * suggestion's on the fresh one: "Replace screen" moves boxes and links the fresh map's entry).
 * Returns whether anything changed.
 */
export function reanchorFromCheck(result: AnchorResult): boolean {
  const suggestion = result.suggestion;
  const project = useDocumentStore.getState().project;
  if (!suggestion || !project || !currentAnchor(project, result.flowId, result.itemId)) return false;
  const before = project;
  // The captured map's entry stays linked (its name and breadcrumb in the inspector) only where lint
  // still sees it as the re-anchored element; else lint would call it "gone" and ask for a re-pick,
  // which would undo this. Replace screen links the fresh entry.
  const anchor = currentAnchor(project, result.flowId, result.itemId)!;
  const screen = project.screens.find((candidate) => candidate.id === anchor.screenId);
  const next = { ...anchor, selectors: [...suggestion.selectors], ...(suggestion.fingerprint ? { fingerprint: suggestion.fingerprint } : {}) };
  const keepsEntry = Boolean(anchor.elementId) && anchoredElement(next, screen)?.id === anchor.elementId;
  useDocumentStore.getState().change('Re-anchor from the live check', (draft) => {
    const target = currentAnchor(draft as Project, result.flowId, result.itemId);
    if (!target) return;
    target.selectors = [...suggestion.selectors];
    if (suggestion.fingerprint) target.fingerprint = structuredClone(suggestion.fingerprint);
    if (!keepsEntry) delete target.elementId;
  });
  if (useDocumentStore.getState().project === before) return false;
  notify('info', `${result.label} now points at ${suggestion.selectors[0]} first.`, { label: 'Undo', run: undo });
  return true;
}
