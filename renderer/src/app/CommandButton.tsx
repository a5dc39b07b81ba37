import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { CommandId } from '../../../shared/commands/commandCatalog';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { displayKeybinding } from '../commands/useShortcuts';
import { useApp } from './appContext';

interface CommandButtonProps {
  command: CommandId;
  /** Defaults to the command's label. */
  children?: ReactNode;
  className?: string;
  /** Accessible name when the button shows only an icon. */
  ariaLabel?: string;
  /** "menuitem" inside a menu. */
  role?: 'menuitem';
}

/** A button that runs a command from the registry, greyed out when the command is not available. */
export function CommandButton({ command, children, className, ariaLabel, role }: CommandButtonProps) {
  const { commands } = useApp();
  // `enabled` reads the document, its history and the UI; each subscription re-renders only when
  // the answer changes, not on every keystroke.
  const isEnabled = () => commands.isEnabled(command);
  const enabled = [useDocumentStore(isEnabled), useUiStore(isEnabled), useStore(useDocumentStore.temporal, isEnabled)].every(Boolean) && isEnabled();
  const descriptor = commands.get(command);
  const shortcut = descriptor?.keybinding ? ` (${displayKeybinding(descriptor.keybinding)})` : '';
  return (
    <button
      type="button"
      className={className ?? 'button'}
      disabled={!enabled}
      title={`${descriptor?.label.replace('…', '') ?? command}${shortcut}`}
      aria-label={ariaLabel}
      role={role}
      onClick={() => commands.execute(command, 'button')}
    >
      {children ?? descriptor?.label}
    </button>
  );
}
