// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Modal } from '../../renderer/src/dialogs/Modal';

afterEach(cleanup);

function Stacked({ onAppKey }: { onAppKey(): void }) {
  const [outer, setOuter] = useState(true);
  const [inner, setInner] = useState(true);
  window.onkeydown = onAppKey;
  return outer ? (
    <Modal title="Outer" onClose={() => setOuter(false)}>
      <p>outer body</p>
      {inner ? (
        <Modal title="Inner" onClose={() => setInner(false)}>
          <input aria-label="Name" onKeyDown={(event) => event.key === 'Escape' && (event.currentTarget.value ? (event.preventDefault(), (event.currentTarget.value = '')) : undefined)} />
        </Modal>
      ) : null}
    </Modal>
  ) : null;
}

describe('Escape in dialogs', () => {
  it('closes the innermost dialog only, lets a control use it first, and never reaches the app', () => {
    const appKey = vi.fn();
    render(<Stacked onAppKey={appKey} />);
    const field = screen.getByLabelText('Name') as HTMLInputElement;
    field.value = 'draft';
    fireEvent.keyDown(field, { key: 'Escape' });
    // The field used Escape to clear itself: both dialogs stay.
    expect(field.value).toBe('');
    expect(screen.getByRole('dialog', { name: 'Inner' })).toBeTruthy();
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Inner' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Outer' })).toBeTruthy();
    // Focus outside every dialog (the page behind): the top dialog still answers.
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Outer' })).toBeNull();
    expect(appKey).not.toHaveBeenCalled();
    window.onkeydown = null;
  });
});
