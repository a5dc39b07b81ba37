import type { KeyboardEvent, PointerEvent } from 'react';
import { PANEL_LIMITS, type PanelSide } from './usePanelWidths';

const KEY_STEP = 16;

interface PanelResizerProps {
  side: PanelSide;
  label: string;
  width: number;
  onResize(width: number): void;
}

/**
 * The drag handle on a side panel's inner edge: drag it, or focus it and use the arrow keys
 * (Home/End for the narrowest/widest). A focusable separator, as WAI-ARIA's window splitter.
 */
export function PanelResizer({ side, label, width, onResize }: PanelResizerProps) {
  // Dragging right widens the left panel and narrows the right one.
  const sign = side === 'left' ? 1 : -1;
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    const startX = event.clientX;
    const startWidth = width;
    handle.setPointerCapture(event.pointerId);
    const move = (moved: globalThis.PointerEvent) => onResize(startWidth + sign * (moved.clientX - startX));
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
      handle.removeEventListener('pointercancel', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
    handle.addEventListener('pointercancel', stop);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = { ArrowRight: KEY_STEP * sign, ArrowLeft: -KEY_STEP * sign }[event.key];
    const next = delta !== undefined ? width + delta : event.key === 'Home' ? PANEL_LIMITS.min : event.key === 'End' ? PANEL_LIMITS.max : null;
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation(); // arrows here resize; they must not also move the canvas selection
    onResize(next);
  };
  return (
    <div
      className={`panel-resizer ${side}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={PANEL_LIMITS.min}
      aria-valuemax={PANEL_LIMITS.max}
      tabIndex={0}
      title="Drag to resize"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
