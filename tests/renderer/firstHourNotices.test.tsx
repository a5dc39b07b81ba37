// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFlow } from '../../shared/model/create';
import { NOTICE_DISMISS_MS, Notices } from '../../renderer/src/app/Notices';
import { useLint } from '../../renderer/src/export/useLint';
import { useDocumentStore } from '../../renderer/src/store/documentStore';
import { addFlow } from '../../renderer/src/store/flowActions';
import { addItem } from '../../renderer/src/store/flowItems';
import { notify, useUiStore } from '../../renderer/src/store/uiStore';
import { openProject } from './support/renderApp';

beforeEach(() => {
  vi.useFakeTimers();
  openProject();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('toasts', () => {
  it('go by themselves after about 6 s, but not while the pointer is on one', () => {
    render(<Notices />);
    act(() => notify('info', 'Exported 4 flow(s) to acme.json.'));
    const toast = screen.getByRole('status');
    fireEvent.pointerEnter(toast);
    act(() => void vi.advanceTimersByTime(NOTICE_DISMISS_MS * 3));
    expect(screen.getByText('Exported 4 flow(s) to acme.json.')).toBeTruthy();
    fireEvent.pointerLeave(toast);
    act(() => void vi.advanceTimersByTime(NOTICE_DISMISS_MS - 100));
    expect(screen.queryByText('Exported 4 flow(s) to acme.json.')).not.toBeNull();
    act(() => void vi.advanceTimersByTime(200));
    expect(screen.queryByText('Exported 4 flow(s) to acme.json.')).toBeNull();
  });

  it('stay while focus is in one (its Undo can be reached with the keyboard)', () => {
    render(<Notices />);
    act(() => notify('info', 'Deleted “NPS”.', { label: 'Undo', run: () => undefined }));
    act(() => screen.getByRole('button', { name: 'Undo' }).focus());
    act(() => void vi.advanceTimersByTime(NOTICE_DISMISS_MS * 2));
    expect(screen.queryByText('Deleted “NPS”.')).not.toBeNull();
  });

  it('go when the project closes', () => {
    render(<Notices />);
    act(() => notify('error', 'The bundle did not pass its schema.'));
    act(() => useUiStore.setState({ projectPath: null }));
    expect(screen.queryByText('The bundle did not pass its schema.')).toBeNull();
  });
});

describe('a step just added', () => {
  it('is not an error for having no anchor until the author leaves it', () => {
    const tourId = addFlow('tour')!;
    const { result } = renderHook(() => useLint());
    act(() => addItem(tourId));
    act(() => void vi.advanceTimersByTime(1_000));
    const noAnchor = () => result.current.filter((problem) => problem.code === 'noAnchor');
    expect(noAnchor()).toEqual([]);
    const first = useDocumentStore.getState().project!.flows[0]!;
    act(() => useUiStore.setState({ selectedItemIds: [first.kind === 'tour' ? first.tour.steps[0]!.id : ''] }));
    act(() => void vi.advanceTimersByTime(1_000));
    expect(noAnchor()).toEqual([expect.objectContaining({ severity: 'error' })]);
  });
});

describe('a new hotspot', () => {
  it('starts empty, like a new step, for the inspector to show placeholders', () => {
    const hotspot = createFlow('hotspot', 'Alerts', 'en');
    expect([hotspot.hotspot.title.en, hotspot.hotspot.body.en]).toEqual(['', '']);
  });
});
