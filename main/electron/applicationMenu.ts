import { Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
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
    if (menu === 'View') items.push({ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' });
    if (menu === 'Help') items.push({ label: 'Stepwise Documentation', click: () => void shell.openExternal('https://github.com/stepwise-app/stepwise#readme') });
    if (menu === 'File' && process.platform !== 'darwin') items.push({ type: 'separator' }, { role: 'quit' });
    if (items.length > 0) template.push({ label: menu, submenu: items });
  }
  return Menu.buildFromTemplate(template);
}
