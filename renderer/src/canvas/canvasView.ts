import { create } from 'zustand';

export interface Size {
  width: number;
  height: number;
}

/** How the screenshot sits in the canvas: its scale, and where its top-left corner is (canvas pixels). */
export interface CanvasView {
  zoom: number;
  x: number;
  y: number;
  /** Follows the canvas size until the author zooms or pans. */
  fitted: boolean;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 8;
const ZOOM_STEPS = [0.05, 0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8];
const PADDING = 24;

const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

/** The whole image in view, centred, never enlarged past 100%. */
export function fitView(container: Size, image: Size): CanvasView {
  const zoom = clampZoom(Math.min(1, (container.width - PADDING * 2) / image.width, (container.height - PADDING * 2) / image.height));
  return { zoom, x: (container.width - image.width * zoom) / 2, y: Math.max(PADDING, (container.height - image.height * zoom) / 2), fitted: true };
}

/** Zooms to `zoom` keeping the canvas point `at` over the same image pixel (the pointer, or the centre). */
export function zoomAt(view: CanvasView, zoom: number, at: { x: number; y: number }): CanvasView {
  const next = clampZoom(zoom);
  const ratio = next / view.zoom;
  return { zoom: next, x: at.x - (at.x - view.x) * ratio, y: at.y - (at.y - view.y) * ratio, fitted: false };
}

/** The next step up or down from the current zoom (Ctrl/Cmd + and -). */
export function steppedZoom(zoom: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((step) => step > zoom + 1e-6) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((step) => step < zoom - 1e-6) ?? MIN_ZOOM;
}

/** Canvas point -> image pixel. */
export function toImagePoint(view: CanvasView, point: { x: number; y: number }): { x: number; y: number } {
  return { x: (point.x - view.x) / view.zoom, y: (point.y - view.y) / view.zoom };
}

interface CanvasViewState {
  view: CanvasView;
  container: Size;
  image: Size | null;
  /** The canvas reports its size; a fitted view follows it. */
  setContainer(container: Size): void;
  /** A different screenshot: fit it. */
  setImage(image: Size | null): void;
  fit(): void;
  actualSize(): void;
  step(direction: 1 | -1): void;
  zoomAtPoint(zoom: number, at: { x: number; y: number }): void;
  panBy(dx: number, dy: number): void;
}

/** Zoom and pan of the canvas: UI state, never in the document or its undo history. */
export const useCanvasView = create<CanvasViewState>()((set, get) => {
  const centre = () => ({ x: get().container.width / 2, y: get().container.height / 2 });
  return {
    view: { zoom: 1, x: 0, y: 0, fitted: true },
    container: { width: 800, height: 600 },
    image: null,
    setContainer(container) {
      const { image, view } = get();
      set({ container, ...(image && view.fitted ? { view: fitView(container, image) } : {}) });
    },
    setImage(image) {
      set({ image, ...(image ? { view: fitView(get().container, image) } : {}) });
    },
    fit() {
      const { image, container } = get();
      if (image) set({ view: fitView(container, image) });
    },
    actualSize() {
      set({ view: zoomAt(get().view, 1, centre()) });
    },
    step(direction) {
      const { view } = get();
      set({ view: zoomAt(view, steppedZoom(view.zoom, direction), centre()) });
    },
    zoomAtPoint(zoom, at) {
      set({ view: zoomAt(get().view, zoom, at) });
    },
    panBy(dx, dy) {
      const { view } = get();
      set({ view: { ...view, x: view.x + dx, y: view.y + dy, fitted: false } });
    },
  };
});
