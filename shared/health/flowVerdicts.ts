import type { AnchorResult, FlowVerdict, HealthPlan, UncheckedAnchor } from './flowHealth';

/** One verdict per flow of the plan, from its anchors' results; anchors of failed screens count as unchecked. */
export function flowVerdicts(plan: HealthPlan, results: readonly AnchorResult[], unchecked: readonly UncheckedAnchor[], failedScreens: ReadonlySet<string>): FlowVerdict[] {
  return plan.flows.map(({ flowId, name }) => {
    const counts = { ok: 0, moved: 0, changed: 0, ambiguous: 0, missing: 0, unchecked: 0 };
    for (const result of results) if (result.flowId === flowId) counts[result.status]++;
    counts.unchecked += unchecked.filter((anchor) => anchor.flowId === flowId).length;
    for (const screen of plan.screens) if (failedScreens.has(screen.screenId)) counts.unchecked += screen.anchors.filter((anchor) => anchor.flowId === flowId).length;
    const checked = counts.ok + counts.moved + counts.changed + counts.ambiguous + counts.missing;
    const failedScreen = plan.screens.some((screen) => failedScreens.has(screen.screenId) && screen.anchors.some((anchor) => anchor.flowId === flowId));
    const verdict: FlowVerdict['verdict'] =
      counts.missing || counts.ambiguous || failedScreen ? 'broken' : counts.changed ? 'attention' : checked === 0 ? 'unchecked' : 'ok';
    return { flowId, name, verdict, counts };
  });
}
