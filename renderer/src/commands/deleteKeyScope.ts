import type { CommandId } from '../../../shared/commands/commandCatalog';
import { useUiStore } from '../store/uiStore';
import { isTextField } from '../ui/isTextField';

/** The outline: the list of flows with the selected flow's steps or items. */
const OUTLINE = '.flow-list';
const CANVAS = '.screen-canvas';

/**
 * Whether a delete shortcut pressed with the focus on `target` may delete. Only where the focus
 * visibly is: in the outline, or on the canvas for selected steps or items (never the whole flow
 * from there); never in a text field, where Delete and Ctrl/Cmd+Backspace edit the text.
 */
export function deleteKeyAllowed(id: CommandId, target: EventTarget | null): boolean {
  if (!(target instanceof Element) || isTextField(target)) return false;
  if (target.closest(OUTLINE)) return true;
  return id === 'edit.delete' && target.closest(CANVAS) !== null && useUiStore.getState().selectedItemIds.length > 0;
}
