import type { CommandId } from '../../../shared/commands/commandCatalog';
import { useUiStore } from '../store/uiStore';
import { isTextField } from '../ui/isTextField';

/** The outline: the list of flows with the selected flow's steps or items. */
const OUTLINE = '.flow-list';
const CANVAS = '.screen-canvas';
/** A flow's or step's row in the outline; the selected one has the class "selected". */
const ROWS = '.flow-row, .item-row';

/**
 * Whether a delete shortcut pressed with the focus on `target` may delete. Only where the focus
 * visibly is: in the outline, or on the canvas for selected steps or items (never the whole flow
 * from there); never in a text field, where Delete and Ctrl/Cmd+Backspace edit the text.
 */
export function deleteKeyAllowed(id: CommandId, target: EventTarget | null): boolean {
  if (!(target instanceof Element) || isTextField(target)) return false;
  if (target.closest(OUTLINE)) {
    const row = target.closest(ROWS);
    if (!row) return true;
    // A focused row that is not the selection would see something else deleted than it shows,
    // and so would Delete on a flow's row while some of its steps are selected.
    if (!row.classList.contains('selected')) return false;
    return !(id === 'edit.delete' && row.matches('.flow-row') && useUiStore.getState().selectedItemIds.length > 0);
  }
  return id === 'edit.delete' && target.closest(CANVAS) !== null && useUiStore.getState().selectedItemIds.length > 0;
}
