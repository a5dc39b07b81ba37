import { useEffect, useMemo, useState } from 'react';
import { PROBLEM_STATUSES, type AnchorResult, type FlowVerdict, type ScreenResult } from '../../../shared/health/flowHealth';
import { CommandButton } from '../app/CommandButton';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { timeAgo } from '../screens/captureBrowser/relativeTime';
import { anchorKey, describeVerdicts, freshnessOf, isStale, plannedAnchors, STATUS_LABELS, STATUS_MEANINGS, type ResultFreshness } from './checkedAnchors';
import { cancelHealthCheck, useHealthCheck } from './healthCheckStore';
import { HealthProgress } from './HealthProgress';
import { reanchorFromCheck } from './reanchorFromCheck';
import './health.css';

const SHOWN = 200;
/** Worst first: what does not show at all, then what shows by luck. */
const ORDER: Record<AnchorResult['status'], number> = { missing: 0, ambiguous: 1, changed: 2, moved: 3, ok: 4 };

/** Shows a result where it is: its flow and step selected, its screen on the canvas, the comparison open. */
export function showResult(result: Pick<AnchorResult, 'flowId' | 'itemId' | 'screenId'>): void {
  useUiStore.setState({ selectedFlowId: result.flowId, selectedItemIds: result.itemId ? [result.itemId] : [], selectedScreenId: result.screenId, selectedElementId: null, inspectorTab: 'selection', previewFlowId: null });
  useHealthCheck.setState({ compareHidden: false });
}

/** "Checked just now" stays true as time passes: re-rendered every half minute. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export const FRESHNESS_NOTES: Record<Exclude<ResultFreshness, 'current' | 'gone'>, string> = {
  reanchored: 'Re-anchored since the check: check again to confirm.',
  edited: 'The anchor was edited since the check: this result may be out of date.',
  replaced: 'Checked before the screen was replaced: check again.',
};

function ResultRow({ result, freshness }: { result: AnchorResult; freshness: ResultFreshness }) {
  const stale = isStale(freshness);
  return (
    <li className={`health-row health-${result.status}${stale ? ' stale' : ''}`}>
      <div className="problem-line">
        <button type="button" className="problem-main" onClick={() => showResult(result)}>
          <span className={`health-status health-${result.status}`}>{STATUS_LABELS[result.status]}</span>
          <span>
            {result.label}: {result.reason ?? STATUS_MEANINGS[result.status]}
            {stale ? <span className="health-stale-note"> {FRESHNESS_NOTES[freshness]}</span> : null}
          </span>
        </button>
      </div>
      {result.suggestion && result.status === 'changed' && !stale ? (
        <div className="problem-fix-row">
          <button type="button" className="button small problem-fix" title="Use the selectors and fingerprint the live page suggests (one undo step)" onClick={() => reanchorFromCheck(result)}>
            Re-anchor
          </button>
        </div>
      ) : null}
    </li>
  );
}

const VERDICT_LABELS: Record<FlowVerdict['verdict'], string> = { ok: 'OK', attention: 'Needs attention', broken: 'Broken', unchecked: 'Not checked' };
const VERDICT_ORDER: Record<FlowVerdict['verdict'], number> = { broken: 0, attention: 1, unchecked: 2, ok: 3 };

/** "1 missing · 1 changed · 2 not checked". */
function describeCounts(counts: FlowVerdict['counts']): string {
  const parts = (['missing', 'ambiguous', 'changed', 'moved'] as const).filter((status) => counts[status]).map((status) => `${counts[status]} ${status}`);
  if (counts.unchecked) parts.push(`${counts.unchecked} not checked`);
  return parts.join(' · ');
}

/** Each flow with its rows, at most `limit` rows in all (a huge check must not make thousands of buttons). */
function groupByFlow<Row extends { result: AnchorResult }>(flows: readonly FlowVerdict[], rows: readonly Row[], limit: number): Array<{ flow: FlowVerdict; rows: Row[] }> {
  const groups: Array<{ flow: FlowVerdict; rows: Row[] }> = [];
  let room = limit;
  for (const flow of flows) {
    const flowRows = rows.filter((row) => row.result.flowId === flow.flowId).slice(0, Math.max(0, room));
    room -= flowRows.length;
    groups.push({ flow, rows: flowRows });
  }
  return groups;
}

/** A flow that is not ok: its verdict and counts; a click selects it. Its steps' lines follow. */
function FlowRow({ flow }: { flow: FlowVerdict }) {
  return (
    <li className="health-flow-row">
      <button type="button" className="health-flow-line" onClick={() => useUiStore.setState({ selectedFlowId: flow.flowId, selectedItemIds: [], inspectorTab: 'selection', previewFlowId: null })}>
        <strong>{flow.name}</strong>
        <span className={`health-verdict health-verdict-${flow.verdict}`}>{VERDICT_LABELS[flow.verdict]}</span>
        <span className="muted">{describeCounts(flow.counts)}</span>
      </button>
    </li>
  );
}

function FailedScreenRow({ screen }: { screen: ScreenResult }) {
  return (
    <li className="health-row health-failed">
      <div className="problem-line">
        <button type="button" className="problem-main" onClick={() => useUiStore.setState({ selectedScreenId: screen.screenId, selectedElementId: null })}>
          <span className="health-status health-failed">Failed</span>
          <span>
            Screen “{screen.name}” could not be checked: {screen.error ?? 'the page did not load'}
          </span>
        </button>
      </div>
    </li>
  );
}

/**
 * The Problems panel's "Live check" group: the Check flows button, progress while a check runs, then a summary per flow
 * and one line per failed screen and per step that would not play as authored (missing,
 * ambiguous, changed), each selectable; a changed step can be re-anchored from its line.
 */
export function LiveCheckGroup() {
  const running = useHealthCheck((state) => state.running);
  const last = useHealthCheck((state) => state.last);
  const error = useHealthCheck((state) => state.error);
  const project = useDocumentStore((state) => state.project);
  const now = useMinuteClock();
  const planned = useMemo(() => (last ? plannedAnchors(last.plan) : null), [last]);
  const rows = useMemo(() => {
    if (!last || !project || !planned) return [];
    return last.report.anchors
      .filter((result) => PROBLEM_STATUSES.includes(result.status))
      .map((result) => ({ result, freshness: freshnessOf(project, planned.get(anchorKey(result.flowId, result.itemId)), result, last) }))
      .filter((row) => row.freshness !== 'gone')
      .sort((a, b) => ORDER[a.result.status] - ORDER[b.result.status]);
  }, [last, project, planned]);
  // Moved steps still play: each has its line too, folded away under their count.
  const movedRows = useMemo(() => {
    if (!last || !project || !planned) return [];
    return last.report.anchors
      .filter((result) => result.status === 'moved')
      .map((result) => ({ result, freshness: freshnessOf(project, planned.get(anchorKey(result.flowId, result.itemId)), result, last) }))
      .filter((row) => row.freshness !== 'gone')
      .slice(0, SHOWN);
  }, [last, project, planned]);
  // Worst flows first, each followed by its steps' lines (worst first); flows that are ok get no line.
  const groups = useMemo(() => {
    const flows = (last?.report.flows ?? []).filter((flow) => flow.verdict !== 'ok').sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict]);
    return groupByFlow(flows, rows, SHOWN);
  }, [last, rows]);
  const failed = last?.report.screens.filter((screen) => screen.status === 'failed') ?? [];
  const moved = last?.report.anchors.filter((result) => result.status === 'moved').length ?? 0;
  const checkedScreens = last?.report.screens.length ?? 0;
  return (
    <section className="live-check" aria-labelledby="live-check-heading">
      <div className="live-check-header">
        <h3 id="live-check-heading" className="live-check-heading">
          Live check
        </h3>
        <CommandButton command="health.check" className="button small">
          Check flows
        </CommandButton>
      </div>
      {!running && !last && !error ? <p className="muted small">Looks for every anchored step on the live product (or staging), as the player would.</p> : null}
      {running ? (
        <div className="live-check-running">
          <HealthProgress running={running} />
          <button type="button" className="button small" disabled={running.cancelling || !running.jobId} onClick={() => void cancelHealthCheck()}>
            Cancel
          </button>
        </div>
      ) : null}
      {error && !running ? (
        <p className="form-error small" role="alert">
          {error}
        </p>
      ) : null}
      {last ? (
        <>
          <p className="live-check-summary" data-testid="live-check-summary">
            Checked {timeAgo(last.report.checkedAt, now)}
            {last.report.baseUrl ? ` against ${last.report.baseUrl}` : ''}
            {last.cancelled ? ` (cancelled after ${checkedScreens} of ${last.plan.screens.length} screens)` : ''}: {describeVerdicts(last.report.flows)}
            {moved ? ` · ${moved} moved (${moved === 1 ? 'it still plays' : 'they still play'})` : ''}
          </p>
          {!failed.length && !groups.length ? (
            <p className="muted small">Every checked step was found on the live page.</p>
          ) : null}
          {failed.length || groups.length || movedRows.length ? (
            <ul className="problem-list live-check-list" aria-label="Live check results">
              {failed.map((screen) => (
                <FailedScreenRow key={screen.screenId} screen={screen} />
              ))}
              {groups.map(({ flow, rows: flowRows }) => [
                <FlowRow key={flow.flowId} flow={flow} />,
                ...flowRows.map(({ result, freshness }) => <ResultRow key={anchorKey(result.flowId, result.itemId)} result={result} freshness={freshness} />),
              ])}
              {rows.length > SHOWN ? <li className="muted small">…and {rows.length - SHOWN} more (`stepwise check` lists them all).</li> : null}
              {movedRows.length ? (
                <li className="health-moved-group">
                  <details>
                    <summary>
                      {movedRows.length} moved ({movedRows.length === 1 ? 'it still plays' : 'they still play'})
                    </summary>
                    <ul className="problem-list" aria-label="Moved steps">
                      {movedRows.map(({ result, freshness }) => (
                        <ResultRow key={anchorKey(result.flowId, result.itemId)} result={result} freshness={freshness} />
                      ))}
                    </ul>
                  </details>
                </li>
              ) : null}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
