// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/app/App';
import { AppContext } from '../../renderer/src/app/appContext';
import { createProjectSession } from '../../renderer/src/app/projectSession';
import { AUTOSAVE_DELAY_MS } from '../../renderer/src/app/useAutosave';
import { DISK_POLL_MS } from '../../renderer/src/app/useDiskChanges';
import { createAppCommands } from '../../renderer/src/commands/appCommands';
import { useDocumentStore } from '../../renderer/src/store/documentStore';
import { useUiStore } from '../../renderer/src/store/uiStore';
import type { OpenedProject } from '../../shared/api/contract';
import { createFlow, createProject } from '../../shared/model/create';
import { fakeClient } from './support/renderApp';

beforeEach(() => {
  useDocumentStore.getState().load(null);
  useUiStore.setState({ projectPath: null, savedProject: null, dialog: { kind: 'none' }, notices: [] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const saveState = () => screen.getAllByRole('status').find((element) => element.classList.contains('save-state'))!;

/** The app over a host whose open answers `opened`; returns the calls the editor made. */
async function openInApp(opened: Omit<OpenedProject, 'notices'> & { notices?: string[] }) {
  const client = fakeClient({
    'project.open': () => ({ notices: [], ...opened }),
    'project.save': () => ({ path: opened.path, savedAt: new Date(0).toISOString() }),
  });
  const session = renderSession(client);
  await act(() => session.open(opened.path));
  return client;
}

/** The whole app over `client`, with the session the test drives. */
function renderSession(client: ReturnType<typeof fakeClient>) {
  const session = createProjectSession(client);
  render(
    <AppContext.Provider value={{ client, session, commands: createAppCommands(session, client) }}>
      <App />
    </AppContext.Provider>,
  );
  return session;
}

const project = () => ({ ...createProject('Acme'), flows: [{ ...createFlow('tour', 'Setup tour', 'en'), id: 'setup-checklist' }] });

describe('a project the host repaired while opening it (a flow file copied by hand)', () => {
  it('starts unsaved and autosave writes the fix', async () => {
    vi.useFakeTimers();
    const client = await openInApp({ path: '/projects/Acme.stepwise', project: project(), repaired: true, notices: ['flows/setup-checklist.json at $.flow.id repeated the id "x"; it is now "setup-checklist".'] });
    expect(saveState().textContent).toBe('Unsaved changes');
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10));
    const saves = client.calls.filter((call) => call.method === 'project.save');
    expect(saves).toHaveLength(1);
    expect(saves[0]!.input).toMatchObject({ path: '/projects/Acme.stepwise', project: { flows: [{ id: 'setup-checklist' }] } });
    expect(saveState().textContent).toBe('All changes saved');
  });

  it('an ordinary open is saved as it is: nothing written', async () => {
    vi.useFakeTimers();
    const client = await openInApp({ path: '/projects/Acme.stepwise', project: project() });
    expect(saveState().textContent).toBe('All changes saved');
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3));
    expect(client.calls.filter((call) => call.method === 'project.save')).toEqual([]);
  });

  it('repaired files that arrive with a git pull while the project is open are written by autosave too', async () => {
    vi.useFakeTimers();
    let version = 'v1';
    let opened: OpenedProject = { path: '/projects/Acme.stepwise', project: project(), notices: [], diskVersion: 'v1' };
    const client = fakeClient({
      'project.open': () => opened,
      'project.diskVersion': () => ({ diskVersion: version }),
      'project.save': () => ({ path: opened.path, savedAt: new Date(0).toISOString(), diskVersion: 'v3' }),
    });
    const session = renderSession(client);
    await act(() => session.open(opened.path));
    expect(saveState().textContent).toBe('All changes saved');

    // The pull brings a hand-copied flow file; the host gives the copy its own id and says it repaired.
    const copy = { ...createFlow('tour', 'Setup tour (copy)', 'en'), id: 'setup-copy' };
    opened = { ...opened, project: { ...opened.project, flows: [...opened.project.flows, copy] }, repaired: true, diskVersion: 'v2', notices: ['a repair'] };
    version = 'v2';
    await act(() => vi.advanceTimersByTimeAsync(DISK_POLL_MS + 10));
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10));
    const saves = client.calls.filter((call) => call.method === 'project.save');
    expect(saves).toHaveLength(1);
    expect(saves[0]!.input).toMatchObject({ project: { flows: [{ id: 'setup-checklist' }, { id: 'setup-copy' }] } });
  });
});
