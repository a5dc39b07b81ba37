import { test as base, expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { largePageHtml } from '../fixtures/largePage';
import { serveStatic, type StaticSite } from '../fixtures/serveStatic';

// createPlayer's motion option: 'reduce' means no smooth scroll and no fades or sliding
// spotlight, for everyone; 'auto' (the default) keeps them unless the system asks for less motion.

const test = base.extend<{ site: StaticSite }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this destructuring
  site: async ({}, use) => {
    const site = await serveStatic(fileURLToPath(new URL('../fixtures/demo-site', import.meta.url)), {
      '/large.html': () => largePageHtml(2_000),
      '/stepwise-player.iife.js': fileURLToPath(new URL('../../player/dist/stepwise-player.iife.js', import.meta.url)),
    });
    await use(site);
    await site.close();
  },
});

const tour = {
  format: 'stepwise.bundle',
  version: 2,
  project: { id: 'motion', name: 'Motion' },
  flows: [
    {
      id: 'tour',
      name: 'Tour',
      kind: 'tour',
      trigger: { kind: 'manual' },
      // #target-1 is below the fold of a 1280x800 window, #target-2 further down.
      tour: { steps: [1, 2].map((n) => ({ id: `s${n}`, anchor: { selectors: [`#target-${n}`] }, title: { en: `Step ${n}` }, body: { en: 'Text' } })) },
    },
  ],
};

interface Seen {
  /** At the moment each step says it is shown (step_viewed): its target is in the viewport. */
  targetInView: boolean[];
  /** Animations the card runs then (a fade-in). */
  cardAnimations: number[];
  /** Transitions the spotlight starts when the user scrolls the page a little (it slides after its target). */
  spotAfterScroll: number;
}

/** Plays the two steps and reports what moved. */
async function play(page: Page, site: StaticSite, motion: 'auto' | 'reduce' | undefined) {
  await page.goto(`${site.url}/large.html`);
  await page.addScriptTag({ url: '/stepwise-player.iife.js' });
  return page.evaluate(
    ([bundle, motionOption]) =>
      new Promise<Seen>((done) => {
        const seen: Seen = { targetInView: [], cardAnimations: [], spotAfterScroll: -1 };
        const frame = () => new Promise((next) => requestAnimationFrame(next));
        const w = window as unknown as { Stepwise: { createPlayer(options: object): { start(id: string): void; next(): void } } };
        const player = w.Stepwise.createPlayer({
          bundle,
          autoStart: false,
          ...(motionOption ? { motion: motionOption } : {}),
          onEvent: (event: { type: string; stepIndex: number }) => {
            if (event.type !== 'step_viewed') return;
            const root = document.querySelector('[data-stepwise-player]')!.shadowRoot!;
            const target = document.getElementById(`target-${event.stepIndex + 1}`)!.getBoundingClientRect();
            seen.targetInView.push(target.top >= 0 && target.bottom <= innerHeight);
            seen.cardAnimations.push(root.querySelector('.card')!.getAnimations().length);
            if (event.stepIndex === 0) return void requestAnimationFrame(() => player.next());
            // Let any scroll settle, then scroll a little as a user would.
            void (async () => {
              for (let last = -1; last !== scrollY; await frame()) last = scrollY;
              // Counted as they start (transitionrun), so a slow machine cannot let one end unseen.
              let started = 0;
              root.querySelector('.spot')!.addEventListener('transitionrun', () => started++);
              scrollBy(0, 40);
              await frame();
              await frame();
              await frame();
              seen.spotAfterScroll = started;
              done(seen);
            })();
          },
        });
        player.start('tour');
      }),
    [tour, motion] as const,
  );
}

test("motion: 'reduce' jumps to each target at once and nothing fades or slides", async ({ page, site }) => {
  expect(await play(page, site, 'reduce')).toEqual({ targetInView: [true, true], cardAnimations: [0, 0], spotAfterScroll: 0 });
});

test("motion: 'auto' scrolls smoothly and fades the card in, unless the system asks for reduced motion", async ({ page, site }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const smooth = await play(page, site, 'auto');
  // The smooth scroll has only begun when the step is shown; the card fades in; the spotlight slides.
  expect(smooth.targetInView).toEqual([false, false]);
  expect(smooth.cardAnimations.every((count) => count > 0)).toBe(true);
  expect(smooth.spotAfterScroll).toBeGreaterThan(0);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await play(page, site, undefined)).toEqual({ targetInView: [true, true], cardAnimations: [0, 0], spotAfterScroll: 0 });
});
