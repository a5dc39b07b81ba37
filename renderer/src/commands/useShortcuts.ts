import { useEffect } from 'react';
import { isModalOpen } from '../dialogs/Modal';
import { isTextField } from '../ui/isTextField';
import { keybindingOf, type CommandRegistry } from './commandRegistry';
import { deleteKeyAllowed } from './deleteKeyScope';

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Keys a text field handles itself (typing, its own undo), which app shortcuts must not take. */
const TEXT_FIELD_KEYS = new Set(['mod+z', 'mod+shift+z', 'mod+y', 'backspace', 'delete', 'f2']);

/** Sends key presses that match a command's shortcut to the registry. */
export function useShortcuts(registry: CommandRegistry): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // The app behind an open dialog is out of reach: its shortcuts (Undo, Play, Capture) wait until the dialog closes.
      if (event.defaultPrevented || event.isComposing || isModalOpen()) return;
      const keybinding = keybindingOf(event, IS_MAC);
      if (isTextField(event.target) && (TEXT_FIELD_KEYS.has(keybinding) || !keybinding.includes('mod'))) return;
      const id = registry.commandForKeybinding(keybinding);
      if (!id) return;
      // Left alone, the key does what it does where the focus is (deletes a word in a text field).
      if (registry.get(id)?.destructive && !deleteKeyAllowed(id, event.target)) return;
      event.preventDefault();
      registry.execute(id, 'shortcut');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [registry]);
}

/** "Mod+Shift+Z" as the platform writes it: ⌘⇧Z on macOS, Ctrl+Shift+Z elsewhere. */
export function displayKeybinding(keybinding: string): string {
  if (!IS_MAC) return keybinding.replace(/\bMod\b/g, 'Ctrl');
  return keybinding
    .replace(/\bMod\+/g, '⌘')
    .replace(/\bShift\+/g, '⇧')
    .replace(/\bAlt\+/g, '⌥')
    .replace(/\bBackspace\b/g, '⌫');
}
