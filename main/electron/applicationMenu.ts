import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { openExternalWebLink } from './openExternal';
import { COMMANDS, toElectronAccelerator, type CommandDescriptor } from '../../shared/commands/commandCatalog';
import { MENU_COMMAND_CHANNEL } from '../../shared/api/hostBridge';

const MENU_ORDER = ['File', 'Edit', 'View', 'Flow', 'Help'] as const;

/**
 * The native menu, built from the command catalog: each item sends its command id to the
 * focused window, where the renderer's registry runs it, exactly as a button or shortcut would.
 */
export function buildApplicationMenu(getWindow: () => BrowserWindow | null): Menu {
  const itemFor = (command: CommandDescriptor): MenuItemConstructorOptions => ({
    label: command.label,
    ...(command.keybinding ? { accelerator: toElectronAccelerator(command.keybinding) } : {}),
    // A menu accelerator takes its key everywhere, text fields included: keys without a modifier
    // ("1", Escape) are shown in the menu but left to the renderer's shortcuts, which skip fields.
    ...(command.keybinding && !/Mod|Ctrl|Alt|F\d/.test(command.keybinding) ? { registerAccelerator: false } : {}),
    click: () => getWindow()?.webContents.send(MENU_COMMAND_CHANNEL, command.id),
  });
  const template: MenuItemConstructorOptions[] = [];
  if (process.platform === 'darwin') template.push({ role: 'appMenu' });
  for (const menu of MENU_ORDER) {
    const items: MenuItemConstructorOptions[] = [];
    for (const command of COMMANDS.filter((c: CommandDescriptor) => c.menu === menu) as CommandDescriptor[]) {
      if (command.separatorBefore && items.length > 0) items.push({ type: 'separator' });
      items.push(itemFor(command));
    }
    if (menu === 'Edit') items.push({ type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' });
    // The View menu's zoom commands zoom the canvas; the app's own page zoom stays at 100%.
    if (menu === 'View') items.push({ type: 'separator' }, { role: 'togglefullscreen' });
    if (menu === 'Help') items.push({ label: 'Stepwise Documentation', click: () => openExternalWebLink('https://github.com/stepwise-app/stepwise#readme') });
    if (menu === 'File' && process.platform !== 'darwin') items.push({ type: 'separator' }, { role: 'quit' });
    if (items.length > 0) template.push({ label: menu, submenu: items });
  }
  return Menu.buildFromTemplate(template);
}
