import { createFlow, flowKindLabel } from '../../../shared/model/create';
import type { Draft } from 'immer';
import type { Anchor } from '../../../shared/model/anchor';
import type { Flow, FlowKind } from '../../../shared/model/flow';
import { newId } from '../../../shared/model/ids';
import { useDocumentStore } from './documentStore';
import { freshResourceCenterIds } from './resourceCenterActions';
import { notify, useUiStore } from './uiStore';

function uniqueFlowName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base} ${n}`)) return `${base} ${n}`;
}

/** Adds a flow of a kind, selects it, and returns its id. */
export function addFlow(kind: FlowKind): string | null {
  const project = useDocumentStore.getState().project;
  if (!project) return null;
  const name = uniqueFlowName(flowKindLabel(kind), project.flows.map((flow) => flow.name));
  const flow = createFlow(kind, name, project.locales.defaultLocale);
  useDocumentStore.getState().change(`Add ${kind}`, (draft) => {
    draft.flows.push(flow);
  });
  useUiStore.setState({ selectedFlowId: flow.id, selectedItemIds: [] });
  return flow.id;
}

export function renameFlow(flowId: string, name: string): void {
  const trimmed = name.trim();
  if (!trimmed) return;
  useDocumentStore.getState().change('Rename flow', (draft) => {
    const flow = draft.flows.find((candidate) => candidate.id === flowId);
    if (flow && flow.name !== trimmed) flow.name = trimmed.slice(0, 200);
  });
}

export function deleteFlow(flowId: string): void {
  const project = useDocumentStore.getState().project;
  const index = project?.flows.findIndex((flow) => flow.id === flowId) ?? -1;
  if (!project || index < 0) return;
  const deleted = project.flows[index]!;
  useDocumentStore.getState().change('Delete flow', (draft) => {
    draft.flows.splice(index, 1);
  });
  // Keep a selection nearby so the keyboard user is not dropped.
  const remaining = useDocumentStore.getState().project?.flows ?? [];
  useUiStore.setState({ selectedFlowId: remaining[Math.min(index, remaining.length - 1)]?.id ?? null });
  // Never silent: the toast says what went and brings it back in one click.
  notify('info', `Deleted “${deleted.name}”.`, { label: 'Undo', run: () => restoreFlow(deleted, index) });
}

/** Puts a deleted flow back where it was and selects it, unless it is back already (Ctrl+Z). */
export function restoreFlow(flow: Flow, index: number): void {
  const project = useDocumentStore.getState().project;
  if (!project || project.flows.some((candidate) => candidate.id === flow.id)) return;
  useDocumentStore.getState().change('Restore flow', (draft) => {
    draft.flows.splice(Math.min(index, draft.flows.length), 0, flow);
  });
  useUiStore.setState({ selectedFlowId: flow.id, selectedItemIds: [] });
}

export function selectFlow(flowId: string | null): void {
  const { selectedFlowId } = useUiStore.getState();
  if (flowId === selectedFlowId) return;
  useUiStore.setState({ selectedFlowId: flowId, selectedItemIds: [], pickingAnchor: null, inspectorTab: 'selection' });
}

/** Edits a flow; changes with the same merge key in a row (typing in one field) are one undo step. */
export function updateFlow<K extends Flow['kind'] = Flow['kind']>(flowId: string, recipe: (flow: Draft<Extract<Flow, { kind: K }>>) => void, mergeKey?: string): void {
  useDocumentStore.getState().change(
    'Edit flow',
    (draft) => {
      const flow = draft.flows.find((candidate) => candidate.id === flowId);
      if (flow) recipe(flow as Draft<Extract<Flow, { kind: K }>>);
    },
    mergeKey && `${flowId}/${mergeKey}`,
  );
}

export function duplicateFlow(flowId: string): void {
  const project = useDocumentStore.getState().project;
  const source = project?.flows.find((flow) => flow.id === flowId);
  if (!project || !source) return;
  // Steps and items get new ids too, so no two records in a project share one.
  const copy = JSON.parse(JSON.stringify(source)) as Flow;
  copy.id = newId();
  copy.name = uniqueFlowName(`${source.name} copy`, project.flows.map((flow) => flow.name));
  copy.status = 'draft';
  if (copy.kind === 'tour') for (const step of copy.tour.steps) step.id = newId();
  if (copy.kind === 'checklist') for (const item of copy.checklist.items) item.id = newId();
  if (copy.kind === 'resourceCenter') freshResourceCenterIds(copy.resourceCenter);
  useDocumentStore.getState().change('Duplicate flow', (draft) => {
    draft.flows.splice(project.flows.indexOf(source) + 1, 0, copy);
  });
  useUiStore.setState({ selectedFlowId: copy.id, selectedItemIds: [] });
}

export function moveFlow(activeId: string, overId: string): void {
  if (activeId === overId) return;
  useDocumentStore.getState().change('Reorder flows', (draft) => {
    const from = draft.flows.findIndex((flow) => flow.id === activeId);
    const to = draft.flows.findIndex((flow) => flow.id === overId);
    if (from < 0 || to < 0) return;
    const [moved] = draft.flows.splice(from, 1);
    draft.flows.splice(to, 0, moved!);
  });
}

/** Points a step (itemId) or a hotspot (itemId null) at an element of a screen. */
export function anchorTo(flowId: string, itemId: string | null, anchor: Anchor): void {
  useDocumentStore.getState().change('Anchor', (draft) => {
    const flow = draft.flows.find((candidate) => candidate.id === flowId);
    if (flow?.kind === 'hotspot' && itemId === null) flow.hotspot.anchor = anchor;
    if (flow?.kind === 'tour') {
      const step = flow.tour.steps.find((candidate) => candidate.id === itemId);
      if (step) {
        step.anchor = anchor;
        step.type = 'tooltip';
      }
    }
  });
}
