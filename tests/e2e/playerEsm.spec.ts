import { test as base, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { largePageHtml } from '../fixtures/largePage';
import { serveStatic, type StaticSite } from '../fixtures/serveStatic';

// The ESM build as a bundler-using app loads it: the entry, and the lazy page-search chunk
// (built on its own, see player/build.mjs) fetched only when no selector finds a step's target.

const test = base.extend<{ site: StaticSite }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this destructuring
  site: async ({}, use) => {
    const site = await serveStatic(fileURLToPath(new URL('../../player/dist', import.meta.url)), { '/large.html': () => largePageHtml(1_000) });
    await use(site);
    await site.close();
  },
});

test('a step whose selector went stale is found by its fingerprint through the lazily loaded page search', async ({ page, site }) => {
  const scripts: string[] = [];
  page.on('request', (request) => void (request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname)));
  await page.goto(`${site.url}/large.html`);
  await page.addScriptTag({ type: 'module', content: "import * as Stepwise from '/stepwise-player.js'; window.Stepwise = Stepwise;" });
  await page.waitForFunction(() => 'Stepwise' in window);
  expect(scripts.some((path) => path.includes('searchPage'))).toBe(false);

  const recovered = await page.evaluate(
    () =>
      new Promise((done) => {
        const w = window as unknown as { Stepwise: { createPlayer(options: object): { start(id: string): void } } };
        const fingerprint = { tag: 'button', role: 'button', text: 'Action 40', attributes: { id: 'target-1', 'data-testid': 'row-40' }, ancestors: [{ tag: 'section', classes: ['row'] }, { tag: 'main' }], index: 1 };
        const bundle = {
          format: 'stepwise.bundle',
          version: 2,
          project: { id: 'esm', name: 'ESM' },
          flows: [{ id: 'tour', name: 'Tour', kind: 'tour', trigger: { kind: 'manual' }, tour: { steps: [{ id: 's1', anchor: { selectors: ['#renamed-in-the-next-release'], fingerprint }, title: { en: 'Found' }, body: { en: 'Text' } }] } }],
        };
        const player = w.Stepwise.createPlayer({ bundle, autoStart: false, motion: 'reduce', onEvent: (event: { type: string }) => event.type === 'target_recovered' && done(event) });
        player.start('tour');
      }),
  );
  expect(recovered).toMatchObject({ type: 'target_recovered', strategy: 'fingerprint' });
  expect(scripts.filter((path) => path.includes('searchPage'))).toHaveLength(1);
  const card = page.locator('[data-stepwise-player] .card');
  await expect(card).toHaveAccessibleName('Found');
  const [cardBox, targetBox] = [(await card.boundingBox())!, (await page.locator('#target-1').boundingBox())!];
  expect(Math.abs(cardBox.y - (targetBox.y + targetBox.height))).toBeLessThan(40);
});
