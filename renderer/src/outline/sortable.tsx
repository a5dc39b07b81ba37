import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useMemo, type ReactNode } from 'react';
import { breakUndoMerge } from '../store/documentStore';
import { dragAnnouncements } from './dragAnnouncements';

/**
 * The same array as last render when the ids did not change: dnd-kit re-renders every sortable
 * row when its `items` array is a new one, and the document changes on every keystroke.
 */
function useStableIds(ids: string[]): string[] {
  // Ids are nanoids (no line breaks), so the joined text stands for the list.
  const key = ids.join('\n');
  return useMemo(() => (key ? key.split('\n') : []), [key]);
}

/**
 * A vertical list reordered by mouse (drag the handle) or keyboard (focus the handle, Space,
 * arrows, Space), with screen reader announcements that say the rows' names. `onMove` gets the moved id and
 * the id it now stands in for; the list re-renders from the store.
 */
export function SortableList({ ids: freshIds, label, onMove, children }: { ids: string[]; label: string; onMove(activeId: string, overId: string): void; children: ReactNode }) {
  const ids = useStableIds(freshIds);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    breakUndoMerge();
    if (over && active.id !== over.id) onMove(String(active.id), String(over.id));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements: dragAnnouncements, screenReaderInstructions: { draggable: `To reorder ${label}, press Space, move with the arrow keys, and press Space again to drop. Escape cancels.` } }}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

/** A row of a SortableList: its position while dragging, and the props of its drag handle. */
export function useSortableRow(id: string) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return {
    rowRef: setNodeRef,
    rowStyle: { transform: CSS.Translate.toString(transform), transition, zIndex: isDragging ? 2 : undefined, position: 'relative' as const },
    isDragging,
    handleProps: { ref: setActivatorNodeRef, ...attributes, ...listeners },
  };
}

export function DragHandle({ label, props }: { label: string; props: ReturnType<typeof useSortableRow>['handleProps'] }) {
  return (
    <button type="button" className="drag-handle" aria-label={label} title="Drag to reorder (or Space, arrows, Space)" {...props}>
      <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
        <path d="M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
    </button>
  );
}
