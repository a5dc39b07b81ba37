// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChecklistItem } from '../../shared/model/checklist';
import type { FlowOf } from '../../shared/model/flow';
import { useDocumentStore } from '../../renderer/src/store/documentStore';
import { addFlow, deleteFlow } from '../../renderer/src/store/flowActions';
import { updateItem } from '../../renderer/src/store/flowItems';
import { useUiStore } from '../../renderer/src/store/uiStore';
import { AreaErrorBoundary } from '../../renderer/src/ui/AreaErrorBoundary';
import { openProject, renderApp } from './support/renderApp';

beforeEach(() => {
  openProject();
  // The boundary logs what it caught; React logs it too. Neither is what these tests look at.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A checklist whose first item starts a tour, and the tour deleted afterwards. */
function checklistStartingADeletedFlow(): string {
  const tourId = addFlow('tour')!;
  const checklistId = addFlow('checklist')!;
  const checklist = useDocumentStore.getState().project!.flows.find((flow) => flow.id === checklistId) as FlowOf<'checklist'>;
  updateItem<ChecklistItem>(checklistId, checklist.checklist.items[0]!.id, (draft) => void (draft.action = { kind: 'startFlow', flowId: tourId }));
  deleteFlow(tourId);
  return checklistId;
}

describe('an invalid document never blanks the editor', () => {
  it('Play shows the bundle problems, with their paths, in the preview; the outline still works', () => {
    const checklistId = checklistStartingADeletedFlow();
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Play Checklist' }));

    const preview = screen.getByRole('region', { name: 'Preview of Checklist' });
    const problem = within(preview).getByRole('alert');
    expect(problem.textContent).toContain('“Checklist” cannot play');
    expect(problem.textContent).toContain('In “Checklist”: $.flows[0].checklist.items[0].action.flowId names the flow');
    expect(useUiStore.getState().previewFlowId).toBe(checklistId);

    // The rest of the app is there and usable.
    fireEvent.click(within(preview).getByRole('button', { name: 'Close preview' }));
    expect(screen.queryByRole('region', { name: 'Preview of Checklist' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '+ New flow' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'NPS Survey' }));
    expect(within(screen.getByRole('list', { name: 'Flows' })).getByRole('button', { name: /^NPS survey/ })).toBeTruthy();
  });

  it('an area that throws shows which area failed and why, and "Try again" renders it anew', () => {
    let broken = true;
    function Fragile() {
      if (broken) throw new Error('the outline read a flow that is gone');
      return <p>Outline back</p>;
    }
    render(
      <>
        <AreaErrorBoundary area="flows outline">
          <Fragile />
        </AreaErrorBoundary>
        <p>Canvas still here</p>
      </>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The flows outline could not be shown.');
    expect(alert.textContent).toContain('the outline read a flow that is gone');
    expect(screen.getByText('Canvas still here')).toBeTruthy();

    broken = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Outline back')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
