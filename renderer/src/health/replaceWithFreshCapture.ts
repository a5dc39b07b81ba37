import type { BuilderClient } from '../../../shared/api/client';
import type { AnchorResult } from '../../../shared/health/flowHealth';
import { overlapRatio, type Box } from '../../../shared/model/geometry';
import type { Project } from '../../../shared/model/project';
import type { MappedElement } from '../../../shared/model/screen';
import { undo, useDocumentStore } from '../store/documentStore';
import { notify, useUiStore } from '../store/uiStore';
import { anchorKey, currentAnchor, freshnessOf, plannedAnchors } from './checkedAnchors';
import type { FinishedCheck } from './healthCheckStore';


/** The fresh map's entry at a found element's box (the innermost of those that cover it almost exactly). */
function elementAt(elements: readonly MappedElement[], box: Box): MappedElement | undefined {
  let best: { element: MappedElement; score: number } | undefined;
  for (const element of elements) {
    const score = overlapRatio(element.box, box);
    if (score >= 0.9 && (!best || score >= best.score)) best = { element, score };
  }
  return best?.element;
}

/**
 * "Replace screen with the fresh capture": the screen keeps its id, name and address, and takes
 * the fresh screenshot and element map; each anchor on it that the check found (and that was not
 * edited since, other than re-anchored) moves to its fresh box and map entry. One undo step. Anchors not found stay where
 * they were, so the canvas still shows what they meant.
 */
export async function replaceWithFreshCapture(client: BuilderClient, check: FinishedCheck, screenId: string): Promise<boolean> {
  const fresh = await client.call('health.freshScreen', { jobId: check.jobId, screenId });
  const project = useDocumentStore.getState().project;
  const screen = project?.screens.find((candidate) => candidate.id === screenId);
  if (!project || !screen) return false;
  const planned = plannedAnchors(check.plan);
  // Re-anchored from this check is still the element found there; edited some other way, the author's word wins.
  const found = check.report.anchors.filter((result): result is AnchorResult & { box: Box } => {
    if (result.screenId !== screenId || !result.box) return false;
    const freshness = freshnessOf(project, planned.get(anchorKey(result.flowId, result.itemId)), result);
    return freshness === 'current' || freshness === 'reanchored';
  });
  useDocumentStore.getState().change('Replace screen with the fresh capture', (draft) => {
    const target = draft.screens.find((candidate) => candidate.id === screenId);
    if (!target) return;
    target.image = fresh.image;
    target.elements = fresh.elements;
    if (fresh.capturedAt) target.capturedAt = fresh.capturedAt;
    for (const result of found) {
      const anchor = currentAnchor(draft as Project, result.flowId, result.itemId);
      if (!anchor || anchor.screenId !== screenId) continue;
      anchor.box = { ...result.box };
      const elementId = result.suggestion?.elementId ?? elementAt(fresh.elements, result.box)?.id;
      if (elementId) anchor.elementId = elementId;
      else delete anchor.elementId;
    }
  });
  useUiStore.setState({ selectedScreenId: screenId, selectedElementId: null });
  notify('info', `“${screen.name}” now shows the fresh capture${found.length ? `; ${found.length === 1 ? '1 anchor moved' : `${found.length} anchors moved`} to where the check found ${found.length === 1 ? 'it' : 'them'}` : ''}.`, { label: 'Undo', run: undo });
  return true;
}
