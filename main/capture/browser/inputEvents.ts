import type { CDPSession } from 'playwright-core';
import type { BrowserInputEvent } from '../../../shared/model/captureBrowser';

/** Windows virtual key codes Chromium needs to act on keys that type nothing (Backspace, arrows, Tab). */
const KEY_CODES: Record<string, number> = {
  Backspace: 8, Tab: 9, Enter: 13, Shift: 16, Control: 17, Alt: 18, Escape: 27, ' ': 32, PageUp: 33, PageDown: 34,
  End: 35, Home: 36, ArrowLeft: 37, ArrowUp: 38, ArrowRight: 39, ArrowDown: 40, Delete: 46, Meta: 91,
};

function keyCode(key: string, code: string): number | undefined {
  if (KEY_CODES[key] !== undefined) return KEY_CODES[key];
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return letter.charCodeAt(0);
  const digit = /^Digit([0-9])$/.exec(code)?.[1];
  if (digit) return digit.charCodeAt(0);
  if (key.length === 1 && /[a-z0-9]/i.test(key)) return key.toUpperCase().charCodeAt(0);
  return undefined;
}

const BUTTON_BITS = { none: 0, left: 1, right: 2, middle: 4 } as const;

/**
 * Forwards the capture view's input to the page through CDP's Input domain, so the page gets
 * trusted events exactly as from a person. Keeps which buttons are held, for drags.
 */
export class InputForwarder {
  private buttons = 0;

  constructor(private readonly cdp: () => CDPSession) {}

  async dispatch(event: BrowserInputEvent): Promise<void> {
    const cdp = this.cdp();
    switch (event.type) {
      case 'mouseMoved':
      case 'mousePressed':
      case 'mouseReleased': {
        if (event.type === 'mousePressed') this.buttons |= BUTTON_BITS[event.button];
        if (event.type === 'mouseReleased') this.buttons &= ~BUTTON_BITS[event.button];
        await cdp.send('Input.dispatchMouseEvent', {
          type: event.type,
          x: event.x,
          y: event.y,
          button: event.button,
          buttons: this.buttons,
          clickCount: event.clickCount,
          modifiers: event.modifiers,
        });
        return;
      }
      case 'mouseWheel':
        await cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: event.x, y: event.y, deltaX: event.deltaX, deltaY: event.deltaY, modifiers: event.modifiers });
        return;
      case 'keyDown':
      case 'keyUp': {
        // Enter types a carriage return, as a real keyboard does (forms submit on it).
        const text = event.type === 'keyDown' ? (event.key === 'Enter' ? '\r' : event.text) : undefined;
        const code = keyCode(event.key, event.code);
        await cdp.send('Input.dispatchKeyEvent', {
          type: event.type === 'keyUp' ? 'keyUp' : text ? 'keyDown' : 'rawKeyDown',
          key: event.key,
          code: event.code,
          modifiers: event.modifiers,
          ...(text ? { text, unmodifiedText: text } : {}),
          ...(code !== undefined ? { windowsVirtualKeyCode: code, nativeVirtualKeyCode: code } : {}),
        });
        return;
      }
      case 'insertText':
        await cdp.send('Input.insertText', { text: event.text });
        return;
    }
  }
}
