import { test as base } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic, type StaticSite } from '../fixtures/serveStatic';
import { demoBundle } from '../fixtures/demoProject';
import { newInvoiceFingerprint } from '../fixtures/fingerprints';
import { expect, PlayerPage, test } from './support/demoSiteFixture';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
/** The demo bundle as Stepwise wrote it before fingerprints (format 1, commit 995cada). */
const v1Bundle = JSON.parse(readFileSync(root('tests/fixtures/formatV1/bundle.json'), 'utf8')) as unknown;

/** A format 2 bundle as this version exports it: the tour's first anchor carries a fingerprint. */
function v2Bundle() {
  const bundle = demoBundle();
  const tour = bundle.flows.find((flow) => flow.id === 'tour_dashboard')!;
  if (tour.kind === 'tour') tour.tour.steps[0]!.anchor!.fingerprint = newInvoiceFingerprint();
  expect(bundle.version).toBe(2);
  return bundle;
}

/** The demo site with the player released before format 2 (tests/fixtures/oldPlayer) at /stepwise-player.iife.js. */
const oldPlayerTest = base.extend<{ oldPlayerSite: StaticSite }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this destructuring
  oldPlayerSite: async ({}, use) => {
    const site = await serveStatic(root('tests/fixtures/demo-site'), { '/stepwise-player.iife.js': root('tests/fixtures/oldPlayer/stepwise-player-v1.iife.js') });
    await use(site);
    await site.close();
  },
});

oldPlayerTest('a player from before format 2 refuses a version 2 bundle with the "newer Stepwise" error, and leaves the page as it was', async ({ page, oldPlayerSite }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(oldPlayerSite.url);
  await page.addScriptTag({ url: '/stepwise-player.iife.js' });
  // What the developer's call to createPlayer gets.
  const outcome = await page.evaluate((bundle) => {
    try {
      (window as any).Stepwise.createPlayer({ bundle });
      return { created: true };
    } catch (error) {
      return { created: false, name: (error as Error).name, message: (error as Error).message, path: (error as { path?: string }).path };
    }
  }, v2Bundle());
  expect(outcome).toEqual({
    created: false,
    name: 'StepwiseBundleError',
    path: '$.version',
    message: 'Stepwise: the bundle at $.version is 2: the bundle was made by a newer Stepwise, and this player reads bundle versions up to 1. Update @stepwise/player.',
  });
  // Nothing of the player stays behind: no overlay, history not patched, and the page's own navigation works.
  expect(await page.locator('[data-stepwise-player]').count()).toBe(0);
  expect(await page.evaluate(() => String(history.pushState).includes('[native code]'))).toBe(true);
  await page.getByRole('link', { name: 'Invoices', exact: true }).click();
  await expect(page).toHaveURL(/\/invoices$/);
  expect(pageErrors).toEqual([]);
});

oldPlayerTest('the same old player still plays the version 1 bundle it was made for', async ({ page, oldPlayerSite }) => {
  const player = new PlayerPage(page, oldPlayerSite);
  await player.open('/', v1Bundle);
  await player.call('start', 'tour_dashboard');
  await expect(player.overlay.getByRole('dialog', { name: 'New invoice' })).toBeVisible();
});

test('this player plays a version 1 bundle: the tour starts and shows its first step', async ({ page, demoSite }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const player = new PlayerPage(page, demoSite);
  await player.open('/', v1Bundle);
  await player.call('start', 'tour_dashboard');
  // The version 1 demo bundle also opens its checklist on page load; the tour's step is its own card.
  const step = player.overlay.getByRole('dialog', { name: 'New invoice' });
  await expect(step).toBeVisible();
  await expect(step).toContainText('About New invoice.');
  const events = await player.events();
  expect(events.filter((event) => event.flowId === 'tour_dashboard').map((event) => event.type).slice(0, 2)).toEqual(['flow_started', 'step_viewed']);
  expect(events.map((event) => event.type)).not.toContain('target_not_found');
  expect(pageErrors).toEqual([]);
});
