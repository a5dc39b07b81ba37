import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnchorResult } from '../../../shared/health/flowHealth';
import type { Box } from '../../../shared/model/geometry';
import type { ScreenImage } from '../../../shared/model/screen';
import { useApp } from '../app/appContext';
import { describeError } from '../app/projectSession';
import { useScreenImage } from '../preview/screenImages';
import { useDocumentStore } from '../store/documentStore';
import { notify, useUiStore } from '../store/uiStore';
import { Icon } from '../ui/Icon';
import { anchorKey, foreignCaptureHost, freshnessOf, isStale, plannedAnchors, showsFreshCapture, STATUS_LABELS, STATUS_MEANINGS } from './checkedAnchors';
import { useHealthCheck, type FinishedCheck } from './healthCheckStore';
import { FRESHNESS_NOTES } from './LiveCheckGroup';
import { reanchorFromCheck } from './reanchorFromCheck';
import { replaceWithFreshCapture } from './replaceWithFreshCapture';
import './health.css';

/** The last check's result for the selected step (or hotspot), unless the author closed the comparison. */
export function useComparedResult(): { check: FinishedCheck; result: AnchorResult } | null {
  const last = useHealthCheck((state) => state.last);
  const hidden = useHealthCheck((state) => state.compareHidden);
  const flowId = useUiStore((state) => state.selectedFlowId);
  const itemId = useUiStore((state) => state.selectedItemIds.at(-1));
  return useMemo(() => {
    if (!last || hidden || !flowId) return null;
    const result = last.report.anchors.find((candidate) => candidate.flowId === flowId && candidate.itemId === itemId);
    return result ? { check: last, result } : null;
  }, [last, hidden, flowId, itemId]);
}

/** At least this much of the page around the element (screenshot px), so the author sees where it is. */
const CONTEXT = { width: 720, height: 360 };

/** One screenshot, scaled and centred on `focus`, with `box` outlined. */
function ComparePane({ title, detail, image, box, focus, scale, tone, empty }: { title: string; detail?: string; image: ScreenImage | undefined; box: Box | undefined; focus: Box; scale: (pane: { width: number; height: number }) => number; tone: 'captured' | 'fresh'; empty: string }) {
  const { client } = useApp();
  const projectPath = useUiStore((state) => state.projectPath);
  const { url, error } = useScreenImage(client, projectPath, image?.file);
  const frame = useRef<HTMLDivElement>(null);
  const [pane, setPane] = useState({ width: 480, height: 220 });
  useEffect(() => {
    const element = frame.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => entry && setPane({ width: entry.contentRect.width, height: entry.contentRect.height }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const zoom = scale(pane);
  // The focus in the middle, but no empty margin past the image's edges where the image is big enough.
  const place = (centre: number, span: number, size: number) => {
    const offset = span / 2 - centre * zoom;
    if (size * zoom <= span) return (span - size * zoom) / 2;
    return Math.min(0, Math.max(span - size * zoom, offset));
  };
  const left = image ? place(focus.x + focus.width / 2, pane.width, image.width) : 0;
  const top = image ? place(focus.y + focus.height / 2, pane.height, image.height) : 0;
  return (
    <figure className={`health-pane health-pane-${tone}`}>
      <figcaption>
        <span className={`health-swatch health-swatch-${tone}`} aria-hidden="true" />
        <strong>{title}</strong>
        {detail ? <span className="muted" title={detail}> {detail}</span> : null}
      </figcaption>
      <div ref={frame} className="health-pane-frame">
        {image && url ? (
          <div className="health-pane-stage" style={{ width: image.width, height: image.height, transform: `translate(${left}px, ${top}px) scale(${zoom})` }}>
            <img src={url} width={image.width} height={image.height} alt={`${title} screenshot`} draggable={false} />
            {box ? <div className={`health-box health-box-${tone}`} style={{ left: box.x, top: box.y, width: box.width, height: box.height, outlineWidth: 2.5 / zoom, outlineOffset: 1 / zoom }} data-testid={`health-box-${tone}`} /> : null}
          </div>
        ) : (
          <p className="health-pane-empty muted small">{error ? `The screenshot could not be shown: ${error}` : image ? 'Loading…' : empty}</p>
        )}
        {image && url && !box ? <p className="health-pane-note small">{empty}</p> : null}
      </div>
    </figure>
  );
}

/**
 * Publishes the panel's height as --health-compare-height on the root, so notices (bottom left)
 * sit above the panel instead of over its note and actions.
 */
function usePublishedHeight(): (element: HTMLElement | null) => void {
  const [element, setElement] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!element) return;
    const root = document.documentElement.style;
    const publish = () => root.setProperty('--health-compare-height', `${element.offsetHeight}px`);
    publish();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(publish);
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      root.removeProperty('--health-compare-height');
    };
  }, [element]);
  return setElement;
}

/**
 * What the fixes below would do, in a line: where a suggestion comes from (another host than the
 * captured one: "Check against"), that the current selectors stay as fallbacks, and why a capture
 * of another host cannot replace the screen (the screen keeps its address: the next check of it
 * would find everything moved).
 */
function compareNote(result: AnchorResult, current: readonly string[], foreignHost: string | null, canReanchor: boolean, hasFreshCapture: boolean, remembered: boolean): string {
  const parts: string[] = [];
  const suggested = result.suggestion?.selectors ?? [];
  if (canReanchor) {
    const keeps = current.every((selector) => suggested.includes(selector));
    parts.push(`Re-anchor uses selectors from ${foreignHost ?? 'the live page'}${keeps ? '; the current ones stay as fallbacks' : ''}.`);
  }
  if (foreignHost && hasFreshCapture) parts.push(`This capture is from ${foreignHost}; to replace the screen, check the captured address.`);
  else if (remembered && hasFreshCapture) parts.push('This check is from an earlier session; to replace the screen, check flows again.');
  return parts.join(' ');
}

/**
 * Under the canvas, for the selected step that the last check looked at: the captured screenshot
 * beside the fresh one, the element outlined in each, the status with its reason, and the fixes:
 * Re-anchor (the suggested selectors) and Replace screen (the fresh capture), each one undo step.
 */
export function HealthCompare({ check, result }: { check: FinishedCheck; result: AnchorResult }) {
  const { client } = useApp();
  const project = useDocumentStore((state) => state.project);
  const [replacing, setReplacing] = useState(false);
  const panel = usePublishedHeight();
  const planned = useMemo(() => plannedAnchors(check.plan).get(anchorKey(result.flowId, result.itemId)), [check, result]);
  const plannedScreen = check.plan.screens.find((screen) => screen.screenId === result.screenId);
  const screenResult = check.report.screens.find((screen) => screen.screenId === result.screenId);
  if (!project || !planned) return null;
  const freshness = freshnessOf(project, planned, result, check);
  const stale = isStale(freshness);
  const canReanchor = Boolean(result.suggestion) && (result.status === 'changed' || result.status === 'moved') && !stale;
  const screen = project.screens.find((candidate) => candidate.id === result.screenId);
  const foreignHost = screen && screenResult ? foreignCaptureHost(screen, screenResult) : null;
  // A check recalled on reopening: the host no longer holds its fresh captures.
  const canReplace = Boolean(screen && screenResult?.freshImage) && !showsFreshCapture(screen, screenResult) && !foreignHost && !check.remembered;
  const note = compareNote(result, planned.selectors, foreignHost, canReanchor, Boolean(screenResult?.freshImage) && !showsFreshCapture(screen, screenResult), Boolean(check.remembered));
  // Both panes at one scale, so a change of size reads as one; the element and some page around it in view.
  const scale = (pane: { width: number; height: number }) => Math.min(1, pane.width / Math.max(CONTEXT.width, planned.box.width * 2.5), pane.height / Math.max(CONTEXT.height, planned.box.height * 2.5));
  const replace = async () => {
    setReplacing(true);
    try {
      await replaceWithFreshCapture(client, check, result.screenId);
    } catch (error) {
      notify('error', `The screen could not be replaced with the fresh capture: ${describeError(error)} Check flows again to take a new one.`);
    } finally {
      setReplacing(false);
    }
  };
  return (
    <section ref={panel} className="health-compare" aria-label="Live check comparison">
      <header className="health-compare-header">
        <span className={`health-status health-${result.status}`}>{STATUS_LABELS[result.status]}</span>
        <p className="health-compare-what" title={`${result.label}: ${result.reason ?? STATUS_MEANINGS[result.status]}${stale ? ` ${FRESHNESS_NOTES[freshness]}` : ''}`}>
          <strong>{result.label}</strong>: <span>{result.reason ?? STATUS_MEANINGS[result.status]}</span>
          {stale ? <span className="health-stale-note"> {FRESHNESS_NOTES[freshness]}</span> : null}
        </p>
        <button type="button" className="icon-button" aria-label="Close the comparison" title="Close the comparison" onClick={() => useHealthCheck.setState({ compareHidden: true })}>
          <Icon name="close" size={16} />
        </button>
      </header>
      <div className="health-compare-panes">
        <ComparePane title="Captured" detail={plannedScreen?.name} image={plannedScreen?.image} box={planned.box} focus={planned.box} scale={scale} tone="captured" empty="" />
        <ComparePane
          title="Live now"
          detail={screenResult?.url}
          image={screenResult?.freshImage}
          box={result.box}
          focus={result.box ?? planned.box}
          scale={scale}
          tone="fresh"
          empty={screenResult?.status === 'failed' ? `The page could not be checked: ${screenResult.error ?? 'it did not load'}` : result.box ? '' : 'Not found on the live page.'}
        />
      </div>
      <footer className="health-compare-actions">
        <p className="health-compare-note muted small" title={note}>
          {note}
        </p>
        {canReanchor ? (
          <button type="button" className="button small primary" title={`Use ${result.suggestion!.selectors[0]} and the fingerprint from the live page (one undo step)`} onClick={() => reanchorFromCheck(result)}>
            Re-anchor
          </button>
        ) : null}
        {canReplace ? (
          <button type="button" className="button small" disabled={replacing} title="The fresh screenshot and element map replace the captured ones; found steps move to their new boxes (one undo step)" onClick={() => void replace()}>
            {replacing ? 'Replacing…' : 'Replace screen with the fresh capture'}
          </button>
        ) : null}
      </footer>
    </section>
  );
}
