import { describe, expect, it } from 'vitest';
import { coalesce, isLeaveViewKey, isPasteKey, keyEvent, modifierBits, mouseButton, pagePoint, wheelPixels } from '../../renderer/src/screens/captureBrowser/browserInput';
import { describePath } from '../../renderer/src/screens/captureBrowser/describePath';
import { timeAgo } from '../../renderer/src/screens/captureBrowser/relativeTime';
import { sitesInWords } from '../../renderer/src/screens/captureBrowser/SignInLine';
import type { BrowserInputEventInput } from '../../shared/model/captureBrowser';

const key = (keyName: string, code: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
  key: keyName,
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('capture browser input', () => {
  it('maps a point on the scaled view to the page’s CSS pixels, inside the viewport', () => {
    const box = { left: 100, top: 50, width: 720, height: 450 }; // 1440x900 shown at 50%
    const viewport = { width: 1440, height: 900 };
    expect(pagePoint(100, 50, box, viewport)).toEqual({ x: 0, y: 0 });
    expect(pagePoint(460, 275, box, viewport)).toEqual({ x: 720, y: 450 });
    expect(pagePoint(90, 2000, box, viewport)).toEqual({ x: 0, y: 899 });
  });

  it('counts modifiers as CDP does and names mouse buttons', () => {
    expect(modifierBits({ altKey: true, ctrlKey: false, metaKey: false, shiftKey: true })).toBe(9);
    expect(modifierBits({ altKey: false, ctrlKey: true, metaKey: true, shiftKey: false })).toBe(6);
    expect([0, 1, 2, 3].map(mouseButton)).toEqual(['left', 'middle', 'right', null]);
  });

  it('wheel lines and pages become pixels', () => {
    expect(wheelPixels({ deltaX: 0, deltaY: 3, deltaMode: 1 }, 900)).toEqual({ deltaX: 0, deltaY: 48 });
    expect(wheelPixels({ deltaX: 0, deltaY: 1, deltaMode: 2 }, 900)).toEqual({ deltaX: 0, deltaY: 900 });
  });

  it('keys type their character, Enter types a return, shortcuts and named keys type nothing', () => {
    expect(keyEvent('keyDown', key('a', 'KeyA'))).toEqual({ type: 'keyDown', key: 'a', code: 'KeyA', modifiers: 0, text: 'a' });
    expect(keyEvent('keyDown', key('Enter', 'Enter'))).toMatchObject({ text: '\r' });
    expect(keyEvent('keyDown', key('Tab', 'Tab', { shiftKey: true }))).toEqual({ type: 'keyDown', key: 'Tab', code: 'Tab', modifiers: 8 });
    expect(keyEvent('keyDown', key('a', 'KeyA', { ctrlKey: true }))).not.toHaveProperty('text');
    expect(keyEvent('keyUp', key('a', 'KeyA'))).not.toHaveProperty('text');
  });

  it('only F6 and Ctrl/Cmd+Shift+Escape leave the view; plain Escape and Ctrl+F6 go to the page; paste is left to the paste event', () => {
    expect(isLeaveViewKey(key('Escape', 'Escape'))).toBe(false);
    expect(isLeaveViewKey(key('Escape', 'Escape', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isLeaveViewKey(key('Escape', 'Escape', { metaKey: true, shiftKey: true }))).toBe(true);
    // Windows takes Ctrl+Shift+Escape for the Task Manager: F6 (the browsers' "to the address bar") works everywhere.
    expect(isLeaveViewKey(key('F6', 'F6'))).toBe(true);
    expect(isLeaveViewKey(key('F6', 'F6', { shiftKey: true }))).toBe(true);
    expect(isLeaveViewKey(key('F6', 'F6', { ctrlKey: true }))).toBe(false);
    expect(isLeaveViewKey(key('F5', 'F5'))).toBe(false);
    expect(isPasteKey(key('v', 'KeyV', { ctrlKey: true }))).toBe(true);
    expect(isPasteKey(key('v', 'KeyV'))).toBe(false);
  });

  it('collapses queued moves and wheel turns, keeping presses and keys in order', () => {
    const move = (x: number): BrowserInputEventInput => ({ type: 'mouseMoved', x, y: 1, button: 'none', clickCount: 0, modifiers: 0 });
    const wheel = (deltaY: number): BrowserInputEventInput => ({ type: 'mouseWheel', x: 5, y: 5, deltaX: 0, deltaY, modifiers: 0 });
    const press: BrowserInputEventInput = { type: 'mousePressed', x: 3, y: 1, button: 'left', clickCount: 1, modifiers: 0 };
    expect(coalesce([move(1), move(2), press, move(3), move(4), wheel(10), wheel(20)])).toEqual([move(2), press, move(4), { ...wheel(30) }]);
  });
});

describe('capture browser words', () => {
  it('says what a re-capture replays, naming the first steps', () => {
    expect(describePath(undefined)).toBe('Loads the page as it is (no recorded steps).');
    expect(
      describePath({
        url: 'https://app.example.com/dashboard',
        actions: [
          { kind: 'click', selectors: ['#reports'], name: 'Reports' },
          { kind: 'fill', selectors: ['#search'], name: 'Search reports', value: 'churn', secret: false },
          { kind: 'fill', selectors: ['#pin'], name: 'PIN', secret: true },
          { kind: 'press', key: 'Enter' },
        ],
      }),
    ).toBe('Loads the page, then replays 4 steps (click “Reports”, type in “Search reports”, type in “PIN” (not kept), …).');
    expect(describePath({ url: 'https://app.example.com/changelog', actions: [], scroll: { x: 0, y: 1_600 } })).toBe('Loads the page and scrolls to where it was captured (no recorded steps).');
  });

  it('says how long ago a sign-in was saved, and whose it is', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    expect(timeAgo('2026-11-30T11:00:00Z', now)).toBe('3 days ago');
    expect(timeAgo('2026-12-03T11:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-12-03T10:00:00Z', now)).toBe('2 hours ago');
    expect(timeAgo('yesterday', now)).toBe('at an unknown time');
    expect(sitesInWords(['app.example.com'])).toBe('app.example.com');
    expect(sitesInWords(['app.example.com', 'auth.example.com', 'cdn.example.com'])).toBe('app.example.com and 2 more');
  });
});
