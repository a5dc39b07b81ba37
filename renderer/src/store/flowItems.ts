import type { Draft } from 'immer';
import { arrayMove } from '@dnd-kit/sortable';
import { createChecklistItem, createTourStep } from '../../../shared/model/create';
import type { Flow } from '../../../shared/model/flow';
import { newId } from '../../../shared/model/ids';
import { useDocumentStore } from './documentStore';
import { useUiStore } from './uiStore';

/**
 * The ordered parts of a flow that the outline lists: a tour's steps, a checklist's items.
 * One set of actions (add, duplicate, delete, reorder) serves both.
 */
export type FlowItem = { id: string };

export function itemsOf(flow: Flow | Draft<Flow>): FlowItem[] | null {
  if (flow.kind === 'tour') return flow.tour.steps;
  if (flow.kind === 'checklist') return flow.checklist.items;
  return null;
}

function changeItems(label: string, flowId: string, recipe: (items: FlowItem[], flow: Draft<Flow>) => void, mergeKey?: string): void {
  useDocumentStore.getState().change(
    label,
    (draft) => {
      const flow = draft.flows.find((candidate) => candidate.id === flowId);
      const items = flow && itemsOf(flow);
      if (flow && items) recipe(items, flow);
    },
    mergeKey,
  );
}

/** Adds a step or item after the selected one (or at the end), and selects it. */
export function addItem(flowId: string): void {
  const project = useDocumentStore.getState().project;
  if (!project) return;
  const locale = project.locales.defaultLocale;
  const selected = useUiStore.getState().selectedItemIds.at(-1);
  let added: FlowItem | null = null;
  changeItems('Add step', flowId, (items, flow) => {
    const item =
      flow.kind === 'tour'
        ? {
            ...createTourStep(locale),
            type: 'tooltip' as const,
            title: { [locale]: 'New step' },
            body: { [locale]: '' },
            buttons: [
              { action: 'back' as const, label: { [locale]: 'Back' } },
              { action: 'next' as const, label: { [locale]: 'Next' } },
            ],
          }
        : createChecklistItem(locale);
    const index = items.findIndex((candidate) => candidate.id === selected);
    items.splice(index < 0 ? items.length : index + 1, 0, item);
    added = item;
  });
  if (added) useUiStore.setState({ selectedFlowId: flowId, selectedItemIds: [(added as FlowItem).id], freshItemId: (added as FlowItem).id });
}

/** Copies each selected item right after itself, with new ids; the copies become the selection. */
export function duplicateItems(flowId: string, ids: readonly string[]): void {
  const copies: string[] = [];
  changeItems('Duplicate', flowId, (items) => {
    for (const id of ids) {
      const index = items.findIndex((item) => item.id === id);
      if (index < 0) continue;
      const copy = { ...(JSON.parse(JSON.stringify(items[index])) as FlowItem), id: newId() };
      items.splice(index + 1, 0, copy);
      copies.push(copy.id);
    }
  });
  if (copies.length) useUiStore.setState({ selectedItemIds: copies });
}

export function deleteItems(flowId: string, ids: readonly string[]): void {
  const doomed = new Set(ids);
  let firstIndex = -1;
  changeItems('Delete', flowId, (items) => {
    firstIndex = items.findIndex((item) => doomed.has(item.id));
    for (let index = items.length - 1; index >= 0; index--) if (doomed.has(items[index]!.id)) items.splice(index, 1);
  });
  const flow = useDocumentStore.getState().project?.flows.find((candidate) => candidate.id === flowId);
  const remaining = flow ? (itemsOf(flow) ?? []) : [];
  const next = remaining[Math.min(Math.max(firstIndex, 0), remaining.length - 1)];
  useUiStore.setState({ selectedItemIds: next ? [next.id] : [] });
}

/** Moves one item to where another one is (the outline's drag and keyboard reordering). */
export function moveItem(flowId: string, activeId: string, overId: string): void {
  if (activeId === overId) return;
  changeItems('Reorder', flowId, (items) => {
    const from = items.findIndex((item) => item.id === activeId);
    const to = items.findIndex((item) => item.id === overId);
    if (from < 0 || to < 0) return;
    const moved = arrayMove(items, from, to);
    items.splice(0, items.length, ...moved);
  });
}

/** Edits one step or item; typing in one field of it merges into one undo step. */
export function updateItem<T extends FlowItem>(flowId: string, itemId: string, recipe: (item: Draft<T>) => void, mergeKey?: string): void {
  changeItems(
    'Edit',
    flowId,
    (items) => {
      const item = items.find((candidate) => candidate.id === itemId);
      if (item) recipe(item as Draft<T>);
    },
    mergeKey && `${flowId}/${itemId}/${mergeKey}`,
  );
}
