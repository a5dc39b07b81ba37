import type { Anchor } from '../../../shared/model/anchor';
import type { Project } from '../../../shared/model/project';

/** The anchor as authored (screen and captured box) behind what the player asks to resolve. */
export function authoredAnchor(project: Project, flowId: string, stepId?: string): Anchor | undefined {
  const flow = project.flows.find((candidate) => candidate.id === flowId);
  if (flow?.kind === 'tour') return flow.tour.steps.find((step) => step.id === stepId)?.anchor;
  if (flow?.kind === 'hotspot') return flow.hotspot.anchor;
  return undefined;
}

/** The screen a flow starts on: its first anchored step's, or the project's first screen. */
export function firstScreenOf(project: Project, flowId: string): string | null {
  const flow = project.flows.find((candidate) => candidate.id === flowId);
  const anchor = flow?.kind === 'tour' ? flow.tour.steps.find((step) => step.anchor)?.anchor : flow?.kind === 'hotspot' ? flow.hotspot.anchor : undefined;
  return anchor?.screenId ?? project.screens[0]?.id ?? null;
}
