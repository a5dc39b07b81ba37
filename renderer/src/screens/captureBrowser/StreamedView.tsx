import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent, type ReactNode, type RefObject } from 'react';
import type { BrowserInputEventInput } from '../../../../shared/model/captureBrowser';
import { IS_MAC } from '../../commands/useShortcuts';
import { isLeaveViewKey, isPasteKey, keyEvent, modifierBits, mouseButton, pagePoint, wheelPixels } from './browserInput';
import type { StreamedFrame } from './useBrowserSession';

const FOCUS_ROOM = 12;

/** The leave keys in words: F6 first (Windows takes Ctrl+Shift+Escape for its Task Manager). */
export const LEAVE_KEY_LABELS = ['F6', IS_MAC ? '⌘⇧Esc' : 'Ctrl+Shift+Escape'] as const;

interface StreamedViewProps {
  frame: StreamedFrame | null;
  viewport: { width: number; height: number };
  send(...events: BrowserInputEventInput[]): void;
  /** The author pressed the leave key: focus goes back to the builder's controls. */
  onLeave(): void;
  /** The scale the page is shown at (1 = CSS pixel for CSS pixel), for the toolbar to show. */
  onScale(scale: number): void;
  /** Words shown over the view (loading, an error), if any. */
  overlay?: ReactNode;
  /** The view element, for the dialog to focus. */
  viewRef?: RefObject<HTMLDivElement | null>;
}

/**
 * The live page: the newest frame, scaled to fit, taking the pointer, wheel and keyboard for the
 * page. While it has focus every key goes to the page (Tab, Enter and Escape included) except the
 * leave keys; a paste sends the clipboard's text.
 */
export function StreamedView({ frame, viewport, send, onLeave, onScale, overlay, viewRef }: StreamedViewProps) {
  const area = useRef<HTMLDivElement>(null);
  const ownView = useRef<HTMLDivElement>(null);
  const view = viewRef ?? ownView;
  const [room, setRoom] = useState({ width: 0, height: 0 });
  const pressed = useRef<'left' | 'middle' | 'right' | 'none'>('none');

  useEffect(() => {
    const element = area.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setRoom({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A few pixels spare for the focus outline around the page.
  const scale = room.width > FOCUS_ROOM && room.height > FOCUS_ROOM ? Math.min(1, (room.width - FOCUS_ROOM) / viewport.width, (room.height - FOCUS_ROOM) / viewport.height) : 1;
  useEffect(() => onScale(scale), [scale, onScale]);

  const point = (event: { clientX: number; clientY: number }) => {
    const box = view.current!.getBoundingClientRect();
    return pagePoint(event.clientX, event.clientY, box, viewport);
  };

  // Wheel listeners React adds are passive; this one must stop the builder from scrolling.
  useEffect(() => {
    const element = view.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      send({ type: 'mouseWheel', ...point(event), ...wheelPixels(event, viewport.height), modifiers: modifierBits(event) });
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  });

  const mouse = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', event: ReactMouseEvent, button: 'left' | 'middle' | 'right' | 'none', clickCount: number) =>
    send({ type, ...point(event), button, clickCount, modifiers: modifierBits(event) });

  const onKey = (type: 'keyDown' | 'keyUp') => (event: ReactKeyboardEvent) => {
    if (event.nativeEvent.isComposing) return;
    if (type === 'keyDown' && isLeaveViewKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      onLeave();
      return;
    }
    // Left to the browser so the paste event below fires with the clipboard's text.
    if (isPasteKey(event)) {
      event.stopPropagation();
      return;
    }
    // The page has it: the builder's shortcuts, dialog Escape and Tab focus moves never see it.
    event.preventDefault();
    event.stopPropagation();
    send(keyEvent(type, event));
  };

  return (
    <div ref={area} className="browser-stage">
      <div
        ref={view}
        className="browser-view"
        role="application"
        aria-roledescription="live page"
        aria-label={`Live page. Click to focus; then the pointer, wheel and every key go to the page, Tab and Escape included. ${LEAVE_KEY_LABELS.join(' or ')} leaves the page.`}
        tabIndex={0}
        style={{ width: viewport.width * scale, height: viewport.height * scale }}
        onMouseMove={(event) => mouse('mouseMoved', event, pressed.current, 0)}
        onMouseDown={(event) => {
          const button = mouseButton(event.button);
          if (!button) return;
          event.preventDefault(); // no text selection or drag of the frame image
          view.current?.focus();
          pressed.current = button;
          mouse('mousePressed', event, button, Math.min(Math.max(event.detail, 1), 3));
        }}
        onMouseUp={(event) => {
          const button = mouseButton(event.button);
          if (!button) return;
          pressed.current = 'none';
          mouse('mouseReleased', event, button, Math.min(Math.max(event.detail, 1), 3));
        }}
        onMouseLeave={(event) => {
          // A button held while leaving the view is released in the page too, so nothing stays stuck.
          if (pressed.current !== 'none') mouse('mouseReleased', event, pressed.current, 1);
          pressed.current = 'none';
        }}
        onContextMenu={(event) => event.preventDefault()}
        onKeyDown={onKey('keyDown')}
        onKeyUp={onKey('keyUp')}
        onPaste={(event) => {
          event.preventDefault();
          const text = event.clipboardData.getData('text/plain');
          if (text) send({ type: 'insertText', text: text.slice(0, 100_000) });
        }}
      >
        {frame ? <img src={frame.dataUrl} alt="" draggable={false} /> : null}
        {overlay ? <div className="browser-view-overlay">{overlay}</div> : null}
      </div>
    </div>
  );
}
