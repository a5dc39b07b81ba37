import type { CommandDescriptor, CommandId } from '../../../shared/commands/commandCatalog';

export type CommandSource = 'button' | 'shortcut' | 'menu' | 'contextMenu';

export interface Command extends CommandDescriptor {
  id: CommandId;
  /** Greyed out in the UI and ignored by shortcuts and menus when false. */
  enabled?: () => boolean;
  run(source: CommandSource): void | Promise<void>;
}

function normalizeKeybinding(keybinding: string): string {
  return keybinding
    .split('+')
    .map((part) => part.trim().toLowerCase())
    .sort()
    .join('+');
}

/** The keybinding an event stands for, in the catalog's notation ("Mod" is Cmd on macOS, Ctrl elsewhere). */
export function keybindingOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, isMac: boolean): string {
  const parts: string[] = [];
  if (isMac ? event.metaKey : event.ctrlKey) parts.push('Mod');
  if (isMac && event.ctrlKey) parts.push('Ctrl');
  if (event.shiftKey) parts.push('Shift');
  if (event.altKey) parts.push('Alt');
  parts.push(event.key.length === 1 ? event.key.toUpperCase() : event.key);
  return normalizeKeybinding(parts.join('+'));
}

/**
 * The one place user actions live. Buttons, shortcuts and the native menu all call `execute`,
 * so a command behaves the same whichever way it was reached. Duplicate ids and shortcut
 * clashes are refused when a command is registered, not discovered by a user.
 */
export function createCommandRegistry() {
  const commands = new Map<CommandId, Command>();
  const byKeybinding = new Map<string, CommandId>();

  return {
    register(command: Command): void {
      if (commands.has(command.id)) throw new Error(`Command "${command.id}" is registered twice.`);
      const keys = [command.keybinding, ...(command.altKeybindings ?? [])].filter((key): key is string => Boolean(key));
      for (const key of keys) {
        const normalized = normalizeKeybinding(key);
        const owner = byKeybinding.get(normalized);
        if (owner) throw new Error(`Shortcut ${key} of "${command.id}" is already taken by "${owner}".`);
      }
      commands.set(command.id, command);
      for (const key of keys) byKeybinding.set(normalizeKeybinding(key), command.id);
    },
    get(id: CommandId): Command | undefined {
      return commands.get(id);
    },
    list(): Command[] {
      return [...commands.values()];
    },
    isEnabled(id: CommandId): boolean {
      const command = commands.get(id);
      return Boolean(command && (command.enabled?.() ?? true));
    },
    /** Runs a command if it exists and is enabled; returns whether it ran. */
    execute(id: CommandId, source: CommandSource): boolean {
      const command = commands.get(id);
      if (!command || !(command.enabled?.() ?? true)) return false;
      void Promise.resolve(command.run(source)).catch((error: unknown) => console.error(`Command ${id} failed`, error));
      return true;
    },
    commandForKeybinding(keybinding: string): CommandId | undefined {
      return byKeybinding.get(keybinding);
    },
  };
}

export type CommandRegistry = ReturnType<typeof createCommandRegistry>;
