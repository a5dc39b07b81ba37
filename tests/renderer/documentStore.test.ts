import { beforeEach, describe, expect, it } from 'vitest';
import { createProject } from '../../shared/model/create';
import { redo, undo, useDocumentStore } from '../../renderer/src/store/documentStore';
import { addFlow, deleteFlow, renameFlow } from '../../renderer/src/store/flowActions';
import { useUiStore } from '../../renderer/src/store/uiStore';

const flows = () => useDocumentStore.getState().project!.flows;
const history = () => useDocumentStore.temporal.getState();

beforeEach(() => {
  useDocumentStore.getState().load(createProject('Acme'));
  useUiStore.setState({ selectedFlowId: null });
});

describe('document store and undo', () => {
  it('starts a loaded project with an empty history', () => {
    expect(history().pastStates).toHaveLength(0);
  });

  it('makes each document change one undo step, and undo/redo walk them', () => {
    const id = addFlow('tour')!;
    renameFlow(id, 'Welcome');
    expect(flows()[0]!.name).toBe('Welcome');
    undo();
    expect(flows()[0]!.name).toBe('Product tour');
    undo();
    expect(flows()).toHaveLength(0);
    redo();
    redo();
    expect(flows()[0]!.name).toBe('Welcome');
  });

  it('keeps selection out of the history', () => {
    const id = addFlow('survey')!;
    const steps = history().pastStates.length;
    useUiStore.setState({ selectedFlowId: null });
    useUiStore.setState({ selectedFlowId: id });
    expect(history().pastStates).toHaveLength(steps);
  });

  it('records nothing for a change that changes nothing', () => {
    const id = addFlow('checklist')!;
    const steps = history().pastStates.length;
    renameFlow(id, 'Checklist');
    renameFlow(id, '   ');
    expect(history().pastStates).toHaveLength(steps);
  });

  it('gives new flows unique names and selects the flow next to a deleted one', () => {
    const first = addFlow('hotspot')!;
    const second = addFlow('hotspot')!;
    expect(flows().map((f) => f.name)).toEqual(['Hotspot', 'Hotspot 2']);
    useUiStore.setState({ selectedFlowId: first });
    deleteFlow(first);
    expect(useUiStore.getState().selectedFlowId).toBe(second);
    undo();
    expect(flows().map((f) => f.id)).toEqual([first, second]);
  });
});
