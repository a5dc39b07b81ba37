import { beforeEach, describe, expect, it } from 'vitest';
import { lintProject } from '../../shared/lint/lintProject';
import { createFlow } from '../../shared/model/create';
import type { FlowOf } from '../../shared/model/flow';
import { applyLintFix } from '../../renderer/src/export/applyLintFix';
import { breakUndoMerge, undo, useDocumentStore } from '../../renderer/src/store/documentStore';
import { DASHBOARD_MAP } from '../fixtures/bootstrap-dashboard/dashboardMap';
import { dashboardScreenProject } from '../fixtures/bootstrap-dashboard/dashboardScreenProject';

const CHAIN = 'html > body:nth-of-type(1) > div:nth-of-type(1) > ul > li:nth-of-type(6) > a';
const tables = DASHBOARD_MAP.find((entry) => entry.id === 'nav-tables')!;
const anchor = () => (useDocumentStore.getState().project!.flows[0] as FlowOf<'tour'>).tour.steps[0]!.anchor;

beforeEach(() => {
  const project = dashboardScreenProject();
  const tour = createFlow('tour', 'Open Tables', 'en');
  tour.tour.steps[0]!.type = 'tooltip';
  tour.tour.steps[0]!.anchor = { screenId: 'screen_dashboard', elementId: tables.id, selectors: [CHAIN], box: tables.box };
  project.flows.push(tour);
  useDocumentStore.getState().load(project);
  breakUndoMerge();
});

describe('the Problems panel\'s one-click fix', () => {
  it('puts the map\'s stable selector first, keeps the old one as a fallback, clears the warning, and undoes in one step', () => {
    const [problem] = lintProject(useDocumentStore.getState().project!).filter((candidate) => candidate.code === 'fragileSelector');
    expect(problem?.fix).toEqual({ kind: 'useSelector', selector: 'a[href="tables.html"]', elementId: 'nav-tables' });
    applyLintFix(problem!);
    expect(anchor()!.selectors).toEqual(['a[href="tables.html"]', CHAIN]);
    expect(lintProject(useDocumentStore.getState().project!).filter((candidate) => candidate.code === 'fragileSelector')).toEqual([]);
    undo();
    expect(anchor()!.selectors).toEqual([CHAIN]);
  });

  it('applies to the anchor as it is now: an anchor removed since lint ran is left alone', () => {
    const [problem] = lintProject(useDocumentStore.getState().project!).filter((candidate) => candidate.code === 'fragileSelector');
    useDocumentStore.getState().change('Remove anchor', (draft) => {
      const tour = draft.flows[0] as FlowOf<'tour'>;
      delete tour.tour.steps[0]!.anchor;
    });
    const before = useDocumentStore.getState().project;
    applyLintFix(problem!);
    expect(useDocumentStore.getState().project).toBe(before);
  });

  it('after a new capture moved the element, one click points the anchor at it as captured last', () => {
    useDocumentStore.getState().change('Capture screen again', (draft) => {
      draft.screens[0]!.elements = structuredClone(DASHBOARD_MAP).map((entry) => ({ ...entry, id: `new-${entry.id}`, box: { ...entry.box, y: entry.box.y + 60 } }));
    });
    useDocumentStore.getState().change('Anchor', (draft) => {
      (draft.flows[0] as FlowOf<'tour'>).tour.steps[0]!.anchor!.selectors = [tables.selector];
    });
    breakUndoMerge();
    const [problem] = lintProject(useDocumentStore.getState().project!).filter((candidate) => candidate.code === 'anchorMoved');
    applyLintFix(problem!);
    expect(anchor()).toMatchObject({ elementId: 'new-nav-tables', selectors: [tables.selector, ...tables.alternates], box: { ...tables.box, y: tables.box.y + 60 } });
    expect(lintProject(useDocumentStore.getState().project!).filter((candidate) => candidate.code === 'anchorMoved')).toEqual([]);
    undo();
    expect(anchor()).toMatchObject({ elementId: 'nav-tables', selectors: [tables.selector], box: tables.box });
  });
});
