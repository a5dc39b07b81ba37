// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
  // The player decides at creation; a survey it starts shows once its code has loaded.
  const scores = () => document.querySelector('[data-stepwise-player]')?.shadowRoot?.querySelector<HTMLButtonElement>('[role=radio]') ?? null;
  if (events.some((event) => event.type === 'flow_started')) await vi.waitFor(() => expect(scores()).not.toBeNull());
  // The visit is remembered just after the first paint.
  await vi.runOnlyPendingTimersAsync();
  if (answer) {
    const overlay = document.querySelector('[data-stepwise-player]')!.shadowRoot!;
    scores()!.click(); // score 0
    overlay.querySelector<HTMLButtonElement>('.primary')!.click(); // send the follow-up
  }
  player.destroy();
  return events.map((event) => event.type);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
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
    expect(store.size).toBe(0); // written just after the first paint, not before
    await vi.runOnlyPendingTimersAsync();
    expect(JSON.parse(store.get('stepwise:alice:survey_nps')!)).toEqual({ seen: true });
    player.reset();
    expect(store.size).toBe(0);
    player.destroy();
    expect(document.querySelector('[data-stepwise-player]')).toBeNull();
  });
});
