// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BuilderApiError } from '../../shared/api/apiError';
import { createFlow, createProject } from '../../shared/model/create';
import type { Project } from '../../shared/model/project';
import { AUTOSAVE_DELAY_MS } from '../../renderer/src/app/useAutosave';
import { DISK_POLL_MS } from '../../renderer/src/app/useDiskChanges';
import { undo, useDocumentStore } from '../../renderer/src/store/documentStore';
import { useUiStore } from '../../renderer/src/store/uiStore';
import { fakeClient, openProject, renderApp } from './support/renderApp';

const PATH = '/projects/Acme.stepwise';

function project(): Project {
  return { ...createProject('Acme'), flows: [createFlow('tour', 'Welcome tour', 'en'), createFlow('hotspot', 'New reports', 'en')] };
}

const renamed = (from: Project, index: number, name: string): Project => ({ ...from, flows: from.flows.map((flow, at) => (at === index ? { ...flow, name } : flow)) });
const flowNames = () => useDocumentStore.getState().project!.flows.map((flow) => flow.name);
const renameHere = (index: number, name: string) =>
  act(() =>
    useDocumentStore.getState().change('Rename', (draft) => {
      draft.flows[index]!.name = name;
    }),
  );
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const saveState = () => screen.getAllByRole('status').find((element) => element.classList.contains('save-state'))!;

/** A host whose files are at `version`, holding `disk`; saves write `disk` and move the version on. */
function host(start: Project) {
  const state = { version: 'v1', disk: start, saves: [] as Project[] };
  const client = fakeClient({
    'project.diskVersion': () => ({ diskVersion: state.version }),
    'project.open': () => ({ path: PATH, project: JSON.parse(JSON.stringify(state.disk)) as Project, notices: [], diskVersion: state.version }),
    'project.save': (input: { project: Project; expectedDiskVersion?: string }) => {
      if (input.expectedDiskVersion !== undefined && input.expectedDiskVersion !== state.version) {
        throw new BuilderApiError({ code: 'changedOnDisk', message: 'The files changed on disk.', problems: [] });
      }
      state.saves.push(input.project);
      state.disk = input.project;
      state.version = `v${state.saves.length + 1}-saved`;
      return { path: PATH, savedAt: new Date().toISOString(), diskVersion: state.version };
    },
  });
  return { state, client };
}

let opened: Project;
beforeEach(() => {
  vi.useFakeTimers();
  opened = project();
  openProject(opened);
  useUiStore.setState({ diskVersion: 'v1', diskNotMerged: null });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the editor and changes on disk', () => {
  it('reloads quietly when nothing was edited here, says what changed, and the reload is one undo step', async () => {
    const { state, client } = host(opened);
    renderApp(client);
    state.disk = renamed(opened, 1, 'Reports beacon');
    state.version = 'v2';
    await advance(DISK_POLL_MS + 10);
    expect(flowNames()).toEqual(['Welcome tour', 'Reports beacon']);
    expect(useUiStore.getState().savedProject).toBe(useDocumentStore.getState().project); // nothing to save
    expect(screen.getByText('Reloaded from disk: 1 flow changed.')).toBeTruthy();
    act(() => undo());
    expect(flowNames()).toEqual(['Welcome tour', 'New reports']);
  });

  it('keeps the selection where the item still exists', async () => {
    const { state, client } = host(opened);
    renderApp(client);
    const tour = opened.flows[0]!;
    const stepId = tour.kind === 'tour' ? tour.tour.steps[0]!.id : '';
    act(() => useUiStore.setState({ selectedFlowId: tour.id, selectedItemIds: [stepId] }));
    state.disk = renamed(opened, 0, 'Welcome tour (renamed on disk)');
    state.version = 'v2';
    await advance(DISK_POLL_MS + 10);
    expect(useUiStore.getState()).toMatchObject({ selectedFlowId: tour.id, selectedItemIds: [stepId] });

    act(() => useUiStore.setState({ selectedFlowId: opened.flows[1]!.id, selectedItemIds: [] }));
    state.disk = { ...state.disk, flows: state.disk.flows.slice(0, 1) }; // the selected hotspot deleted on disk
    state.version = 'v3';
    await advance(DISK_POLL_MS + 10);
    expect(flowNames()).toEqual(['Welcome tour (renamed on disk)']);
    expect(useUiStore.getState().selectedFlowId).toBe(tour.id);
  });

  it('keeps a resource center article selected while a teammate’s change is merged in', async () => {
    const center = createFlow('resourceCenter', 'Help', 'en');
    opened = { ...opened, flows: [...opened.flows, center] };
    openProject(opened);
    useUiStore.setState({ diskVersion: 'v1' });
    const { state, client } = host(opened);
    renderApp(client);
    const articles = center.resourceCenter.sections.find((section) => section.kind === 'articles');
    const articleId = articles?.kind === 'articles' ? articles.articles[0]!.id : '';
    act(() => useUiStore.setState({ selectedFlowId: center.id, selectedItemIds: [articleId] }));
    state.disk = renamed(opened, 0, 'Welcome tour (renamed on disk)');
    state.version = 'v2';
    await advance(DISK_POLL_MS + 10);
    expect(flowNames()[0]).toBe('Welcome tour (renamed on disk)');
    expect(useUiStore.getState()).toMatchObject({ selectedFlowId: center.id, selectedItemIds: [articleId] });
  });

  it('drops a poll answered after a save finished: the save set what the files are', async () => {
    let answerPoll: (version: string) => void = () => undefined;
    const { state, client } = host(opened);
    const held = fakeClient({
      'project.diskVersion': () =>
        held.calls.filter((call) => call.method === 'project.diskVersion').length === 1
          ? new Promise((resolve) => (answerPoll = (diskVersion) => resolve({ diskVersion })))
          : client.call('project.diskVersion', { path: PATH }),
      'project.save': (input: never) => client.call('project.save', input),
      'project.open': () => client.call('project.open', { path: PATH }),
    });
    renderApp(held);
    await advance(DISK_POLL_MS + 10); // the poll asks; its answer is held
    renameHere(0, 'Mine');
    await advance(AUTOSAVE_DELAY_MS + 10); // the autosave writes: the files are now at v2-saved
    expect(state.saves).toHaveLength(1);
    answerPoll('v1-before-the-save-finished');
    await advance(10);
    expect(held.calls.some((call) => call.method === 'project.open')).toBe(false);
    expect(useUiStore.getState().diskVersion).toBe('v2-saved');
  });

  it('a save the host refuses because the files changed merges them in first, then writes both changes', async () => {
    const { state, client } = host(opened);
    renderApp(client);
    renameHere(0, 'Mine');
    state.disk = renamed(opened, 1, 'Theirs');
    state.version = 'v2';
    await advance(AUTOSAVE_DELAY_MS + 10); // before the next poll: the host refuses the save, the editor merges, saves again
    expect(state.saves.map((saved) => saved.flows.map((flow) => flow.name))).toEqual([['Mine', 'Theirs']]);
    expect(screen.getByText('Merged changes from disk: 1 flow changed. Your unsaved edits are kept.')).toBeTruthy();
  });

  it('asks about a flow changed on both sides; "Decide later" writes nothing and says why the changes stay unsaved', async () => {
    const { state, client } = host(opened);
    renderApp(client);
    renameHere(1, 'Mine');
    state.disk = renamed(opened, 1, 'Theirs');
    state.version = 'v2';
    await advance(AUTOSAVE_DELAY_MS + 10);
    const dialog = screen.getByRole('dialog', { name: 'Changed on disk and here' });
    expect(dialog.textContent).toContain('Mine · edited here, changed on disk (there: “Theirs”)');
    fireEvent.click(screen.getByRole('button', { name: 'Decide later' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    renameHere(0, 'Another edit');
    await advance(AUTOSAVE_DELAY_MS + DISK_POLL_MS * 3);
    expect(state.saves).toEqual([]);
    expect(screen.queryByRole('dialog')).toBeNull(); // the poll does not ask again about the same files
    expect(saveState().textContent).toBe('Not saved: changed on disk');
  });
});
