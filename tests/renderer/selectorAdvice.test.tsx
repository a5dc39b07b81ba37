// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DrawnElementForm } from '../../renderer/src/canvas/DrawnElementForm';

afterEach(cleanup);

describe('a hand-typed selector that will not survive the next release', () => {
  it('is accepted, with a note that says why, while a stable one gets no note', () => {
    const onSave = vi.fn();
    render(<DrawnElementForm style={{}} onSave={onSave} onCancel={() => {}} />);
    const field = screen.getByLabelText('Selector on your site');
    fireEvent.change(field, { target: { value: 'main > div:nth-of-type(2) > div:nth-of-type(3)' } });
    expect(screen.getByText(/^May break after the next release: it counts positions at 2 levels/)).toBeTruthy();
    fireEvent.change(field, { target: { value: '.mb-0.text-gray-800' } });
    expect(screen.getByText(/relies on \.mb-0, \.text-gray-800/)).toBeTruthy();
    fireEvent.change(field, { target: { value: '[data-testid="earnings"]' } });
    expect(screen.queryByText(/May break/)).toBeNull();
    fireEvent.change(field, { target: { value: '.mb-0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add element' }));
    expect(onSave).toHaveBeenCalledWith({ selector: '.mb-0', name: '' });
  });
});
