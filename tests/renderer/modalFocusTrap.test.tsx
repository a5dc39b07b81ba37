// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCommandRegistry } from '../../renderer/src/commands/commandRegistry';
import { useShortcuts } from '../../renderer/src/commands/useShortcuts';
import { isModalOpen, Modal } from '../../renderer/src/dialogs/Modal';
import type { CommandId } from '../../shared/commands/commandCatalog';

afterEach(cleanup);

function AppWithDialog({ open, onUndo, onClose }: { open: boolean; onUndo(): void; onClose(): void }) {
  const registry = createCommandRegistry();
  registry.register({ id: 'edit.undo' as CommandId, label: 'Undo', keybinding: 'Mod+Z', run: onUndo } as never);
  useShortcuts(registry);
  return (
    <>
      <button type="button">Undo (app toolbar)</button>
      {open ? (
        <Modal title="Capture browser" onClose={onClose} closeOnBackdrop={false} footer={<button type="button">Close</button>}>
          <input aria-label="Page address" />
        </Modal>
      ) : null}
    </>
  );
}

describe('a dialog is modal for the keyboard', () => {
  it('keeps Tab inside, brings focus lost to the page back in, and holds the app shortcuts while open', () => {
    const undo = vi.fn();
    const close = vi.fn();
    const { rerender } = render(<AppWithDialog open onUndo={undo} onClose={close} />);
    const address = screen.getByLabelText('Page address');
    const closeButton = screen.getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(address);
    expect(isModalOpen()).toBe(true);

    // From the last control Tab wraps to the first, and Shift+Tab the other way.
    closeButton.focus();
    fireEvent.keyDown(closeButton, { key: 'Tab' });
    expect(document.activeElement).toBe(address);
    fireEvent.keyDown(address, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(closeButton);

    // Focus dropped to the page behind (a focused button was disabled): Tab lands in the dialog, not on the app's toolbar.
    (document.activeElement as HTMLElement).blur();
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: 'Tab' });
    expect(document.activeElement).toBe(address);

    // The app's Undo shortcut waits while the dialog is open.
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true, metaKey: true });
    expect(undo).not.toHaveBeenCalled();

    // A backdrop click does nothing for a dialog that asks for it.
    fireEvent.mouseDown(document.querySelector('.modal-backdrop')!);
    expect(close).not.toHaveBeenCalled();

    rerender(<AppWithDialog open={false} onUndo={undo} onClose={close} />);
    expect(isModalOpen()).toBe(false);
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true, metaKey: true });
    expect(undo).toHaveBeenCalledTimes(1);
  });
});
