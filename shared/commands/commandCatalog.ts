/**
 * Every user action, as data: id, label, shortcut and menu. The renderer binds each id to what it
 * does (renderer/commands); the Electron menu is built from this list and sends the id back, so
 * buttons, shortcuts and menus all run the same command.
 */
export interface CommandDescriptor {
  id: string;
  label: string;
  /** "Mod" is Cmd on macOS and Ctrl elsewhere, e.g. "Mod+Shift+Z". */
  keybinding?: string;
  /** Further shortcuts for the same command (Ctrl+Y for redo). */
  altKeybindings?: string[];
  menu?: 'File' | 'Edit' | 'View' | 'Flow' | 'Help';
  /** Start a new group in its menu. */
  separatorBefore?: boolean;
  /**
   * Deletes what is selected. From the keyboard it acts only where the focus visibly is (the
   * outline, or the canvas for selected steps), never from a text field: Delete and
   * Ctrl/Cmd+Backspace there edit text.
   */
  destructive?: boolean;
}

export const COMMANDS = [
  { id: 'project.new', label: 'New Project…', keybinding: 'Mod+N', menu: 'File' },
  { id: 'project.open', label: 'Open Project…', keybinding: 'Mod+O', menu: 'File' },
  { id: 'project.save', label: 'Save', keybinding: 'Mod+S', menu: 'File', separatorBefore: true },
  { id: 'project.saveAs', label: 'Save As…', keybinding: 'Mod+Shift+S', menu: 'File' },
  { id: 'screen.capture', label: 'Capture Screen from URL…', keybinding: 'Mod+Shift+K', menu: 'File', separatorBefore: true },
  { id: 'screen.addImage', label: 'Add Screen from Image…', menu: 'File' },
  { id: 'project.export', label: 'Export…', keybinding: 'Mod+E', menu: 'File', separatorBefore: true },
  { id: 'project.importBundle', label: 'Import Bundle…', menu: 'File' },
  { id: 'project.close', label: 'Close Project', keybinding: 'Mod+Shift+W', menu: 'File', separatorBefore: true },
  { id: 'edit.undo', label: 'Undo', keybinding: 'Mod+Z', menu: 'Edit' },
  { id: 'edit.redo', label: 'Redo', keybinding: 'Mod+Shift+Z', altKeybindings: ['Mod+Y'], menu: 'Edit' },
  { id: 'edit.duplicate', label: 'Duplicate', keybinding: 'Mod+D', menu: 'Edit', separatorBefore: true },
  { id: 'edit.delete', label: 'Delete', keybinding: 'Delete', menu: 'Edit', destructive: true },
  { id: 'edit.deselect', label: 'Deselect', keybinding: 'Escape', menu: 'Edit' },
  { id: 'view.zoomIn', label: 'Zoom In', keybinding: 'Mod+=', menu: 'View' },
  { id: 'view.zoomOut', label: 'Zoom Out', keybinding: 'Mod+-', menu: 'View' },
  { id: 'view.zoomFit', label: 'Zoom to Fit', keybinding: 'Mod+0', menu: 'View' },
  { id: 'view.zoomActual', label: 'Actual Size (100%)', keybinding: '1', menu: 'View' },
  { id: 'flow.newTour', label: 'New Product Tour', menu: 'Flow' },
  { id: 'flow.newHotspot', label: 'New Hotspot', menu: 'Flow' },
  { id: 'flow.newChecklist', label: 'New Checklist', menu: 'Flow' },
  { id: 'flow.newSurvey', label: 'New NPS Survey', menu: 'Flow' },
  { id: 'flow.newResourceCenter', label: 'New Resource Center', menu: 'Flow' },
  { id: 'flow.rename', label: 'Rename Flow…', keybinding: 'F2', menu: 'Flow', separatorBefore: true },
  { id: 'flow.delete', label: 'Delete Flow', keybinding: 'Mod+Backspace', menu: 'Flow', destructive: true },
  { id: 'flow.play', label: 'Play Flow', keybinding: 'Mod+Enter', menu: 'Flow', separatorBefore: true },
  { id: 'health.check', label: 'Check Flows…', keybinding: 'Mod+Shift+L', menu: 'Flow' },
  { id: 'help.shortcuts', label: 'Keyboard Shortcuts', keybinding: 'Mod+/', menu: 'Help' },
] as const satisfies readonly CommandDescriptor[];

export type CommandId = (typeof COMMANDS)[number]['id'];

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && COMMANDS.some((command) => command.id === value);
}

/** "Mod+Shift+Z" -> Electron's "CmdOrCtrl+Shift+Z". */
export function toElectronAccelerator(keybinding: string): string {
  return keybinding.replace(/\bMod\b/g, 'CmdOrCtrl');
}
