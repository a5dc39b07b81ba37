import type { AnchorResult, FlowVerdict, HealthPlan, HealthReport, PlannedAnchor, ScreenResult } from '../../../shared/health/flowHealth';
import type { Anchor } from '../../../shared/model/anchor';
import type { Project } from '../../../shared/model/project';
import type { Screen } from '../../../shared/model/screen';

/** One key per checked anchor: a tour step's (flow and step) or a hotspot's (flow only). */
export const anchorKey = (flowId: string, itemId?: string) => `${flowId}/${itemId ?? ''}`;

/** The anchor a result is about, as it is in the document now: its flow's step (itemId) or hotspot (no itemId). */
export function currentAnchor(project: Project, flowId: string, itemId: string | undefined): Anchor | undefined {
  const flow = project.flows.find((candidate) => candidate.id === flowId);
  if (flow?.kind === 'tour') return itemId ? flow.tour.steps.find((step) => step.id === itemId)?.anchor : undefined;
  if (flow?.kind === 'hotspot' && !itemId) return flow.hotspot.anchor;
  return undefined;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/** Whether the anchor is still the one that was checked (selectors, fingerprint and box). */
export function isCheckedAnchor(planned: PlannedAnchor, anchor: Anchor): boolean {
  const box = anchor.box;
  return (
    sameList(planned.selectors, anchor.selectors) &&
    JSON.stringify(planned.fingerprint ?? null) === JSON.stringify(anchor.fingerprint ?? null) &&
    Boolean(box) &&
    box!.x === planned.box.x &&
    box!.y === planned.box.y &&
    box!.width === planned.box.width &&
    box!.height === planned.box.height
  );
}

/**
 * current: the anchor is as checked. reanchored: it now has the suggested selectors. edited: it was
 * changed some other way since, so the result may no longer hold. replaced: its screen now shows
 * the check's fresh capture (boxes and map moved: the result, and its suggestion, describe the
 * screen before). gone: the step or its anchor was removed.
 */
export type ResultFreshness = 'current' | 'reanchored' | 'edited' | 'replaced' | 'gone';

/** Whether a result no longer describes the anchor as it is (it is marked, and offers no fix). */
export const isStale = (freshness: ResultFreshness): freshness is 'reanchored' | 'edited' | 'replaced' => freshness === 'reanchored' || freshness === 'edited' || freshness === 'replaced';

/** A check's plan and report: what was checked and what was found. */
export interface CheckedScreens {
  plan: HealthPlan;
  report: HealthReport;
}

/** Whether the screen already shows the fresh capture of this check. */
export function showsFreshCapture(screen: Screen | undefined, screenResult: ScreenResult | undefined): boolean {
  return Boolean(screen && screenResult?.freshImage && screen.image.file === screenResult.freshImage.file);
}

/**
 * Whether Replace screen put this check's fresh capture on the screen. Images are named by their
 * content: a page that looks exactly as captured gives the same file, and that screen was not replaced.
 */
export function wasReplaced(screen: Screen | undefined, check: CheckedScreens): boolean {
  if (!screen) return false;
  const screenResult = check.report.screens.find((candidate) => candidate.screenId === screen.id);
  const checkedImage = check.plan.screens.find((candidate) => candidate.screenId === screen.id)?.image.file;
  return showsFreshCapture(screen, screenResult) && checkedImage !== screenResult?.freshImage?.file;
}

/** `check`: the check the result is from, so that a result of a screen replaced since reads as such. */
export function freshnessOf(project: Project, planned: PlannedAnchor | undefined, result: AnchorResult, check?: CheckedScreens): ResultFreshness {
  const anchor = currentAnchor(project, result.flowId, result.itemId);
  if (!anchor) return 'gone';
  if (check && wasReplaced(project.screens.find((candidate) => candidate.id === result.screenId), check)) return 'replaced';
  if (planned && isCheckedAnchor(planned, anchor)) return 'current';
  if (result.suggestion && sameList(result.suggestion.selectors, anchor.selectors)) return 'reanchored';
  return 'edited';
}

/** The checked anchors of a plan, by key. */
export function plannedAnchors(plan: HealthPlan): Map<string, PlannedAnchor & { screenId: string }> {
  const byKey = new Map<string, PlannedAnchor & { screenId: string }>();
  for (const screen of plan.screens) for (const anchor of screen.anchors) byKey.set(anchorKey(anchor.flowId, anchor.itemId), { ...anchor, screenId: screen.screenId });
  return byKey;
}

const parse = (address: string): URL | null => {
  try {
    return new URL(address);
  } catch {
    return null;
  }
};

/**
 * The host a fresh capture came from when it is not the screen's own ("Check against" staging):
 * such a capture must not replace the screen, which keeps its address (the next check of that
 * address would find everything moved). Null when it is the captured address's host.
 */
export function foreignCaptureHost(screen: Screen, screenResult: ScreenResult): string | null {
  if (screen.source.kind !== 'url') return null;
  const checked = parse(screenResult.url);
  const captured = parse(screen.source.url);
  if (!checked || !captured || checked.origin === captured.origin) return null;
  return checked.host === captured.host ? checked.origin : checked.host;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "12 screens, 48 anchored steps and 1 hotspot; 2 steps on image screens cannot be checked". */
export function describePlan(plan: HealthPlan, project: Project): string {
  const anchors = plan.screens.flatMap((screen) => screen.anchors);
  const steps = anchors.filter((anchor) => anchor.itemId).length;
  const hotspots = anchors.length - steps;
  const what = [steps || !hotspots ? plural(steps, 'anchored step') : '', hotspots ? plural(hotspots, 'hotspot') : ''].filter(Boolean).join(' and ');
  const parts = [`${plural(plan.screens.length, 'screen')}, ${what}`];
  // Why each unchecked anchor is left out, from the project (the plan's reasons are sentences for the CLI).
  let onImages = 0;
  let unplaced = 0;
  for (const unchecked of plan.unchecked) {
    const anchor = currentAnchor(project, unchecked.flowId, unchecked.itemId);
    const screen = project.screens.find((candidate) => candidate.id === anchor?.screenId);
    if (screen?.source.kind === 'image' && anchor?.box) onImages++;
    else unplaced++;
  }
  const noun = (count: number) => plural(count, 'step');
  if (onImages) parts.push(`${noun(onImages)} on image screens cannot be checked (there is no page to load)`);
  if (unplaced) parts.push(`${noun(unplaced)} not placed on a screen cannot be checked`);
  return parts.join('; ');
}

/** "3 flows ok, 1 needs attention, 1 broken". */
export function describeVerdicts(flows: readonly FlowVerdict[]): string {
  const count = (verdict: FlowVerdict['verdict']) => flows.filter((flow) => flow.verdict === verdict).length;
  const parts = [
    count('ok') ? `${plural(count('ok'), 'flow')} ok` : '',
    count('attention') ? `${count('attention')} need${count('attention') === 1 ? 's' : ''} attention` : '',
    count('broken') ? `${count('broken')} broken` : '',
    count('unchecked') ? `${count('unchecked')} not checked` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no flows with anchors';
}

/** "1 flow broken, 3 steps changed, 1 screen could not be loaded"; empty when the check found nothing to fix. */
export function describeProblems(report: HealthReport): string {
  const flows = (verdict: FlowVerdict['verdict']) => report.flows.filter((flow) => flow.verdict === verdict).length;
  const steps = (status: AnchorResult['status']) => report.anchors.filter((anchor) => anchor.status === status).length;
  const failed = report.screens.filter((screen) => screen.status === 'failed').length;
  return [
    flows('broken') ? `${plural(flows('broken'), 'flow')} broken` : '',
    flows('attention') ? `${plural(flows('attention'), 'flow')} need${flows('attention') === 1 ? 's' : ''} attention` : '',
    ...(['missing', 'ambiguous', 'changed'] as const).map((status) => (steps(status) ? `${plural(steps(status), 'step')} ${status}` : '')),
    failed ? `${plural(failed, 'screen')} could not be loaded` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

export const STATUS_LABELS: Record<AnchorResult['status'], string> = { ok: 'OK', moved: 'Moved', changed: 'Changed', ambiguous: 'Ambiguous', missing: 'Missing' };

/** What a status means for someone who has not read the docs. */
export const STATUS_MEANINGS: Record<AnchorResult['status'], string> = {
  ok: 'found where it was captured',
  moved: 'found, somewhere else on the page: it still plays',
  changed: 'found only by a fallback selector or by what it looks like: it still plays, but its selectors are out of date',
  ambiguous: 'several elements fit equally well: the player will not guess, so the step does not show',
  missing: 'not found on the page: the step does not show',
};
