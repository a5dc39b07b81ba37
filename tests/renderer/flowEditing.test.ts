import { beforeEach, describe, expect, it } from 'vitest';
import { contrastRatio, readableTextOn, themeContrastProblems } from '../../shared/bundle/contrast';
import { hasRoomBeside, sideForDrop } from '../../shared/bundle/placement';
import { createProject } from '../../shared/model/create';
import type { FlowOf, TourStep } from '../../shared/model/flow';
import { breakUndoMerge, undo, useDocumentStore } from '../../renderer/src/store/documentStore';
import { addFlow, anchorTo, duplicateFlow } from '../../renderer/src/store/flowActions';
import { addItem, deleteItems, duplicateItems, moveItem, updateItem } from '../../renderer/src/store/flowItems';
import { useUiStore } from '../../renderer/src/store/uiStore';

const tour = () => useDocumentStore.getState().project!.flows[0] as FlowOf<'tour'>;
const titles = () => tour().tour.steps.map((step) => step.title.en);

beforeEach(() => {
  useDocumentStore.getState().load(createProject('Acme'));
  useUiStore.setState({ selectedFlowId: null, selectedItemIds: [] });
  breakUndoMerge();
});

function tourWithSteps(count: number): string {
  const flowId = addFlow('tour')!;
  for (let i = 1; i < count; i++) addItem(flowId);
  tour().tour.steps.forEach((step, index) => updateItem<TourStep>(flowId, step.id, (draft) => void (draft.title.en = `S${index + 1}`)));
  breakUndoMerge();
  return flowId;
}

describe('editing steps and items', () => {
  it('reorders, and one undo puts the order back', () => {
    const flowId = tourWithSteps(5);
    const ids = tour().tour.steps.map((step) => step.id);
    moveItem(flowId, ids[3]!, ids[1]!);
    expect(titles()).toEqual(['S1', 'S4', 'S2', 'S3', 'S5']);
    undo();
    expect(titles()).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
  });

  it('merges typing in one field into one undo step, but not typing in another field', () => {
    const flowId = tourWithSteps(1);
    const stepId = tour().tour.steps[0]!.id;
    for (const text of ['H', 'He', 'Hel', 'Hello']) updateItem<TourStep>(flowId, stepId, (draft) => void (draft.title.en = text), 'title/en');
    updateItem<TourStep>(flowId, stepId, (draft) => void (draft.body.en = 'Body'), 'body/en');
    undo();
    expect(tour().tour.steps[0]!.body.en).not.toBe('Body');
    expect(titles()).toEqual(['Hello']);
    undo();
    expect(titles()).toEqual(['S1']);
  });

  it('duplicates and deletes several steps at once, with new ids', () => {
    const flowId = tourWithSteps(3);
    const ids = tour().tour.steps.map((step) => step.id);
    duplicateItems(flowId, [ids[0]!, ids[2]!]);
    expect(titles()).toEqual(['S1', 'S1', 'S2', 'S3', 'S3']);
    expect(new Set(tour().tour.steps.map((step) => step.id)).size).toBe(5);
    expect(useUiStore.getState().selectedItemIds).toHaveLength(2);
    deleteItems(flowId, useUiStore.getState().selectedItemIds);
    expect(titles()).toEqual(['S1', 'S2', 'S3']);
  });

  it('anchors a step to a mapped element with its selectors and box', () => {
    const flowId = tourWithSteps(1);
    const stepId = tour().tour.steps[0]!.id;
    useDocumentStore.getState().change('screen', (draft) => {
      draft.screens.push({ id: 'scr', name: 'Home', image: { file: `${'a'.repeat(64)}.png`, width: 100, height: 100 }, source: { kind: 'image', originalName: 'x.png' }, elements: [] });
    });
    anchorTo(flowId, stepId, { screenId: 'scr', elementId: 'e1', selectors: ['#save', 'button.save'], box: { x: 1, y: 2, width: 3, height: 4 } });
    expect(tour().tour.steps[0]).toMatchObject({ type: 'tooltip', anchor: { screenId: 'scr', selectors: ['#save', 'button.save'] } });
  });

  it('duplicates a flow with new ids for its steps', () => {
    const flowId = tourWithSteps(2);
    duplicateFlow(flowId);
    const [original, copy] = useDocumentStore.getState().project!.flows as FlowOf<'tour'>[];
    expect(copy!.name).toBe('Product tour copy');
    expect(copy!.tour.steps.map((step) => step.id)).not.toEqual(original!.tour.steps.map((step) => step.id));
  });
});

describe('what the canvas and the player share', () => {
  it('knows when a tooltip has no room beside its target, and reads a drop', () => {
    const target = { left: 100, top: 100, width: 80, height: 30 };
    expect(hasRoomBeside(target, { width: 200, height: 100 }, { width: 1000, height: 800 })).toBe(true);
    expect(hasRoomBeside({ left: 0, top: 0, width: 1000, height: 790 }, { width: 200, height: 100 }, { width: 1000, height: 800 })).toBe(false);
    expect(hasRoomBeside({ ...target, left: 950 }, { width: 200, height: 100 }, { width: 1000, height: 800 })).toBe(false);
    expect(sideForDrop(target, { x: 400, y: 115 })).toEqual({ side: 'right', align: 'center' });
    expect(sideForDrop(target, { x: 105, y: 300 })).toEqual({ side: 'bottom', align: 'start' });
  });

  it('measures WCAG contrast and flags a theme below AA', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(readableTextOn('#ffffff')).toBe('#111827');
    expect(themeContrastProblems({ textColor: '#999999', backgroundColor: '#ffffff', brandColor: '#4f46e5' }).map((problem) => problem.what)).toEqual(['Text on the background']);
  });
});
