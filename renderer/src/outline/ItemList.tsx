import { memo, useLayoutEffect, useRef } from 'react';
import type { Flow } from '../../../shared/model/flow';
import { pickText } from '../../../shared/model/localizedText';
import { addItem, deleteItems, duplicateItems, itemsOf, moveItem } from '../store/flowItems';
import { useUiStore } from '../store/uiStore';
import { RowAction } from '../ui/RowAction';
import { DragHandle, SortableList, useSortableRow } from './sortable';

interface ItemView {
  id: string;
  label: string;
  detail: string;
}

function itemViews(flow: Flow, locale: string): ItemView[] {
  const t = (value: Record<string, string>) => pickText(value, locale, locale);
  if (flow.kind === 'tour') {
    return flow.tour.steps.map((step) => ({
      id: step.id,
      label: t(step.title) || '(untitled step)',
      detail: step.type === 'modal' ? 'Modal' : step.anchor ? 'Tooltip' : 'Tooltip · not anchored',
    }));
  }
  if (flow.kind === 'checklist') return flow.checklist.items.map((item) => ({ id: item.id, label: t(item.label) || '(unnamed item)', detail: item.action.kind === 'startFlow' ? 'Starts a flow' : item.action.kind === 'openUrl' ? 'Opens a link' : '' }));
  return [];
}

/** Ctrl/Cmd-click adds or removes one; Shift-click takes the range from the last selected (within `ids`, one list's rows). */
export function selectWithModifiers(ids: string[], id: string, event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): string[] {
  const current = useUiStore.getState().selectedItemIds.filter((selected) => ids.includes(selected));
  if (event.ctrlKey || event.metaKey) return current.includes(id) ? current.filter((selected) => selected !== id) : [...current, id];
  const anchor = current.at(-1);
  if (event.shiftKey && anchor) {
    const [from, to] = [ids.indexOf(anchor), ids.indexOf(id)].sort((a, b) => a - b);
    return [...ids.slice(from!, to! + 1).filter((range) => range !== id), id];
  }
  return [id];
}

const ItemRow = memo(function ItemRow({ flowId, id, label, detail, index, selected, ids, noun }: { flowId: string; id: string; label: string; detail: string; index: number; selected: boolean; ids: { current: string[] }; noun: string }) {
  const view = { id, label, detail };
  const { rowRef, rowStyle, handleProps, isDragging } = useSortableRow(view.id);
  return (
    <li ref={rowRef} style={rowStyle} className={`item-row${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}`}>
      <DragHandle label={`Reorder ${noun} ${index + 1}: ${view.label}`} props={handleProps} />
      <button
        type="button"
        className="item-row-main"
        aria-pressed={selected}
        onClick={(event) => useUiStore.setState({ selectedFlowId: flowId, selectedItemIds: selectWithModifiers(ids.current, view.id, event), selectedElementId: null })}
      >
        <span className="item-index">{index + 1}</span>
        <span className="item-text">
          <span className="item-label">{view.label}</span>
          {view.detail ? <span className="item-detail">{view.detail}</span> : null}
        </span>
      </button>
      <span className="row-actions">
        <RowAction icon="copy" label={`Duplicate ${noun} ${index + 1}`} title="Duplicate (Ctrl/Cmd+D)" size={14} onClick={() => duplicateItems(flowId, [view.id])} />
        <RowAction icon="trash" label={`Delete ${noun} ${index + 1}`} title="Delete" danger size={14} onClick={() => deleteItems(flowId, [view.id])} />
      </span>
    </li>
  );
});

/** The steps of a tour or the items of a checklist, under their flow in the outline. */
export function ItemList({ flow, locale }: { flow: Flow; locale: string }) {
  const selectedItemIds = useUiStore((state) => state.selectedItemIds);
  const views = itemViews(flow, locale);
  const ids = views.map((view) => view.id);
  // Rows read the current order through a ref, so a keystroke re-renders only the row it changed.
  const idsRef = useRef(ids);
  useLayoutEffect(() => {
    idsRef.current = ids;
  });
  if (!itemsOf(flow)) return null;
  const noun = flow.kind === 'tour' ? 'step' : 'item';
  return (
    <div className="item-list-wrap">
      <SortableList ids={ids} label={`${noun}s`} onMove={(active, over) => moveItem(flow.id, active, over)}>
        <ol className="item-list" aria-label={`${flow.name} ${noun}s`}>
          {views.map((view, index) => (
            <ItemRow key={view.id} flowId={flow.id} id={view.id} label={view.label} detail={view.detail} index={index} selected={selectedItemIds.includes(view.id)} ids={idsRef} noun={noun} />
          ))}
        </ol>
      </SortableList>
      <button type="button" className="button small subtle add-item" onClick={() => addItem(flow.id)}>
        + Add {noun}
      </button>
    </div>
  );
}
