import { createFlow, flowKindLabel } from '../../../shared/model/create';
import type { FlowKind } from '../../../shared/model/flow';
import { useDocumentStore } from './documentStore';
import { useUiStore } from './uiStore';

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
  useUiStore.setState({ selectedFlowId: flow.id });
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
  useDocumentStore.getState().change('Delete flow', (draft) => {
    draft.flows.splice(index, 1);
  });
  // Keep a selection nearby so the keyboard user is not dropped.
  const remaining = useDocumentStore.getState().project?.flows ?? [];
  useUiStore.setState({ selectedFlowId: remaining[Math.min(index, remaining.length - 1)]?.id ?? null });
}
