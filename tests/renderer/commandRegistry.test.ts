import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../shared/commands/commandCatalog';
import { createCommandRegistry, keybindingOf } from '../../renderer/src/commands/commandRegistry';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('command registry', () => {
  it('refuses a command id registered twice', () => {
    const registry = createCommandRegistry();
    registry.register({ id: 'edit.undo', label: 'Undo', run: () => undefined });
    expect(() => registry.register({ id: 'edit.undo', label: 'Undo again', run: () => undefined })).toThrow('Command "edit.undo" is registered twice.');
  });

  it('refuses a shortcut that another command already has, whatever the modifier order', () => {
    const registry = createCommandRegistry();
    registry.register({ id: 'edit.redo', label: 'Redo', keybinding: 'Mod+Shift+Z', run: () => undefined });
    expect(() => registry.register({ id: 'flow.delete', label: 'Delete', keybinding: 'Shift+Mod+Z', run: () => undefined })).toThrow(
      'Shortcut Shift+Mod+Z of "flow.delete" is already taken by "edit.redo".',
    );
  });

  it('has no clashes in the shipped catalog', () => {
    const registry = createCommandRegistry();
    for (const command of COMMANDS) registry.register({ ...command, run: () => undefined });
    expect(registry.list()).toHaveLength(COMMANDS.length);
  });

  it('runs a command from a key press, Ctrl on Linux and Windows, Cmd on macOS', () => {
    const history = { undone: ['rename flow', 'add step'], redone: [] as string[] };
    const run = vi.fn(() => void history.redone.push(history.undone.pop()!));
    const registry = createCommandRegistry();
    registry.register({ id: 'edit.redo', label: 'Redo', keybinding: 'Mod+Shift+Z', altKeybindings: ['Mod+Y'], run });
    /** What the app's shortcut handler does with a key press. */
    const press = (event: ReturnType<typeof key>, isMac: boolean) => {
      const id = registry.commandForKeybinding(keybindingOf(event, isMac));
      return id !== undefined && registry.execute(id, 'shortcut');
    };

    expect(press(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(history.redone).toEqual(['add step']);
    expect(press(key('y', { ctrlKey: true }), false)).toBe(true);
    expect(history.redone).toEqual(['add step', 'rename flow']);
    history.undone.push(...history.redone.splice(0).reverse());
    expect(press(key('z', { metaKey: true, shiftKey: true }), true)).toBe(true);
    expect(history.redone).toEqual(['add step']);
    // On a Mac, Ctrl is not Cmd: nothing runs.
    expect(press(key('z', { ctrlKey: true, shiftKey: true }), true)).toBe(false);
    expect(history.redone).toEqual(['add step']);
    expect(run.mock.calls).toEqual([['shortcut'], ['shortcut'], ['shortcut']]);
  });

  it('does not run a disabled command', () => {
    const run = vi.fn();
    const registry = createCommandRegistry();
    registry.register({ id: 'project.save', label: 'Save', enabled: () => false, run });
    expect(registry.execute('project.save', 'menu')).toBe(false);
    expect(run).not.toHaveBeenCalled();
  });
});
