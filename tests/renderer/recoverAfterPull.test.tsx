// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOURNAL_DELAY_MS } from '../../renderer/src/app/useAutosave';
import { renameFlow } from '../../renderer/src/store/flowActions';
import { useUiStore } from '../../renderer/src/store/uiStore';
import { createFlow, createProject } from '../../shared/model/create';
import { fakeClient, openProject, renderApp } from './support/renderApp';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const onDisk = () => ({ ...createProject('Acme'), flows: [{ ...createFlow('tour', 'Welcome', 'en'), id: 'welcome' }, { ...createFlow('survey', 'NPS', 'en'), id: 'nps' }] });

describe('recovering unsaved edits made before the files changed (closed, then git pull)', () => {
  beforeEach(() => openProject(onDisk()));

  it('the journal says which version of the files the edits were made on', async () => {
    vi.useFakeTimers();
    useUiStore.setState({ diskVersion: 'v1' });
    const client = fakeClient({ 'project.writeJournal': () => ({}) });
    renderApp(client);
    act(() => void renameFlow('welcome', 'Welcome (mine)'));
    await act(() => vi.advanceTimersByTimeAsync(JOURNAL_DELAY_MS + 10));
    expect(client.calls.find((call) => call.method === 'project.writeJournal')?.input).toMatchObject({ baseDiskVersion: 'v1' });
  });

  it('the offer names what recovering would put back over the newer files, and an ordinary offer does not warn', () => {
    const disk = onDisk();
    const pulled = { ...disk, flows: [disk.flows[0]!, { ...disk.flows[1]!, name: 'NPS (theirs)' }] };
    openProject(pulled);
    const journal = { ...disk, flows: [{ ...disk.flows[0]!, name: 'Welcome (mine)' }, disk.flows[1]!] };
    useUiStore.setState({ dialog: { kind: 'recover', savedAt: new Date(0).toISOString(), project: journal, filesChangedSince: true } });
    renderApp();
    const warning = within(screen.getByRole('dialog')).getByRole('alert');
    expect(warning.textContent).toContain('The project’s files changed after these edits were made');
    expect(within(warning).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['flow “Welcome”', 'flow “NPS (theirs)”']);

    cleanup();
    useUiStore.setState({ dialog: { kind: 'recover', savedAt: new Date(0).toISOString(), project: journal, filesChangedSince: false } });
    renderApp();
    expect(within(screen.getByRole('dialog')).queryByRole('alert')).toBeNull();
  });
});
