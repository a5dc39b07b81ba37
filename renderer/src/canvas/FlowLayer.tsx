import { createPreviewLayer, place, previewCard, previewWidget, type PreviewCardContent, type PreviewLayer, type PreviewWidgetFlow } from '@stepwise/player/editor';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { sideForDrop } from '../../../shared/bundle/placement';
import { isPlaced, type PlacedAnchor } from '../../../shared/model/anchor';
import type { Flow, FlowOf, TourStep } from '../../../shared/model/flow';
import type { Screen } from '../../../shared/model/screen';
import { MAX_ARTICLE_IMAGE_BYTES } from '../../../shared/model/resourceCenter';
import { useApp } from '../app/appContext';
import { useImageData } from '../preview/bundleImages';
import { useEditingLocale } from '../store/editingLocale';
import { useDocumentStore } from '../store/documentStore';
import { updateFlow } from '../store/flowActions';
import { updateItem } from '../store/flowItems';
import { useUiStore } from '../store/uiStore';

/** Marks on the canvas that users never see: step numbers, the selection ring. */
const EDITOR_CSS = `
.sw-marker { position: fixed; pointer-events: auto; cursor: pointer; min-width: 22px; height: 22px; padding: 0 6px; border-radius: 11px; border: 2px solid #fff;
  background: var(--sw-brand); color: var(--sw-on-brand); font: 600 12px/18px system-ui, sans-serif; box-shadow: 0 1px 4px #0006; transform: translate(-50%, -50%); }
.sw-marker[aria-pressed=true] { outline: 3px solid #f59e0b; }
.sw-target { position: fixed; pointer-events: none; outline: 2px dashed var(--sw-brand); outline-offset: 2px; border-radius: 4px; }
.card { cursor: grab; animation: none; }
.card.sw-dragging { cursor: grabbing; transition: none; box-shadow: 0 18px 50px #0f172a66; }
`;

type Rect = { left: number; top: number; width: number; height: number };

/** A box in screenshot pixels -> the captured page's CSS pixels. */
function cssRect(anchor: PlacedAnchor, scale: number): Rect {
  return { left: anchor.box.x / scale, top: anchor.box.y / scale, width: anchor.box.width / scale, height: anchor.box.height / scale };
}

function asTarget(rect: Rect) {
  return { getBoundingClientRect: () => new DOMRect(rect.left, rect.top, rect.width, rect.height) };
}

/**
 * The player's card for a step or hotspot, placed as the player places it. Dragging it to another
 * side of its target changes the placement and alignment (one undo step).
 */
function PlacedCard({ layer, content, target, placement, alignment, gap, area, onDrop }: {
  layer: PreviewLayer;
  content: PreviewCardContent;
  target: Rect | null;
  placement: TourStep['placement'];
  alignment: TourStep['alignment'];
  gap: number;
  area: { width: number; height: number };
  onDrop?(side: TourStep['placement'], align: TourStep['alignment']): void;
}) {
  // After paint: building and measuring the card must not hold up the keystroke that changed it.
  useEffect(() => {
    const { card, arrow } = previewCard(layer, content, !target);
    card.removeAttribute('aria-modal');
    card.setAttribute('aria-label', `Preview: ${layer.t(content.title) || 'step'}`);
    card.dataset.testid = 'canvas-card';
    layer.root.append(card);
    if (target) place(asTarget(target), card, placement, alignment, arrow, gap, area);
    else Object.assign(card.style, { left: `${(area.width - card.offsetWidth) / 2}px`, top: `${(area.height - card.offsetHeight) / 2}px` });
    if (!target || !onDrop) return () => card.remove();

    let start: { x: number; y: number; left: number; top: number } | null = null;
    const down = (event: PointerEvent) => {
      if ((event.target as Element).closest('a, button')) return;
      event.stopPropagation();
      start = { x: event.clientX, y: event.clientY, left: card.offsetLeft, top: card.offsetTop };
      card.setPointerCapture(event.pointerId);
      card.classList.add('sw-dragging');
    };
    const move = (event: PointerEvent) => {
      if (!start) return;
      event.stopPropagation();
      // Pointer pixels -> page CSS pixels: undo the canvas zoom and the screenshot's scale.
      const scale = layer.root.host.getBoundingClientRect().width / area.width;
      card.style.left = `${start.left + (event.clientX - start.x) / scale}px`;
      card.style.top = `${start.top + (event.clientY - start.y) / scale}px`;
    };
    const up = (event: PointerEvent) => {
      if (!start) return;
      event.stopPropagation();
      start = null;
      card.classList.remove('sw-dragging');
      const { side, align } = sideForDrop(target, { x: card.offsetLeft + card.offsetWidth / 2, y: card.offsetTop + card.offsetHeight / 2 });
      onDrop(side, align);
      place(asTarget(target), card, side, align, arrow, gap, area);
    };
    card.addEventListener('pointerdown', down);
    card.addEventListener('pointermove', move);
    card.addEventListener('pointerup', up);
    return () => card.remove();
  });
  return null;
}

function TourLayer({ layer, flow, screen, scale, area }: { layer: PreviewLayer; flow: FlowOf<'tour'>; screen: Screen; scale: number; area: { width: number; height: number } }) {
  const selectedItemIds = useUiStore((state) => state.selectedItemIds);
  const steps = flow.tour.steps;
  const selectedId = selectedItemIds.at(-1);
  const index = steps.findIndex((step) => step.id === selectedId);
  const step = steps[index];
  const onThisScreen = step && (step.type === 'modal' || !step.anchor || step.anchor.screenId === screen.id);
  const target = step?.type === 'tooltip' && isPlaced(step.anchor) && step.anchor.screenId === screen.id ? cssRect(step.anchor, scale) : null;
  const pad = step?.spotlightPadding ?? 0;
  return (
    <>
      {step && onThisScreen && step.backdrop ? (
        target ? (
          <div className="spot" style={{ left: target.left - pad, top: target.top - pad, width: target.width + 2 * pad, height: target.height + 2 * pad }} />
        ) : (
          <div className="dim" style={{ pointerEvents: 'none' }} />
        )
      ) : null}
      {steps.map((candidate, position) =>
        candidate.type === 'tooltip' && isPlaced(candidate.anchor) && candidate.anchor.screenId === screen.id ? (
          <button
            key={candidate.id}
            type="button"
            className="sw-marker"
            aria-pressed={candidate.id === selectedId}
            aria-label={`Step ${position + 1}`}
            style={{ left: candidate.anchor.box.x / scale, top: candidate.anchor.box.y / scale }}
            onPointerDown={(event) => event.stopPropagation()}
            onPointerUp={(event) => event.stopPropagation()}
            onClick={() => useUiStore.setState({ selectedItemIds: [candidate.id] })}
          >
            {position + 1}
          </button>
        ) : null,
      )}
      {target ? <div className="sw-target" style={{ left: target.left, top: target.top, width: target.width, height: target.height }} /> : null}
      {step && onThisScreen ? (
        <PlacedCard
          layer={layer}
          content={{ ...step, position: { index, count: steps.length }, progress: step.showProgress && steps.length > 1 ? `${index + 1}/${steps.length}` : '' }}
          target={target}
          placement={step.placement}
          alignment={step.alignment}
          gap={12 + pad / 2}
          area={area}
          onDrop={(placement, alignment) => updateItem<TourStep>(flow.id, step.id, (draft) => Object.assign(draft, { placement, alignment }))}
        />
      ) : null}
    </>
  );
}

/** Moves a hotspot's beacon by a number of CSS pixels (drag or arrow keys). */
export function nudgeBeacon(flowId: string, dx: number, dy: number): void {
  updateFlow<'hotspot'>(
    flowId,
    (draft) => {
      const offset = draft.hotspot.beacon.offset;
      offset.x = Math.max(-500, Math.min(500, Math.round(offset.x + dx)));
      offset.y = Math.max(-500, Math.min(500, Math.round(offset.y + dy)));
    },
    'beaconMove',
  );
}

function HotspotLayer({ layer, flow, screen, scale, area }: { layer: PreviewLayer; flow: FlowOf<'hotspot'>; screen: Screen; scale: number; area: { width: number; height: number } }) {
  const { hotspot } = flow;
  const drag = useRef<{ x: number; y: number } | null>(null);
  if (!isPlaced(hotspot.anchor) || hotspot.anchor.screenId !== screen.id) return null;
  const target = cssRect(hotspot.anchor, scale);
  const { size, offset, pulse, color } = hotspot.beacon;
  const style = { '--sw-beacon': color ?? 'var(--sw-brand)', width: size, height: size, left: target.left + target.width - size / 2 + offset.x, top: target.top - size / 2 + offset.y } as CSSProperties;
  const pixelScale = () => layer.root.host.getBoundingClientRect().width / area.width;
  return (
    <>
      <button
        type="button"
        className={`beacon${pulse ? ' pulse' : ''}`}
        style={style}
        aria-label="Beacon: drag it, or move it with the arrow keys"
        data-testid="canvas-beacon"
        onPointerDown={(event) => {
          event.stopPropagation();
          drag.current = { x: event.clientX, y: event.clientY };
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          if (!drag.current) return;
          const scaleNow = pixelScale();
          const dx = (event.clientX - drag.current.x) / scaleNow;
          const dy = (event.clientY - drag.current.y) / scaleNow;
          if (Math.abs(dx) < 1 && Math.abs(dy) < 1) return;
          drag.current = { x: event.clientX, y: event.clientY };
          nudgeBeacon(flow.id, dx, dy);
        }}
        onPointerUp={(event) => {
          event.stopPropagation();
          drag.current = null;
        }}
        onKeyDown={(event) => {
          const step = event.shiftKey ? 10 : 1;
          const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
          const move = moves[event.key];
          if (!move) return;
          event.preventDefault();
          event.stopPropagation();
          nudgeBeacon(flow.id, ...move);
        }}
      />
      <PlacedCard layer={layer} content={{ ...hotspot, closable: true }} target={{ left: style.left as number, top: style.top as number, width: size, height: size }} placement={hotspot.placement} alignment="center" gap={12} area={area} />
    </>
  );
}

function WidgetLayer({ layer, flow }: { layer: PreviewLayer; flow: PreviewWidgetFlow }) {
  useEffect(() => previewWidget(layer, flow), [layer, flow]);
  return null;
}

/** The largest data URL payload the player accepts for an article image (a larger one would make it refuse the whole panel). */
const MAX_IMAGE_BASE64 = Math.ceil(MAX_ARTICLE_IMAGE_BYTES / 3) * 4;

/**
 * The resource center with its panel open, on the article, announcement or section selected in
 * the outline. Its images are read from the project (cached) and shown as the bundle carries
 * them; one that is missing or too large is left out here (lint names it).
 */
function ResourceCenterLayer({ layer, flow }: { layer: PreviewLayer; flow: FlowOf<'resourceCenter'> }) {
  const { client } = useApp();
  const projectPath = useUiStore((state) => state.projectPath);
  const view = useUiStore((state) => state.selectedItemIds.at(-1));
  const flows = useDocumentStore((state) => state.project!.flows);
  const images = flow.resourceCenter.images;
  const imageData = useImageData(client, projectPath, images.map((image) => image.file));
  const drawn = useMemo((): PreviewWidgetFlow => {
    const shown = images.flatMap((image) => {
      const data = imageData?.(image.file);
      const type = image.file.endsWith('.png') ? 'png' : image.file.endsWith('.webp') ? 'webp' : 'jpeg';
      return data && data.length <= MAX_IMAGE_BASE64 ? [{ id: image.id, alt: image.alt, src: `data:image/${type};base64,${data}` }] : [];
    });
    return { ...flow, resourceCenter: { ...flow.resourceCenter, images: shown } };
  }, [flow, images, imageData]);
  // Only kind and id of the other flows are read (which guides can start), so the project's flows serve as they are.
  useEffect(() => previewWidget(layer, drawn, { view, flows: flows as unknown as PreviewWidgetFlow[] }), [layer, drawn, view, flows]);
  return null;
}

/**
 * The selected flow drawn over the screenshot with the player's own markup and styles, in the
 * language being edited (right-to-left languages mirrored as the player mirrors them).
 */
export function FlowLayer({ screen, flow }: { screen: Screen; flow: Flow }) {
  const theme = useDocumentStore((state) => state.project!.theme);
  // While picking an anchor or cropping an image the author needs to see the page, not the flow over it.
  const picking = useUiStore((state) => state.pickingAnchor !== null || state.articleImageCrop !== null);
  const { locale, defaultLocale } = useEditingLocale();
  const host = useRef<HTMLDivElement>(null);
  const [layer, setLayer] = useState<PreviewLayer | null>(null);
  const scale = screen.source.kind === 'url' ? screen.source.deviceScaleFactor : 1;
  const area = { width: screen.image.width / scale, height: screen.image.height / scale };
  useLayoutEffect(() => setLayer(createPreviewLayer(host.current!, { theme, locale, defaultLocale, editorCss: EDITOR_CSS })), [theme, locale, defaultLocale]);
  return (
    <div
      ref={host}
      className="flow-layer"
      data-testid="flow-layer"
      style={{ position: 'absolute', inset: 'auto', left: 0, top: 0, width: area.width, height: area.height, transform: `scale(${scale})`, transformOrigin: '0 0', zIndex: 1 }}
    >
      {layer && !picking
        ? createPortal(
            <>
              {flow.kind === 'tour' ? <TourLayer layer={layer} flow={flow} screen={screen} scale={scale} area={area} /> : null}
              {flow.kind === 'hotspot' ? <HotspotLayer layer={layer} flow={flow} screen={screen} scale={scale} area={area} /> : null}
              {flow.kind === 'checklist' || flow.kind === 'survey' ? <WidgetLayer key={`${flow.id}/${locale}`} layer={layer} flow={flow} /> : null}
              {flow.kind === 'resourceCenter' ? <ResourceCenterLayer key={`${flow.id}/${locale}`} layer={layer} flow={flow} /> : null}
            </>,
            layer.root,
          )
        : null}
    </div>
  );
}
