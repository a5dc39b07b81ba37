import type { AnchorResult } from '../../../shared/health/flowHealth';
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
  useDocumentStore.getState().change('Re-anchor from the live check', (draft) => {
    const anchor = currentAnchor(draft as Project, result.flowId, result.itemId);
    if (!anchor) return;
    anchor.selectors = [...suggestion.selectors];
    if (suggestion.fingerprint) anchor.fingerprint = structuredClone(suggestion.fingerprint);
    // The captured map has no entry for the element as the live page now has it: lint would call
    // the old entry "gone" and ask for a re-pick, which would undo this. Replace screen links the fresh entry.
    delete anchor.elementId;
  });
  if (useDocumentStore.getState().project === before) return false;
  notify('info', `${result.label} now points at ${suggestion.selectors[0]} first.`, { label: 'Undo', run: undo });
  return true;
}
