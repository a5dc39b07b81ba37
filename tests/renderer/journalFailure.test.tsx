// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BuilderApiError } from '../../shared/api/apiError';
import { JOURNAL_DELAY_MS } from '../../renderer/src/app/useAutosave';
import { addFlow } from '../../renderer/src/store/flowActions';
import { fakeClient, openProject, renderApp } from './support/renderApp';

const DISK_FULL = 'Could not keep unsaved changes in /projects/Acme.stepwise: no space left on device.';

beforeEach(() => {
  vi.useFakeTimers();
  openProject();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The toolbar's save pill (notices are status regions too). */
const saveState = () => screen.getAllByRole('status').find((element) => element.classList.contains('save-state'))!;

async function editAndWaitForTheJournal(): Promise<void> {
  act(() => void addFlow('tour'));
  await act(() => vi.advanceTimersByTimeAsync(JOURNAL_DELAY_MS + 10));
}

describe('a failing recovery copy (journal) is not silent', () => {
  it('the save state says the recovery copy failed and why, and clears once the next change writes it', async () => {
    let journalFails = true;
    const client = fakeClient({
      'project.writeJournal': () => {
        if (journalFails) throw new BuilderApiError({ code: 'io', message: DISK_FULL, problems: [] });
        return {};
      },
    });
    renderApp(client);

    await editAndWaitForTheJournal();
    expect(saveState().textContent).toBe(`Unsaved changes · recovery copy failed: ${DISK_FULL}`);
    expect(saveState().title).toContain('a crash now would lose them');
    expect(client.calls.filter((call) => call.method === 'project.writeJournal')).toHaveLength(1);

    journalFails = false;
    await editAndWaitForTheJournal();
    expect(client.calls.filter((call) => call.method === 'project.writeJournal')).toHaveLength(2);
    expect(saveState().textContent).toBe('Unsaved changes');
    expect(saveState().title).toBe('');
  });
});
