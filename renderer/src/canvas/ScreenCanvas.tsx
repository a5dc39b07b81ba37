import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import type { Flow } from '../../../shared/model/flow';
import type { MappedElement, Screen } from '../../../shared/model/screen';
import { newId } from '../../../shared/model/ids';
import { useApp } from '../app/appContext';
import { describeError } from '../app/projectSession';
import { useScreenImage } from '../preview/screenImages';
import { useDocumentStore } from '../store/documentStore';
import { anchorTo } from '../store/flowActions';
import { addDrawnElement } from '../store/screenActions';
import { useEditingLocale } from '../store/editingLocale';
import { notify, useUiStore } from '../store/uiStore';
import { Icon } from '../ui/Icon';
import { isTextField } from '../ui/isTextField';
import { anchorFromElement } from './anchorFromElement';
import { canvasCropEncoder, insertArticleCrop } from './articleImageCrop';
import { toImagePoint, useCanvasView, type CanvasView } from './canvasView';
import { DrawnElementForm } from './DrawnElementForm';
import { elementAtPoint } from './elementAtPoint';
import { elementTree } from './elementTree';
import { FlowLayer, nudgeBeacon } from './FlowLayer';

type Box = MappedElement['box'];

/** An image box in canvas pixels. */
function onCanvas(view: CanvasView, box: Box) {
  return { left: view.x + box.x * view.zoom, top: view.y + box.y * view.zoom, width: box.width * view.zoom, height: box.height * view.zoom };
}

function normalizedBox(from: { x: number; y: number }, to: { x: number; y: number }, limit: { width: number; height: number }): Box {
  const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));
  const x1 = clamp(Math.min(from.x, to.x), limit.width);
  const y1 = clamp(Math.min(from.y, to.y), limit.height);
  const x2 = clamp(Math.max(from.x, to.x), limit.width);
  const y2 = clamp(Math.max(from.y, to.y), limit.height);
  return { x: Math.round(x1), y: Math.round(y1), width: Math.round(x2 - x1), height: Math.round(y2 - y1) };
}

/** The resource center article that a crop goes into, if it still exists. */
function articleOf(flows: readonly Flow[] | undefined, target: { flowId: string; articleId: string } | null) {
  const flow = target && flows?.find((candidate) => candidate.id === target.flowId);
  if (flow?.kind !== 'resourceCenter') return undefined;
  return flow.resourceCenter.sections.flatMap((section) => (section.kind === 'articles' ? section.articles : [])).find((article) => article.id === target!.articleId);
}

/** The element a key went to, inside the flow layer's shadow root too (the canvas resource center's search field), where the window sees only the layer. */
function typedInto(event: KeyboardEvent): EventTarget | null {
  return event.composedPath()[0] ?? event.target;
}

/** A title short enough for the one-line banner. */
function shortTitle(title: string): string {
  return title.length > 40 ? `${title.slice(0, 39)}…` : title;
}

function describeElement(element: MappedElement): string {
  return element.role ?? element.tag ?? 'element';
}

/** The element under the pointer (innermost) and how many levels up the author went from it with Alt+Up. */
interface Pointed {
  element: MappedElement;
  levels: number;
}

/** The element `levels` steps up the map's tree from `element` (the outermost ancestor at most). */
function climb(elements: readonly MappedElement[], element: MappedElement, levels: number): MappedElement {
  const path = elementTree(elements).path(element.id);
  return path[Math.max(0, path.length - 1 - levels)] ?? element;
}

/**
 * The screenshot with zoom (fit, 100%, Ctrl/Cmd+wheel, keyboard) and pan (wheel, Space+drag,
 * middle button). Hovering shows the mapped element under the pointer with its name; Alt+Up and
 * Alt+Down go to its parent and back down the map's tree; a click (or Enter) selects it, or
 * anchors the step being picked. On an image screen, dragging draws a box the author gives a selector.
 */
export function ScreenCanvas({ screen }: { screen: Screen }) {
  const { client } = useApp();
  const projectPath = useUiStore((state) => state.projectPath);
  const selectedElementId = useUiStore((state) => state.selectedElementId);
  const { url, error } = useScreenImage(client, projectPath, screen.image.file);
  const view = useCanvasView((state) => state.view);
  const frame = useRef<HTMLDivElement>(null);
  const [pointed, setPointed] = useState<Pointed | null>(null);
  const hovered = pointed ? climb(screen.elements, pointed.element, pointed.levels) : null;
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [drawing, setDrawing] = useState<{ from: { x: number; y: number }; to: { x: number; y: number } } | null>(null);
  const [drawn, setDrawn] = useState<Box | null>(null);
  const panning = useRef<{ x: number; y: number } | null>(null);
  // The grabbing cursor from the press on, not from the first move that happens to re-render.
  const [isPanning, setIsPanning] = useState(false);
  const canDraw = screen.source.kind === 'image';
  const selected = screen.elements.find((element) => element.id === selectedElementId) ?? null;
  const picking = useUiStore((state) => state.pickingAnchor);
  const selectedFlowId = useUiStore((state) => state.selectedFlowId);
  const flow = useDocumentStore((state) => state.project?.flows.find((candidate) => candidate.id === selectedFlowId));
  // Drawing a rectangle that becomes a resource center article's image (the article editor's "Image from a screen…").
  const cropping = useUiStore((state) => state.articleImageCrop);
  const croppedArticle = useDocumentStore((state) => articleOf(state.project?.flows, cropping));
  const { locale } = useEditingLocale();
  const shot = useRef<HTMLImageElement>(null);
  const [sendingCrop, setSendingCrop] = useState<Box | null>(null);

  useEffect(() => useCanvasView.getState().setImage({ width: screen.image.width, height: screen.image.height }), [screen.id, screen.image.width, screen.image.height]);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && useCanvasView.getState().setContainer({ width: entry.contentRect.width, height: entry.contentRect.height }));
    observer.observe(element);
    // React's wheel listener is passive; zooming must stop the page from scrolling.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const state = useCanvasView.getState();
      if (event.ctrlKey || event.metaKey) state.zoomAtPoint(state.view.zoom * Math.exp(-event.deltaY * 0.0025), { x: event.clientX - rect.left, y: event.clientY - rect.top });
      else state.panBy(-event.deltaX, -event.deltaY);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      observer.disconnect();
      element.removeEventListener('wheel', onWheel);
    };
  }, []);

  useEffect(() => {
    // Space pans only when the canvas (or nothing in particular) has focus: on a button it presses it, on a drag handle it picks it up.
    const forCanvas = (target: EventTarget | null) => target === document.body || (target instanceof Node && Boolean(frame.current?.contains(target)));
    const down = (event: KeyboardEvent) => event.key === ' ' && !isTextField(typedInto(event)) && forCanvas(event.target) && (event.preventDefault(), setSpaceHeld(true));
    const up = (event: KeyboardEvent) => event.key === ' ' && setSpaceHeld(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, []);

  const local = (event: { clientX: number; clientY: number }) => {
    const rect = frame.current!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const imagePoint = (event: { clientX: number; clientY: number }) => toImagePoint(useCanvasView.getState().view, local(event));
  const onImage = (point: { x: number; y: number }) => point.x >= 0 && point.y >= 0 && point.x <= screen.image.width && point.y <= screen.image.height;

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    const point = imagePoint(event);
    if (event.button === 1 || spaceHeld || (event.button === 0 && !onImage(point))) {
      panning.current = { x: event.clientX, y: event.clientY };
      setIsPanning(true);
      event.currentTarget.setPointerCapture(event.pointerId);
      event.preventDefault();
      return;
    }
    if (event.button === 0 && !picking && !sendingCrop && (cropping || (canDraw && !hovered))) {
      setDrawn(null);
      setDrawing({ from: point, to: point });
      event.currentTarget.setPointerCapture(event.pointerId);
    }
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (panning.current) {
      useCanvasView.getState().panBy(event.clientX - panning.current.x, event.clientY - panning.current.y);
      panning.current = { x: event.clientX, y: event.clientY };
      return;
    }
    const point = imagePoint(event);
    if (drawing) return setDrawing({ ...drawing, to: point });
    const inner = onImage(point) && !cropping ? elementAtPoint(screen.elements, point) : null;
    // Levels climbed with Alt+Up hold while the pointer stays over the same innermost element.
    setPointed((previous) => (inner ? (previous?.element.id === inner.id ? previous : { element: inner, levels: 0 }) : null));
  };

  /** A click or Enter on an element: it anchors the step being picked, or is selected. */
  const choose = (element: MappedElement | null) => {
    const picking = useUiStore.getState().pickingAnchor;
    if (picking && element) {
      anchorTo(picking.flowId, picking.itemId, anchorFromElement(screen.id, element));
      useUiStore.setState({ pickingAnchor: null, selectedElementId: element.id });
      return;
    }
    useUiStore.setState({ selectedElementId: element?.id ?? null });
  };
  const onPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (panning.current) {
      panning.current = null;
      setIsPanning(false);
      return;
    }
    if (drawing) {
      const box = normalizedBox(drawing.from, imagePoint(event), screen.image);
      setDrawing(null);
      if (box.width >= 4 && box.height >= 4) {
        if (cropping) cropInto(box);
        else setDrawn(box);
      }
      return;
    }
    if (event.button !== 0) return;
    // What is under the pointer now: the hover state may not have rendered yet after a quick move.
    const point = imagePoint(event);
    const inner = onImage(point) ? elementAtPoint(screen.elements, point) : null;
    choose(inner ? climb(screen.elements, inner, pointed?.element.id === inner.id ? pointed.levels : 0) : null);
  };

  /** The drawn rectangle becomes the article's image: cut here at the screenshot's pixels, stored by the host, added in one undo step. */
  const cropInto = (box: Box) => {
    const target = useUiStore.getState().articleImageCrop;
    if (!target || !shot.current || !projectPath) return;
    setSendingCrop(box);
    insertArticleCrop({ client, projectPath, target, locale, encode: canvasCropEncoder(shot.current, box) })
      .then(
        (imageId) => notify(imageId ? 'info' : 'error', imageId ? 'Added the image at the end of the article. Give it a description for screen readers.' : 'The article was deleted; the image was not added.'),
        // Crop mode stays on: the author can draw a smaller rectangle, or press Escape.
        (error: unknown) => notify('error', describeError(error)),
      )
      .finally(() => setSendingCrop(null));
  };

  // Escape leaves crop mode (before anything else on the page reacts to it).
  useEffect(() => {
    if (!cropping) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      setDrawing(null);
      useUiStore.setState({ articleImageCrop: null });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [cropping]);

  // Alt+Up / Alt+Down: parent and back down, for the element under the pointer (or, from the
  // keyboard on the canvas, the selected one); Enter takes it. Listened to on the window because
  // while picking the focus is still on the inspector's "Pick on canvas" button.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const up = event.altKey && event.key === 'ArrowUp';
      const down = event.altKey && event.key === 'ArrowDown';
      const enter = event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
      if ((!up && !down && !enter) || isTextField(typedInto(event))) return;
      const canvasFocused = Boolean(frame.current?.contains(document.activeElement));
      if (pointed) {
        const depth = elementTree(screen.elements).path(pointed.element.id).length - 1;
        if (enter) {
          if (!canvasFocused && !useUiStore.getState().pickingAnchor) return;
          choose(climb(screen.elements, pointed.element, pointed.levels));
        } else setPointed({ ...pointed, levels: Math.min(depth, Math.max(0, pointed.levels + (up ? 1 : -1))) });
      } else if (selected && canvasFocused) {
        const tree = elementTree(screen.elements);
        const next = enter ? selected : up ? tree.parentOf(selected.id) : (tree.childrenOf(selected.id)[0] ?? null);
        if (!next) return;
        if (enter) choose(next);
        else useUiStore.setState({ selectedElementId: next.id });
      } else return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const move = moves[event.key];
    if (!move || event.altKey || event.target !== event.currentTarget) return;
    event.preventDefault();
    const step = event.shiftKey ? 10 : 1;
    // Arrows nudge the selected hotspot's beacon; otherwise they pan the canvas.
    if (flow?.kind === 'hotspot' && flow.hotspot.anchor?.screenId === screen.id) nudgeBeacon(flow.id, move[0] * step, move[1] * step);
    else useCanvasView.getState().panBy(-move[0] * 40, -move[1] * 40);
  };

  const drawingBox = drawing ? normalizedBox(drawing.from, drawing.to, screen.image) : (sendingCrop ?? drawn);
  const zoomPercent = `${Math.round(view.zoom * 100)}%`;
  return (
    <div className="screen-canvas-wrap">
      <div
        ref={frame}
        className={`screen-canvas${spaceHeld || isPanning ? ' panning' : ''}${(canDraw || cropping) && !picking ? ' drawing' : ''}${picking ? ' picking' : ''}`}
        tabIndex={0}
        role="application"
        aria-label={`Screenshot: ${screen.name}. ${screen.elements.length} elements. Ctrl or Cmd with the wheel zooms; Space and drag pans.`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setPointed(null)}
        onKeyDown={onKeyDown}
      >
        <div className="screen-stage" style={{ width: screen.image.width, height: screen.image.height, transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` }}>
          {url ? <img ref={shot} src={url} width={screen.image.width} height={screen.image.height} alt="" draggable={false} /> : null}
          {flow ? <FlowLayer screen={screen} flow={flow} /> : null}
        </div>
        {picking ? (
          <p className="pick-banner" role="status">
            Click an element to anchor {picking.itemId ? 'the step' : 'the hotspot'} · <kbd>Alt</kbd>+<kbd>↑</kbd> parent, <kbd>Alt</kbd>+<kbd>↓</kbd> back · <kbd>Enter</kbd> anchors · <kbd>Esc</kbd> cancels
          </p>
        ) : null}
        {cropping ? (
          <p className="pick-banner" role="status" data-testid="crop-banner">
            {sendingCrop ? (
              'Adding the image to the article…'
            ) : (
              <>
                Drag over the part of the screenshot to show in “{shortTitle(croppedArticle?.title[locale] || Object.values(croppedArticle?.title ?? {}).find(Boolean) || 'the article')}” · <kbd>Esc</kbd> cancels
              </>
            )}
          </p>
        ) : null}
        {error ? (
          <p className="canvas-error" role="alert">
            The screenshot could not be shown: {error}
          </p>
        ) : null}
        {selected ? <div className="element-box selected" style={onCanvas(view, selected.box)} data-testid="selected-element-box" /> : null}
        {/* Over the selected element the label is left out, unless the author is picking or climbing the tree. */}
        {hovered && (hovered.id !== selected?.id || picking || pointed?.levels) ? (
          <div className="element-box hovered" style={onCanvas(view, hovered.box)} data-testid="hovered-element-box">
            <span className="element-label">
              <strong>{hovered.name || hovered.tag}</strong> <span>{describeElement(hovered)}</span>
              {pointed?.levels ? <span>{pointed.levels === 1 ? '1 level up' : `${pointed.levels} levels up`}</span> : null}
            </span>
          </div>
        ) : null}
        {drawingBox ? <div className="element-box drawn" style={onCanvas(view, drawingBox)} /> : null}
        {drawn && !cropping ? (
          <DrawnElementForm
            style={{ left: onCanvas(view, drawn).left, top: onCanvas(view, drawn).top + onCanvas(view, drawn).height + 8 }}
            onCancel={() => setDrawn(null)}
            onSave={({ selector, name }) => {
              addDrawnElement(screen.id, { id: `d-${newId()}`, box: drawn, tag: '', selector, alternates: [], context: 'document', ...(name ? { name } : {}) });
              setDrawn(null);
            }}
          />
        ) : null}
      </div>
      <div className="zoom-controls" role="toolbar" aria-label="Zoom">
        <button type="button" className="icon-button" aria-label="Zoom out" title="Zoom out (Ctrl/Cmd -)" onClick={() => useCanvasView.getState().step(-1)}>
          <Icon name="zoomOut" size={16} />
        </button>
        <output className="zoom-value" aria-label="Zoom level">
          {zoomPercent}
        </output>
        <button type="button" className="icon-button" aria-label="Zoom in" title="Zoom in (Ctrl/Cmd =)" onClick={() => useCanvasView.getState().step(1)}>
          <Icon name="zoomIn" size={16} />
        </button>
        <button type="button" className="button small" title="Zoom to fit (Ctrl/Cmd 0)" onClick={() => useCanvasView.getState().fit()}>
          Fit
        </button>
        <button type="button" className="button small" title="Actual size (1)" onClick={() => useCanvasView.getState().actualSize()}>
          100%
        </button>
      </div>
      {canDraw && !cropping && !screen.elements.length && !drawn ? <p className="canvas-tip">Drag on the image to draw an element, then type its selector.</p> : null}
    </div>
  );
}
