// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen as view, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnchorResult, HealthJob, HealthPlan, HealthReport } from '../../shared/health/flowHealth';
import { BuilderApiError } from '../../shared/api/apiError';
import { flowVerdicts } from '../../shared/health/flowVerdicts';
import { lintProject } from '../../shared/lint/lintProject';
import { planHealthCheck } from '../../shared/health/planHealthCheck';
import { createFlow } from '../../shared/model/create';
import type { Fingerprint } from '../../shared/model/fingerprint';
import type { FlowOf } from '../../shared/model/flow';
import type { Project } from '../../shared/model/project';
import type { Screen } from '../../shared/model/screen';
import { HEALTH_POLL_MS, resetHealthCheck } from '../../renderer/src/health/healthCheckStore';
import { redo, undo, useDocumentStore } from '../../renderer/src/store/documentStore';
import { useUiStore } from '../../renderer/src/store/uiStore';
import { DASHBOARD_MAP } from '../fixtures/bootstrap-dashboard/dashboardMap';
import { dashboardScreenProject } from '../fixtures/bootstrap-dashboard/dashboardScreenProject';
import { fakeClient, openProject, renderApp } from './support/renderApp';

const tables = DASHBOARD_MAP.find((entry) => entry.id === 'nav-tables')!;
const report = DASHBOARD_MAP.find((entry) => entry.id === 'report')!;
const search = DASHBOARD_MAP.find((entry) => entry.id === 'search')!;
const freshTables: Fingerprint = { tag: 'a', role: 'link', text: 'Tables', attributes: { 'data-nav': 'tables' }, ancestors: [{ tag: 'ul' }], index: 7, box: { x: 0, y: 260, width: 224, height: 56 } };
const FRESH_FILE = `${'c'.repeat(64)}.png`;

let tourId: string;
let hotspotId: string;
let stepIds: string[];

function project(): Project {
  const built = dashboardScreenProject();
  const mockup: Screen = { id: 'screen_mockup', name: 'Mockup', image: { file: `${'d'.repeat(64)}.png`, width: 800, height: 600 }, source: { kind: 'image', originalName: 'mockup.png' }, elements: [] };
  built.screens.push(mockup);
  const tour = createFlow('tour', 'Onboarding', 'en');
  tour.tour.steps.push(structuredClone(tour.tour.steps[0]!), structuredClone(tour.tour.steps[0]!));
  tour.tour.steps.forEach((step, index) => {
    step.id = `step_${index + 1}`;
    step.type = 'tooltip';
  });
  tour.tour.steps[0]!.anchor = { screenId: 'screen_dashboard', elementId: tables.id, selectors: [tables.selector], box: tables.box };
  tour.tour.steps[1]!.anchor = { screenId: 'screen_dashboard', elementId: report.id, selectors: [report.selector], box: report.box };
  tour.tour.steps[2]!.anchor = { screenId: 'screen_mockup', selectors: ['#save'], box: { x: 10, y: 10, width: 80, height: 30 } };
  const hotspot = createFlow('hotspot', 'Search tip', 'en');
  hotspot.hotspot.anchor = { screenId: 'screen_dashboard', elementId: search.id, selectors: [search.selector], box: search.box };
  tourId = tour.id;
  hotspotId = hotspot.id;
  stepIds = tour.tour.steps.map((step) => step.id);
  built.flows.push(tour, hotspot);
  return built;
}

/** What the engine would find on the changed page: Tables recovered by its fingerprint, the report link gone, the search box moved. */
function resultsFor(plan: HealthPlan, baseUrl?: string): HealthReport {
  const anchors: AnchorResult[] = [
    { flowId: tourId, itemId: stepIds[0], screenId: 'screen_dashboard', label: 'Onboarding › step 1', status: 'changed', reason: 'found by its fingerprint (0.82): the selectors find nothing', foundBy: 'fingerprint', score: 0.82, box: { x: 0, y: 260, width: 224, height: 56 }, suggestion: { selectors: ['a[data-nav="tables"]'], fingerprint: freshTables, elementId: 'fresh-tables' } },
    { flowId: tourId, itemId: stepIds[1], screenId: 'screen_dashboard', label: 'Onboarding › step 2', status: 'missing', reason: 'no selector matches and nothing on the page fits its fingerprint' },
    { flowId: hotspotId, screenId: 'screen_dashboard', label: 'Search tip › hotspot', status: 'moved', foundBy: 'selector', box: { ...search.box, y: search.box.y + 40 } },
  ];
  return {
    checkedAt: new Date().toISOString(),
    ...(baseUrl ? { baseUrl } : {}),
    screens: [{ screenId: 'screen_dashboard', name: 'Dashboard', url: `${baseUrl ?? 'https://admin.example.com'}/`, status: 'checked', notices: [], freshImage: { file: FRESH_FILE, width: 1440, height: 900 }, ms: 900 }],
    anchors,
    unchecked: plan.unchecked,
    flows: flowVerdicts(plan, anchors, plan.unchecked, new Set()),
    ms: 1_000,
  };
}

const freshScreen: Screen = {
  id: 'screen_dashboard',
  name: 'Dashboard',
  image: { file: FRESH_FILE, width: 1440, height: 900 },
  source: { kind: 'url', url: 'https://staging.example.com/', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, fullPage: false },
  elements: [
    { id: 'fresh-tables', tag: 'a', role: 'link', name: 'Tables', selector: 'a[data-nav="tables"]', alternates: [], context: 'document', box: { x: 0, y: 260, width: 224, height: 56 } },
    { id: 'fresh-search', tag: 'input', role: 'textbox', name: 'Search', selector: search.selector, alternates: [], context: 'document', box: { ...search.box, y: search.box.y + 40 } },
  ],
  capturedAt: '2026-12-03T14:00:00.000Z',
};

/** A host whose check runs in steps the test takes: `finish()` makes the next health.status answer done. */
function checkingHost() {
  let plan: HealthPlan | null = null;
  let baseUrl: string | undefined;
  let state: HealthJob['state'] = 'running';
  const job = (): HealthJob => ({ jobId: 'job-1', state, done: state === 'running' ? 0 : 1, total: 1, current: state === 'running' ? ['Dashboard'] : [], ...(state === 'done' ? { report: resultsFor(plan!, baseUrl) } : {}), ...(state === 'cancelled' ? { report: { ...resultsFor(plan!, baseUrl), screens: [], anchors: [] } } : {}) });
  const client = fakeClient({
    'health.start': (input: { plan: HealthPlan; baseUrl?: string }) => {
      plan = input.plan;
      baseUrl = input.baseUrl;
      state = 'running';
      return job();
    },
    'health.status': () => job(),
    'health.cancel': () => {
      state = 'cancelled';
      return job();
    },
    'health.freshScreen': () => freshScreen,
    'project.readImage': () => ({ dataUrl: 'data:image/png;base64,iVBORw0KGgo=' }),
  });
  return { client, finish: () => void (state = 'done'), plan: () => plan };
}

const poll = () => act(() => vi.advanceTimersByTimeAsync(HEALTH_POLL_MS));
const anchorOf = (index: number) => (useDocumentStore.getState().project!.flows[0] as FlowOf<'tour'>).tour.steps[index]!.anchor!;
const hotspotAnchor = () => (useDocumentStore.getState().project!.flows[1] as FlowOf<'hotspot'>).hotspot.anchor!;

beforeAll(() => {
  // jsdom has no layout; the canvas only needs the observer to exist.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: false });
  openProject(project());
});
afterEach(() => {
  cleanup();
  resetHealthCheck();
  localStorage.clear();
  vi.useRealTimers();
});

async function runCheck(baseUrl = 'https://staging.example.com') {
  const host = checkingHost();
  renderApp(host.client);
  fireEvent.click(view.getByRole('button', { name: 'Check flows' }));
  const dialog = view.getByRole('dialog', { name: 'Check flows against the live product' });
  fireEvent.change(within(dialog).getByLabelText('Check against (optional)'), { target: { value: baseUrl } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Start check' }));
  await act(() => vi.advanceTimersByTimeAsync(0));
  return { host, dialog };
}

describe('Check flows', () => {
  it('says what it will check, from the project in memory, and refuses a base URL that is not an origin', async () => {
    // An unsaved rename: the plan is made from the document, not from the file.
    act(() => useDocumentStore.getState().change('Rename', (draft) => void (draft.flows[0]!.name = 'First steps')));
    const host = checkingHost();
    renderApp(host.client);
    fireEvent.click(view.getByRole('button', { name: 'Check flows' }));
    const dialog = view.getByRole('dialog', { name: 'Check flows against the live product' });
    expect(within(dialog).getByTestId('check-plan').textContent).toBe('1 screen, 2 anchored steps and 1 hotspot; 1 step on image screens cannot be checked (there is no page to load).');
    const field = within(dialog).getByLabelText('Check against (optional)');
    fireEvent.change(field, { target: { value: 'https://staging.example.com/app' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start check' }));
    expect(within(dialog).getByText('“Check against” must be an http or https origin such as https://staging.example.com, with nothing after it.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(host.client.calls.some((call) => call.method === 'health.start')).toBe(false);

    fireEvent.change(field, { target: { value: 'https://staging.example.com' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start check' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(host.client.calls.find((call) => call.method === 'health.start')?.input).toMatchObject({ projectPath: '/projects/Acme.stepwise', baseUrl: 'https://staging.example.com' });
    expect(host.plan()!.screens[0]!.anchors.map((anchor) => anchor.label)).toEqual(['First steps › step 1 “Welcome”', 'First steps › step 2 “Welcome”', 'Search tip › hotspot']);
    expect(within(dialog).getByRole('status').textContent).toBe('0 of 1 screen · loading Dashboard…');
  });

  it('opens with Ctrl+Shift+L too, listed with the other shortcuts, and Escape closes it', () => {
    renderApp(checkingHost().client);
    fireEvent.keyDown(window, { key: 'L', ctrlKey: true, shiftKey: true });
    const dialog = view.getByRole('dialog', { name: 'Check flows against the live product' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(dialog.isConnected).toBe(false);
    fireEvent.keyDown(window, { key: '/', ctrlKey: true });
    expect(within(view.getByRole('dialog', { name: 'Keyboard shortcuts' })).getByRole('row', { name: 'Check Flows Ctrl+Shift+L' })).toBeTruthy();
  });

  it('says so when there is nothing to check, and shows why a check could not run without losing the form', async () => {
    act(() => useDocumentStore.getState().change('Only the mockup', (draft) => void (draft.screens = draft.screens.filter((screen) => screen.source.kind === 'image'))));
    const refusing = fakeClient({
      'health.start': () => {
        throw new BuilderApiError({ code: 'unsupported', message: 'The desktop app cannot check flows yet. Run "stepwise check <project>" in a terminal.', problems: [] });
      },
    });
    renderApp(refusing);
    fireEvent.click(view.getByRole('button', { name: 'Check flows' }));
    let dialog = view.getByRole('dialog', { name: 'Check flows against the live product' });
    expect(within(dialog).getByRole('note').textContent).toMatch(/^Nothing to check yet: no screen of this project was captured from a page address/);
    expect((within(dialog).getByRole('button', { name: 'Start check' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));

    act(() => undo());
    fireEvent.click(view.getByRole('button', { name: 'Check flows' }));
    dialog = view.getByRole('dialog', { name: 'Check flows against the live product' });
    fireEvent.change(within(dialog).getByLabelText('Check against (optional)'), { target: { value: 'https://staging.example.com' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start check' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(within(dialog).getByRole('alert').textContent).toBe('The check could not run: The desktop app cannot check flows yet. Run "stepwise check <project>" in a terminal.');
    expect((within(dialog).getByLabelText('Check against (optional)') as HTMLInputElement).value).toBe('https://staging.example.com');
    expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('lands its results in the Problems panel, worst first, with a summary per flow', async () => {
    const { host, dialog } = await runCheck();
    host.finish();
    await poll();
    expect(dialog.isConnected).toBe(false);
    // It closed onto the results: no notice on top of them.
    expect(useUiStore.getState().notices).toEqual([]);
    expect(view.getByTestId('live-check-summary').textContent).toBe('Checked just now against https://staging.example.com: 1 flow ok, 1 broken · 1 moved (it still plays)');
    const lines = [...view.getByRole('list', { name: 'Live check results' }).children] as HTMLElement[];
    expect(lines.map((line) => line.querySelector('button, summary')?.textContent)).toEqual([
      'OnboardingBroken1 missing · 1 changed · 1 not checked',
      'MissingOnboarding › step 2: no selector matches and nothing on the page fits its fingerprint',
      'ChangedOnboarding › step 1: found by its fingerprint (0.82): the selectors find nothing',
      '1 moved (it still plays)',
    ]);
    fireEvent.click(within(lines[0]!).getByRole('button'));
    expect(useUiStore.getState()).toMatchObject({ selectedFlowId: tourId, selectedItemIds: [] });
    // Moved steps still play: their lines are folded under their count, and open to select them.
    const moved = view.getByText('1 moved (it still plays)').closest('details')!;
    expect(moved.open).toBe(false);
    fireEvent.click(within(moved).getByRole('button', { name: /^MovedSearch tip › hotspot/ }));
    expect(useUiStore.getState()).toMatchObject({ selectedFlowId: hotspotId, selectedItemIds: [] });
  });

  it('keeps running when the dialog is closed (progress in the Problems panel) and stops on Cancel with what it had', async () => {
    const { host, dialog } = await runCheck();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(dialog.isConnected).toBe(false);
    const panel = view.getByRole('region', { name: 'Live check' });
    expect(within(panel).getByRole('status').textContent).toBe('0 of 1 screen · loading Dashboard…');
    expect(useUiStore.getState().notices).toEqual([]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel' }));
    await poll();
    expect(host.client.calls.filter((call) => call.method === 'health.cancel')).toHaveLength(1);
    expect(view.getByTestId('live-check-summary').textContent).toMatch(/\(cancelled after 0 of 1 screens\)/);
  });

  it('says when a check it was left to run has finished', async () => {
    const { host, dialog } = await runCheck();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    host.finish();
    await poll();
    expect(useUiStore.getState().notices.map((notice) => notice.message)).toEqual(['The flow check finished: 1 flow ok, 1 broken. The results are in the Problems panel.']);
  });

  it('shows a changed step captured beside live, and Re-anchor from its line is one undo step that marks the result', async () => {
    const { host } = await runCheck();
    host.finish();
    await poll();
    fireEvent.click(view.getByRole('button', { name: /^ChangedOnboarding › step 1/ }));
    expect(useUiStore.getState()).toMatchObject({ selectedFlowId: tourId, selectedItemIds: [stepIds[0]], selectedScreenId: 'screen_dashboard' });
    const compare = view.getByRole('region', { name: 'Live check comparison' });
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(within(compare).getByAltText('Captured screenshot')).toBeTruthy();
    expect(within(compare).getByAltText('Live now screenshot')).toBeTruthy();
    expect(within(compare).getByTestId('health-box-captured').style.top).toBe(`${tables.box.y}px`);
    expect(within(compare).getByTestId('health-box-fresh').style.top).toBe('260px');

    const pastBefore = useDocumentStore.temporal.getState().pastStates.length;
    const lintBefore = lintProject(useDocumentStore.getState().project!).length;
    fireEvent.click(within(view.getByRole('list', { name: 'Live check results' })).getByRole('button', { name: 'Re-anchor' }));
    expect(anchorOf(0)).toMatchObject({ screenId: 'screen_dashboard', selectors: ['a[data-nav="tables"]'], box: tables.box, fingerprint: freshTables });
    // Lint still sees the captured map's entry as this element: it stays linked (name and breadcrumb), and lint asks for no re-pick.
    expect(anchorOf(0).elementId).toBe(tables.id);
    expect(lintProject(useDocumentStore.getState().project!).length).toBe(lintBefore);
    // The inspector still names it (from the fingerprint), and shows the selector once.
    expect(document.querySelector('.anchor-summary strong')?.textContent).toBe('Tables');
    expect(document.querySelector('.anchor-summary code')?.textContent).toBe('a[data-nav="tables"]');
    expect(useDocumentStore.temporal.getState().pastStates.length).toBe(pastBefore + 1);
    expect(view.getAllByText('Re-anchored since the check: check again to confirm.').length).toBeGreaterThan(0);
    expect(within(compare).queryByRole('button', { name: 'Re-anchor' })).toBeNull();
    act(() => undo());
    expect(anchorOf(0)).toMatchObject({ selectors: [tables.selector], elementId: tables.id });
    expect(anchorOf(0).fingerprint).toBeUndefined();
    expect(within(compare).getByRole('button', { name: 'Re-anchor' })).toBeTruthy();
    act(() => redo());
    expect(anchorOf(0).selectors).toEqual(['a[data-nav="tables"]']);
  });

  it('Export says in one line what the last check found, and offers to check again', async () => {
    const { host } = await runCheck();
    host.finish();
    await poll();
    fireEvent.click(view.getByRole('button', { name: 'Export…' }));
    const exportDialog = view.getByRole('dialog', { name: 'Export' });
    expect(within(exportDialog).getByRole('note').textContent).toBe('Last check just now (against https://staging.example.com): 1 flow broken, 1 step missing, 1 step changed — Check flows again');
    // Only lint's errors block (this fixture has some); the check's problems add none.
    expect(within(exportDialog).getByRole('heading', { name: /block the export|export is allowed|Ready to export/ }).textContent).not.toMatch(/check/i);
    fireEvent.click(within(exportDialog).getByRole('button', { name: 'Check flows again' }));
    expect(view.getByRole('dialog', { name: 'Check flows against the live product' })).toBeTruthy();
  });

  it('reopening the project shows its last check (remembered on this machine, not in the file), without Replace screen', async () => {
    const { host } = await runCheck('');
    host.finish();
    await poll();
    const document = useDocumentStore.getState().project!;
    act(() => useUiStore.setState({ projectPath: null }));
    expect(view.queryByTestId('live-check-summary')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(2 * 3_600_000));
    act(() => openProject(document));
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(view.getByTestId('live-check-summary').textContent).toBe('Checked 2 hours ago: 1 flow ok, 1 broken · 1 moved (it still plays)');
    fireEvent.click(view.getByRole('button', { name: /^ChangedOnboarding › step 1/ }));
    const compare = view.getByRole('region', { name: 'Live check comparison' });
    expect(within(compare).queryByRole('button', { name: 'Replace screen with the fresh capture' })).toBeNull();
    expect(compare.querySelector('.health-compare-note')!.textContent).toMatch(/This check is from an earlier session; to replace the screen, check flows again\.$/);
    // What storage holds is checked like any input: a damaged entry is dropped, not shown.
    localStorage.setItem(`stepwise.lastHealthCheck.${document.id}`, '{"plan": 1}');
    act(() => useUiStore.setState({ projectPath: null }));
    act(() => openProject(document));
    expect(view.queryByTestId('live-check-summary')).toBeNull();
  });

  it('a page that looks exactly as captured (the same image file) does not read as a replaced screen', async () => {
    const plan = planHealthCheck(useDocumentStore.getState().project!);
    const same = resultsFor(plan);
    same.screens[0]!.freshImage = { ...plan.screens[0]!.image };
    renderApp(fakeClient({ 'health.start': () => ({ jobId: 'job-3', state: 'done', done: 1, total: 1, current: [], report: same }) }));
    fireEvent.click(view.getByRole('button', { name: 'Check flows' }));
    fireEvent.click(view.getByRole('button', { name: 'Start check' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(view.queryByText(/Checked before the screen was replaced/)).toBeNull();
    expect(within(view.getByRole('list', { name: 'Live check results' })).getByRole('button', { name: 'Re-anchor' })).toBeTruthy();
  });

  it('names a screen that could not be loaded, and counts its flows broken', async () => {
    const plan = planHealthCheck(useDocumentStore.getState().project!);
    const failed: HealthReport = {
      checkedAt: new Date().toISOString(),
      screens: [{ screenId: 'screen_dashboard', name: 'Dashboard', url: 'https://admin.example.com/', status: 'failed', error: 'the page went to https://admin.example.com/login instead (a sign-in page?)', notices: [], ms: 300 }],
      anchors: [],
      unchecked: plan.unchecked,
      flows: flowVerdicts(plan, [], plan.unchecked, new Set(['screen_dashboard'])),
      ms: 400,
    };
    renderApp(fakeClient({ 'health.start': () => ({ jobId: 'job-2', state: 'done', done: 1, total: 1, current: [], report: failed }) }));
    fireEvent.click(view.getByRole('button', { name: 'Check flows' }));
    fireEvent.click(view.getByRole('button', { name: 'Start check' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(view.getByTestId('live-check-summary').textContent).toBe('Checked just now: 2 broken');
    const lines = within(view.getByRole('list', { name: 'Live check results' })).getAllByRole('listitem');
    expect(lines[0]!.textContent).toBe('FailedScreen “Dashboard” could not be checked: the page went to https://admin.example.com/login instead (a sign-in page?)');
    fireEvent.click(within(lines[0]!).getByRole('button'));
    expect(useUiStore.getState().selectedScreenId).toBe('screen_dashboard');
  });

  it('a result goes stale once its anchor is edited another way', async () => {
    const { host } = await runCheck();
    host.finish();
    await poll();
    act(() => useDocumentStore.getState().change('Edit selector', (draft) => void ((draft.flows[0] as FlowOf<'tour'>).tour.steps[1]!.anchor!.selectors = ['#report'])));
    expect(view.getByText('The anchor was edited since the check: this result may be out of date.')).toBeTruthy();
  });

  it('after a check against another host, the comparison offers Re-anchor (saying where from) but not Replace screen, and says why', async () => {
    const { host } = await runCheck();
    host.finish();
    await poll();
    fireEvent.click(view.getByRole('button', { name: /^ChangedOnboarding › step 1/ }));
    const compare = view.getByRole('region', { name: 'Live check comparison' });
    expect(within(compare).getByRole('button', { name: 'Re-anchor' })).toBeTruthy();
    expect(within(compare).queryByRole('button', { name: 'Replace screen with the fresh capture' })).toBeNull();
    expect(compare.querySelector('.health-compare-note')!.textContent).toBe('Re-anchor uses selectors from staging.example.com. This capture is from staging.example.com; to replace the screen, check the captured address.');
  });

  it('Replace screen swaps the image and map and moves the found anchors to their fresh boxes, in one undo step', async () => {
    const { host } = await runCheck('');
    host.finish();
    await poll();
    fireEvent.click(view.getByRole('button', { name: /^ChangedOnboarding › step 1/ }));
    // Re-anchored first: still the element the check found, so it moves too.
    fireEvent.click(within(view.getByRole('list', { name: 'Live check results' })).getByRole('button', { name: 'Re-anchor' }));
    const before = useDocumentStore.getState().project!;
    fireEvent.click(view.getByRole('button', { name: 'Replace screen with the fresh capture' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(host.client.calls.find((call) => call.method === 'health.freshScreen')?.input).toEqual({ jobId: 'job-1', screenId: 'screen_dashboard' });
    const screen = useDocumentStore.getState().project!.screens[0]!;
    expect(screen).toMatchObject({ id: 'screen_dashboard', name: 'Dashboard', image: { file: FRESH_FILE }, source: { url: 'https://admin.example.com/' }, capturedAt: '2026-12-03T14:00:00.000Z' });
    expect(screen.elements.map((element) => element.id)).toEqual(['fresh-tables', 'fresh-search']);
    expect(anchorOf(0)).toMatchObject({ box: { x: 0, y: 260, width: 224, height: 56 }, elementId: 'fresh-tables', selectors: ['a[data-nav="tables"]'] });
    expect(hotspotAnchor()).toMatchObject({ box: { ...search.box, y: search.box.y + 40 }, elementId: 'fresh-search' });
    // Not found: it keeps its box, so the canvas still shows what it meant.
    expect(anchorOf(1).box).toEqual(report.box);
    expect(view.queryByRole('button', { name: 'Replace screen with the fresh capture' })).toBeNull();
    // Every result of the screen describes it before the replace: marked, and nothing to apply from it.
    const lines = [...document.querySelectorAll('.live-check .health-row')];
    expect(lines.map((line) => line.querySelector('.health-stale-note')?.textContent?.trim())).toEqual(Array(3).fill('Checked before the screen was replaced: check again.'));
    expect(view.queryAllByRole('button', { name: 'Re-anchor' })).toEqual([]);
    act(() => undo());
    expect(useDocumentStore.getState().project).toBe(before);
  });
});
