// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { StreamedView } from '../../renderer/src/screens/captureBrowser/StreamedView';

beforeAll(() => {
  // jsdom has no layout: the view only needs the observer to exist.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
});
afterEach(cleanup);

function renderView() {
  const send = vi.fn();
  const onLeave = vi.fn();
  render(<StreamedView frame={null} viewport={{ width: 1280, height: 800 }} send={send} onLeave={onLeave} onScale={() => undefined} />);
  const view = screen.getByRole('application');
  view.focus();
  return { view, send, onLeave };
}

describe('the streamed view’s leave keys', () => {
  it('F6 leaves the view for the builder and never reaches the page (Windows keeps Ctrl+Shift+Escape for itself)', () => {
    const { view, send, onLeave } = renderView();
    expect(view.getAttribute('aria-label')).toMatch(/F6 or Ctrl\+Shift\+Escape leaves the page/);
    const notCancelled = fireEvent.keyDown(view, { key: 'F6', code: 'F6' });
    expect(notCancelled).toBe(false);
    expect(onLeave).toHaveBeenCalledTimes(1);
    expect(send).not.toHaveBeenCalled();
  });

  it('Ctrl+Shift+Escape still leaves; Escape and Ctrl+F6 go to the page', () => {
    const { view, send, onLeave } = renderView();
    fireEvent.keyDown(view, { key: 'Escape', code: 'Escape', ctrlKey: true, shiftKey: true });
    expect(onLeave).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(view, { key: 'Escape', code: 'Escape' });
    fireEvent.keyDown(view, { key: 'F6', code: 'F6', ctrlKey: true });
    expect(onLeave).toHaveBeenCalledTimes(1);
    expect(send.mock.calls.map(([event]) => [event.type, event.key, event.modifiers])).toEqual([
      ['keyDown', 'Escape', 0],
      ['keyDown', 'F6', 2],
    ]);
  });
});
