import { createMemoryStorage, createPlayer, type Player, type PlayerEvent } from '@stepwise/player';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { localeDisplayName } from '../../../shared/model/locales';
import type { Project } from '../../../shared/model/project';
import { useApp } from '../app/appContext';
import { Icon } from '../ui/Icon';
import { isPlaced } from '../../../shared/model/anchor';
import { authoredAnchor, firstScreenOf } from './authoredAnchor';
import { flowNameAt, tryBuildBundle } from './tryBuildBundle';
import { PreviewProblems } from './PreviewProblems';
import { PreviewEnd, type PreviewEnding } from './PreviewEnd';
import { useScreenImage } from './screenImages';
import { bundleImageFiles } from '../../../shared/bundle/bundleImageData';
import { useImageData } from './bundleImages';

function describe(event: PlayerEvent): string {
  const extra =
    event.type === 'step_viewed' || event.type === 'step_completed'
      ? ` ${event.stepIndex + 1}/${event.stepCount}`
      : event.type === 'survey_answered'
        ? ` ${event.score} (${event.band})`
        : event.type === 'flow_dismissed'
          ? ` (${event.reason})`
          : '';
  return `${event.type}${extra}`;
}

interface FlowPreviewProps {
  project: Project;
  projectPath: string;
  flowId: string;
  onClose(): void;
}

/**
 * Plays a flow with the real @stepwise/player over the project's screenshots: each anchor is
 * resolved to a box placed where the element was captured, so the preview never needs the live site.
 */
export function FlowPreview({ project, projectPath, flowId, onClose }: FlowPreviewProps) {
  const { client } = useApp();
  const [screenId, setScreenId] = useState(() => firstScreenOf(project, flowId));
  const [locale, setLocale] = useState(project.locales.defaultLocale);
  const [run, setRun] = useState(0);
  const [events, setEvents] = useState<PlayerEvent[]>([]);
  const [ending, setEnding] = useState<PreviewEnding | null>(null);
  const player = useRef<Player | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const shown = useRef<{ screenId: string | null; waiters: Map<string, () => void> }>({ screenId, waiters: new Map() });
  const screen = project.screens.find((candidate) => candidate.id === screenId);
  const image = useScreenImage(client, projectPath, screen?.image.file);
  const flow = project.flows.find((candidate) => candidate.id === flowId);
  // Article images travel inside the bundle: read them first (cached), then build.
  const imageData = useImageData(client, projectPath, bundleImageFiles(project));
  const built = useMemo(() => (imageData ? tryBuildBundle(project, { imageData }) : null), [project, imageData]);

  /** Shows a screen and resolves once its screenshot is laid out. */
  const showScreen = useCallback(
    (id: string) =>
      new Promise<void>((resolve) => {
        if (shown.current.screenId === id && frame.current?.querySelector('img')?.complete) return resolve();
        shown.current.waiters.set(id, resolve);
        setScreenId(id);
      }),
    [],
  );

  // The locale is switched on the running player (below), not by making a new one.
  const startLocale = useEffectEvent(() => locale);

  useEffect(() => {
    if (!built?.ok) return;
    const { bundle } = built;
    // A bundle the player itself refuses throws here, into the preview's error boundary, which says why.
    const instance = createPlayer({
      bundle,
      locale: startLocale(),
      autoStart: false,
      storage: createMemoryStorage(), // the preview never marks flows as seen for real
      onEvent: (event) => {
        setEvents((list) => [...list.slice(-5), event]);
        if (event.flowId !== flowId) return;
        if (event.type === 'flow_completed') setEnding('completed');
        else if (event.type === 'flow_dismissed') setEnding('closed');
      },
      async resolveTarget(_anchor, where) {
        const anchor = authoredAnchor(project, where.flowId, where.stepId);
        const target = isPlaced(anchor) ? project.screens.find((candidate) => candidate.id === anchor.screenId) : undefined;
        if (!isPlaced(anchor) || !target) return null;
        await showScreen(anchor.screenId);
        const marker = frame.current?.querySelector<HTMLDivElement>('.preview-target');
        if (!marker) return null;
        // Percentages of the screenshot, so the box follows it when the window resizes.
        Object.assign(marker.style, {
          left: `${(100 * anchor.box.x) / target.image.width}%`,
          top: `${(100 * anchor.box.y) / target.image.height}%`,
          width: `${(100 * anchor.box.width) / target.image.width}%`,
          height: `${(100 * anchor.box.height) / target.image.height}%`,
        });
        return marker;
      },
    });
    player.current = instance;
    instance.start(flowId);
    return () => {
      instance.destroy();
      player.current = null;
      setEvents([]); // the log is this player's; the next one starts afresh
      setEnding(null);
    };
    // `run` is the Restart button: a new player for the same bundle.
  }, [built, project, flowId, run, showScreen]);

  useEffect(() => player.current?.setLocale(locale), [locale]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && !event.defaultPrevented && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const onImageLoad = () => {
    shown.current.screenId = screenId;
    const waiter = screenId ? shown.current.waiters.get(screenId) : undefined;
    if (screenId) shown.current.waiters.delete(screenId);
    requestAnimationFrame(() => waiter?.());
  };

  return (
    // Not position: fixed (that would make a stacking context): the bar and the event log must rise above the player's backdrop.
    <div className={`preview${ending ? ' ended' : ''}`} role="region" aria-label={`Preview of ${flow?.name ?? 'flow'}`}>
      <div className="preview-bar">
        <strong>Preview · {flow?.name}</strong>
        <span className="preview-screen muted">{screen ? screen.name : 'No screen'}</span>
        <span className="toolbar-spacer" />
        {ending ? null : (
          <>
            <button type="button" className="button small" onClick={() => player.current?.back()}>
              Back
            </button>
            <button type="button" className="button small" onClick={() => player.current?.next()}>
              Next
            </button>
          </>
        )}
        <button type="button" className="button small" onClick={() => setRun((n) => n + 1)}>
          Restart
        </button>
        <label className="preview-locale">
          <span className="muted">Language</span>
          <select value={locale} onChange={(event) => setLocale(event.target.value)}>
            {project.locales.available.map((tag) => (
              <option key={tag} value={tag}>
                {localeDisplayName(tag) ?? tag} ({tag})
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="icon-button" aria-label="Close preview" onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      {/* Focusable: a screenshot taller than the window scrolls, and keyboard users must be able to scroll it too. */}
      <div className="preview-stage" tabIndex={0} role="group" aria-label="Screenshot with the flow">
        {built && !built.ok ? (
          <PreviewProblems
            title={`“${flow?.name ?? 'This flow'}” cannot play: the project has ${built.problems.length === 1 ? 'a problem' : `${built.problems.length} problems`} to fix first.`}
            problems={built.problems.map((problem) => {
              const flowName = flowNameAt(project, problem.path);
              // Messages about an article image name their flow already.
              return { ...problem, flowName: flowName && !problem.message.startsWith(`“${flowName}”`) ? flowName : undefined };
            })}
          />
        ) : null}
        {image.error ? <p className="error-text">{image.error}</p> : null}
        {!screen ? <p className="muted preview-empty">This project has no screens yet; steps that point at elements show centred.</p> : null}
        <div className="preview-frame" ref={frame} style={screen ? { aspectRatio: `${screen.image.width} / ${screen.image.height}` } : { display: 'none' }}>
          {image.url ? <img src={image.url} alt={screen?.name ?? ''} onLoad={onImageLoad} draggable={false} /> : null}
          <div className="preview-target" aria-hidden="true" />
        </div>
      </div>
      {ending && flow ? <PreviewEnd kind={flow.kind} ending={ending} onRestart={() => setRun((n) => n + 1)} onClose={onClose} /> : null}
      <ol className="preview-events" aria-label="Player events">
        {events.map((event, index) => (
          <li key={`${event.timestamp}-${index}`}>{describe(event)}</li>
        ))}
      </ol>
    </div>
  );
}
