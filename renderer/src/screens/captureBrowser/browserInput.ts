import type { BrowserInputEventInput } from '../../../../shared/model/captureBrowser';

/**
 * From the streamed view's DOM events to the capture browser's input events (CDP's Input domain,
 * in CSS pixels of the page's viewport). Pure, so the mapping is tested without a browser.
 */

export interface ViewBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A point on the scaled view mapped to the page's CSS pixels, kept inside the viewport. */
export function pagePoint(clientX: number, clientY: number, box: ViewBox, viewport: { width: number; height: number }): { x: number; y: number } {
  const scaleX = box.width > 0 ? viewport.width / box.width : 1;
  const scaleY = box.height > 0 ? viewport.height / box.height : 1;
  const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), Math.max(max - 1, 0));
  return { x: Math.round(clamp((clientX - box.left) * scaleX, viewport.width) * 100) / 100, y: Math.round(clamp((clientY - box.top) * scaleY, viewport.height) * 100) / 100 };
}

interface ModifierState {
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** CDP's modifier bits: Alt 1, Ctrl 2, Meta 4, Shift 8. */
export function modifierBits(event: ModifierState): number {
  return (event.altKey ? 1 : 0) | (event.ctrlKey ? 2 : 0) | (event.metaKey ? 4 : 0) | (event.shiftKey ? 8 : 0);
}

const BUTTONS = ['left', 'middle', 'right'] as const;

/** MouseEvent.button (0 left, 1 middle, 2 right) as CDP names it; back and forward buttons are not forwarded. */
export function mouseButton(button: number): 'left' | 'middle' | 'right' | null {
  return BUTTONS[button] ?? null;
}

/** Wheel deltas in pixels, whatever unit the device reported them in. */
export function wheelPixels(event: { deltaX: number; deltaY: number; deltaMode: number }, pageHeight: number): { deltaX: number; deltaY: number } {
  const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? pageHeight : 1;
  return { deltaX: event.deltaX * unit, deltaY: event.deltaY * unit };
}

interface KeyLike extends ModifierState {
  key: string;
  code: string;
}

/**
 * The text a key press types in the page: printable characters and Enter (which submits forms),
 * nothing for shortcuts (Ctrl/Cmd+key) or named keys.
 */
export function typedText(event: KeyLike): string | undefined {
  if (event.ctrlKey || event.metaKey) return undefined;
  if (event.key === 'Enter') return '\r';
  return [...event.key].length === 1 ? event.key : undefined;
}

export function keyEvent(type: 'keyDown' | 'keyUp', event: KeyLike): BrowserInputEventInput {
  const text = type === 'keyDown' ? typedText(event) : undefined;
  return { type, key: event.key.slice(0, 32), code: event.code.slice(0, 32), modifiers: modifierBits(event), ...(text !== undefined ? { text } : {}) };
}

/**
 * The keys that take focus out of the streamed view (every other key goes to the page, Escape
 * included): F6, the browsers' own "to the address bar" key, which works everywhere; and
 * Ctrl/Cmd+Shift+Escape, which Windows keeps for its Task Manager.
 */
export function isLeaveViewKey(event: KeyLike): boolean {
  if (event.key === 'F6') return !event.ctrlKey && !event.metaKey && !event.altKey;
  return event.key === 'Escape' && event.shiftKey && (event.ctrlKey || event.metaKey);
}

/**
 * Keys left to the builder's own browser rather than sent to the page: paste (its text arrives
 * through the paste event as insertText, which a cancelled key press would suppress).
 */
export function isPasteKey(event: KeyLike): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'v';
}

/**
 * Queued events, sent one batch at a time: consecutive pointer moves collapse to the last one and
 * consecutive wheel turns at one place add up, so a slow round trip never builds a backlog; the
 * order of presses, releases and keys is kept.
 */
export function coalesce(events: BrowserInputEventInput[]): BrowserInputEventInput[] {
  const out: BrowserInputEventInput[] = [];
  for (const event of events) {
    const last = out[out.length - 1];
    if (last?.type === 'mouseMoved' && event.type === 'mouseMoved' && last.button === event.button && last.modifiers === event.modifiers) {
      out[out.length - 1] = event;
    } else if (last?.type === 'mouseWheel' && event.type === 'mouseWheel' && last.x === event.x && last.y === event.y && last.modifiers === event.modifiers) {
      out[out.length - 1] = { ...last, deltaX: last.deltaX + event.deltaX, deltaY: last.deltaY + event.deltaY };
    } else {
      out.push(event);
    }
  }
  return out;
}
