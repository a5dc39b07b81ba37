// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPlayer } from '../../player/src/createPlayer';
import type { PlayerEvent } from '../../player/src/events';
import { demoBundle } from '../fixtures/demoProject';

class FakeResizeObserver {
  observe() {}
  disconnect() {}
}
Object.assign(globalThis, { ResizeObserver: FakeResizeObserver });

function surveyBundle(frequency: 'once' | 'everySession' | 'untilCompleted') {
  const bundle = demoBundle();
  bundle.flows = bundle.flows.filter((flow) => flow.kind === 'survey');
  bundle.flows[0]!.trigger = { kind: 'pageLoad' };
  bundle.flows[0]!.frequency = frequency;
  return bundle;
}

/** Loads the "page" again: a new player, as after a reload. Returns the events it reported. */
async function visit(bundle: ReturnType<typeof surveyBundle>, answer?: boolean): Promise<string[]> {
  const events: PlayerEvent[] = [];
  const player = createPlayer({ bundle, onEvent: (event) => events.push(event), user: { id: 'u1' } });
  await new Promise((resolve) => setTimeout(resolve, 10));
  if (answer) {
    const overlay = document.querySelector('[data-stepwise-player]')!.shadowRoot!;
    overlay.querySelector<HTMLButtonElement>('[role=radio]')!.click(); // score 0
    overlay.querySelector<HTMLButtonElement>('.primary')!.click(); // send the follow-up
  }
  player.destroy();
  return events.map((event) => event.type);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('frequency', () => {
  it('"once" shows a flow on the first visit only', async () => {
    const bundle = surveyBundle('once');
    expect(await visit(bundle)).toEqual(['flow_started']);
    expect(await visit(bundle)).toEqual([]);
  });

  it('"everySession" shows it again in a new session', async () => {
    const bundle = surveyBundle('everySession');
    expect(await visit(bundle)).toEqual(['flow_started']);
    expect(await visit(bundle)).toEqual([]);
    sessionStorage.clear();
    expect(await visit(bundle)).toEqual(['flow_started']);
  });

  it('"untilCompleted" comes back each session until answered, then never', async () => {
    const bundle = surveyBundle('untilCompleted');
    expect(await visit(bundle)).toEqual(['flow_started']);
    sessionStorage.clear();
    expect(await visit(bundle, true)).toEqual(['flow_started', 'survey_answered', 'flow_completed']);
    sessionStorage.clear();
    expect(await visit(bundle)).toEqual([]);
  });

  it('keeps records per user, uses a pluggable storage, and reset() forgets', async () => {
    const bundle = surveyBundle('once');
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const player = createPlayer({ bundle, storage, user: { id: 'alice' } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(JSON.parse(store.get('stepwise:alice:survey_nps')!)).toEqual({ seen: true });
    player.reset();
    expect(store.size).toBe(0);
    player.destroy();
    expect(document.querySelector('[data-stepwise-player]')).toBeNull();
  });
});
