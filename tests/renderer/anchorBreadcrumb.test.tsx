// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFlow } from '../../shared/model/create';
import type { FlowOf } from '../../shared/model/flow';
import type { MappedElement } from '../../shared/model/screen';
import { ElementInspector } from '../../renderer/src/canvas/ElementInspector';
import { AnchorField } from '../../renderer/src/inspector/AnchorField';
import { crumbName } from '../../renderer/src/inspector/ElementBreadcrumb';
import { breakUndoMerge, undo, useDocumentStore } from '../../renderer/src/store/documentStore';
import { useUiStore } from '../../renderer/src/store/uiStore';
import { DASHBOARD_MAP } from '../fixtures/bootstrap-dashboard/dashboardMap';
import { dashboardScreenProject } from '../fixtures/bootstrap-dashboard/dashboardScreenProject';

afterEach(cleanup);

const byId = (id: string) => DASHBOARD_MAP.find((element) => element.id === id)!;
const step = () => (useDocumentStore.getState().project!.flows[0] as FlowOf<'tour'>).tour.steps[0]!;

function load(elements: MappedElement[]) {
  const project = dashboardScreenProject(elements);
  const tour = createFlow('tour', 'KPI tour', 'en');
  const number = byId('value-monthly');
  tour.tour.steps[0]!.anchor = { screenId: 'screen_dashboard', elementId: number.id, selectors: [number.selector], box: number.box };
  project.flows.push(tour);
  useDocumentStore.getState().load(project);
  useUiStore.setState({ selectedElementId: null, pickingAnchor: null });
  breakUndoMerge();
}

/** The step's anchor field as the inspector shows it, following the document. */
function StepAnchor() {
  const anchor = useDocumentStore((state) => (state.project!.flows[0] as FlowOf<'tour'>).tour.steps[0]!.anchor);
  return <AnchorField flowId={useDocumentStore.getState().project!.flows[0]!.id} itemId={step().id} anchor={anchor} onClear={() => {}} />;
}

describe('the ancestor breadcrumb', () => {
  beforeEach(() => load(structuredClone(DASHBOARD_MAP)));

  it('of an anchor: a click on the card anchors the step to the card, and one undo takes it back to the number', () => {
    render(<StepAnchor />);
    const crumbs = screen.getByRole('navigation', { name: 'Anchor ancestors' });
    expect(within(crumbs).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Dashboard', 'Earnings (Monthly) $40,000', '$40,000']);
    fireEvent.click(within(crumbs).getByRole('button', { name: 'Earnings (Monthly) $40,000' }));
    const card = byId('card-monthly');
    expect(step().anchor).toMatchObject({ elementId: 'card-monthly', selectors: [card.selector, ...card.alternates], box: card.box });
    expect(useUiStore.getState().selectedElementId).toBe('card-monthly');
    expect(within(screen.getByRole('navigation', { name: 'Anchor ancestors' })).getAllByRole('listitem')).toHaveLength(2);
    undo();
    expect(step().anchor?.elementId).toBe('value-monthly');
  });

  it('of an anchor whose id names another element on a new capture: neither that element\'s name nor its ancestors are shown', () => {
    const recaptured = structuredClone(DASHBOARD_MAP).map((element) => (element.id === 'value-monthly' ? { ...byId('nav-charts'), id: 'value-monthly' } : element));
    load(recaptured);
    render(<StepAnchor />);
    expect(screen.queryByText('Charts')).toBeNull();
    // No name to show: the selector once, not as a title too.
    expect(document.querySelector('.anchor-summary strong')).toBeNull();
    expect(document.querySelector('.anchor-summary code')!.textContent).toBe(byId('value-monthly').selector);
    expect(screen.queryByRole('navigation', { name: 'Anchor ancestors' })).toBeNull();
  });

  it('of the selected element: a click selects the ancestor; a map without parentId gets its tree from the boxes', () => {
    load(structuredClone(DASHBOARD_MAP).map(({ parentId: _parentId, ...element }) => element));
    useUiStore.setState({ selectedElementId: 'value-monthly' });
    render(<ElementInspector screen={useDocumentStore.getState().project!.screens[0]!} />);
    const crumbs = screen.getByRole('navigation', { name: 'Element ancestors' });
    fireEvent.click(within(crumbs).getByRole('button', { name: 'Earnings (Monthly) $40,000' }));
    expect(useUiStore.getState().selectedElementId).toBe('card-monthly');
    expect(screen.getByText(/goes to its parent/).textContent).toBe('On the canvas, Alt+↑ goes to its parent, Alt+↓ to the element inside it.');
  });

  it('is not shown for an element with no mapped ancestor', () => {
    useUiStore.setState({ selectedElementId: 'content' });
    render(<ElementInspector screen={useDocumentStore.getState().project!.screens[0]!} />);
    expect(screen.queryByRole('navigation', { name: 'Element ancestors' })).toBeNull();
  });

  it('names a container by its id or component class when its name is all the text inside it', () => {
    const base = { id: 'x', tag: 'div', selector: '#x', alternates: [], context: 'document' as const, box: { x: 0, y: 0, width: 10, height: 10 } };
    const long = 'SB Admin 2 Dashboard Interface Components Utilities Addons Pages Charts Tables';
    expect(crumbName({ ...base, name: long, fingerprint: { tag: 'div', attributes: { id: 'wrapper' }, classes: ['sidebar'] } })).toBe('#wrapper');
    expect(crumbName({ ...base, name: long, fingerprint: { tag: 'div', classes: ['card'] } })).toBe('div.card');
    expect(crumbName({ ...base, name: long })).toBe('SB Admin 2 Dashboard Interface…');
    expect(crumbName({ ...base, name: '  Earnings (Monthly)\n $40,000 ' })).toBe('Earnings (Monthly) $40,000');
    expect(crumbName({ ...base, role: 'main' })).toBe('main');
  });
});
