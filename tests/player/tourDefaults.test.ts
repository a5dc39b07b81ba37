// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStorage, createPlayer, type Player } from '../../player/src/index';
import { demoBundle } from '../fixtures/demoProject';

class FakeResizeObserver {
  observe() {}
  disconnect() {}
}
Object.assign(globalThis, { ResizeObserver: FakeResizeObserver });

/** The demo tour with its steps as modals (jsdom lays nothing out), each with Back and Next. */
function tourBundle() {
  const bundle = demoBundle();
  bundle.flows = bundle.flows.filter((flow) => flow.kind === 'tour');
  const tour = bundle.flows[0]!;
  if (tour.kind !== 'tour') throw new Error('fixture changed');
  for (const step of tour.tour.steps) {
    step.type = 'modal';
    delete step.anchor;
  }
  return bundle;
}

const card = () => document.querySelector('[data-stepwise-player]')?.shadowRoot?.querySelector<HTMLElement>('[role=dialog]') ?? null;
const buttonLabels = () => [...(card()?.querySelectorAll('.foot .btn') ?? [])].map((button) => button.textContent);
const click = (label: string) => [...card()!.querySelectorAll<HTMLElement>('.btn')].find((button) => button.textContent === label)!.click();

let player: Player | null = null;
afterEach(() => {
  player?.destroy();
  player = null;
});

async function start(bundle: ReturnType<typeof tourBundle>, locale = 'en'): Promise<void> {
  player = createPlayer({ bundle, locale, autoStart: false, storage: createMemoryStorage() });
  player.start('tour_dashboard');
  await vi.waitFor(() => expect(card()).not.toBeNull());
}

describe('tour defaults', () => {
  it('has no Back on the first step and says Done on the last, whatever the steps were authored with', async () => {
    await start(tourBundle());
    expect(buttonLabels()).toEqual(['Next']);
    click('Next');
    await vi.waitFor(() => expect(buttonLabels()).toEqual(['Back', 'Next']));
    click('Next');
    await vi.waitFor(() => expect(buttonLabels()).toEqual(['Back', 'Done']));
    click('Done');
    await vi.waitFor(() => expect(card()).toBeNull());
  });

  it('keeps a last-step label the author wrote', async () => {
    const bundle = tourBundle();
    const tour = bundle.flows[0]!;
    if (tour.kind !== 'tour') throw new Error('fixture changed');
    tour.tour.steps = [tour.tour.steps[0]!];
    tour.tour.steps[0]!.buttons = [{ action: 'next', label: { en: 'Got it' } }];
    await start(bundle);
    expect(buttonLabels()).toEqual(['Got it']);
  });
});

describe('untranslated text in a right-to-left card', () => {
  it('isolates the English fallback left-to-right inside the Hebrew card', async () => {
    const bundle = tourBundle();
    const tour = bundle.flows[0]!;
    if (tour.kind !== 'tour') throw new Error('fixture changed');
    tour.tour.steps[0]!.body = { en: 'Open your account.' }; // no Hebrew yet
    await start(bundle, 'he');
    const shown = card()!;
    expect(shown.getAttribute('dir')).toBe('rtl');
    const body = document.getElementById(shown.getAttribute('aria-describedby')!) ?? shown.querySelector(`#${shown.getAttribute('aria-describedby')}`)!;
    expect(body.textContent).toBe('Open your account.');
    expect(body.getAttribute('dir')).toBe('ltr');
    // The translated title is the card's own language: no override.
    const title = shown.querySelector('h2')!;
    expect(title.textContent).toBe('עברית: New invoice');
    expect(title.hasAttribute('dir')).toBe(false);
  });
});

describe('untranslated text in right-to-left widgets', () => {
  const root = () => document.querySelector('[data-stepwise-player]')!.shadowRoot!;

  it('isolates the English fallback of an NPS survey and a checklist inside Hebrew widgets', async () => {
    const bundle = demoBundle(); // the survey and the checklist have English text only
    player = createPlayer({ bundle, locale: 'he', autoStart: false, storage: createMemoryStorage() });
    player.start('survey_nps');
    await vi.waitFor(() => expect(root().querySelector('.survey h2')).not.toBeNull());
    const question = root().querySelector('.survey h2')!;
    expect(question.textContent).toContain('How likely');
    expect(question.getAttribute('dir')).toBe('ltr');
    expect([...root().querySelectorAll('.survey .ends span')].map((label) => label.getAttribute('dir'))).toEqual(['ltr', 'ltr']);

    player.start('checklist_start');
    await vi.waitFor(() => expect(root().querySelector('.label')).not.toBeNull());
    expect([...root().querySelectorAll('.label')].map((label) => [label.textContent, label.getAttribute('dir')])).toEqual([
      ['Take the dashboard tour', 'ltr'],
      ['Open your invoices', 'ltr'],
      ['Send your first invoice', 'ltr'],
    ]);
  });
});
