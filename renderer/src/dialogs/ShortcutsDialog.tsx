import { useApp } from '../app/appContext';
import { displayKeybinding } from '../commands/useShortcuts';
import { Modal } from './Modal';

/** Every command that has a shortcut, straight from the registry, so the sheet is never out of date. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { commands } = useApp();
  const withKeys = commands.list().filter((command) => command.keybinding);
  return (
    <Modal
      title="Keyboard shortcuts"
      onClose={onClose}
      footer={
        <button type="button" className="button primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <table className="shortcuts">
        <tbody>
          {withKeys.map((command) => (
            <tr key={command.id}>
              <td>{command.label.replace('…', '')}</td>
              <td>
                {[command.keybinding!, ...(command.altKeybindings ?? [])].map((key) => (
                  <kbd key={key}>{displayKeybinding(key)}</kbd>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
