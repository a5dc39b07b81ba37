import { expect, test, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { serveDriftSite } from '../fixtures/drift/driftCorpus';
import { captureDriftAnchors } from '../fixtures/drift/driftHarness';
import type { DriftAnchor } from '../fixtures/drift/driftHarness.inPage';
import type { StaticSite } from '../fixtures/serveStatic';

/**
 * The built player on next releases of the captured dashboard: a tour whose anchors (selectors
 * and fingerprint, from the real capture) have gone stale lands on the right element or says why
 * it could not, and reports how it found what it found.
 */
const PLAYER = fileURLToPath(new URL('../../player/dist/stepwise-player.iife.js', import.meta.url));

let site: StaticSite;
let anchors: DriftAnchor[];

test.beforeAll(async ({ browser }) => {
  site = await serveDriftSite();
  anchors = await captureDriftAnchors(browser, site);
});
test.afterAll(async () => {
  await site?.close();
});

function anchorOf(test: (anchor: DriftAnchor) => boolean, what: string): Pick<DriftAnchor, 'selectors' | 'fingerprint'> {
  const anchor = anchors.find(test);
  if (!anchor) throw new Error(`The capture mapped no ${what}`);
  return { selectors: anchor.selectors, fingerprint: anchor.fingerprint };
}
const sidebarLink = (href: string) => anchorOf((anchor) => anchor.fingerprint.tag === 'a' && anchor.fingerprint.attributes?.href === href && anchor.fingerprint.classes?.includes('nav-link') === true, `sidebar link to ${href}`);
const editButtonOf = (person: string) =>
  anchorOf((anchor) => anchor.fingerprint.tag === 'button' && anchor.fingerprint.text === 'Edit' && Boolean(anchor.fingerprint.ancestors?.some((ancestor) => ancestor.attributes?.text?.startsWith(person))), `Edit button of ${person}`);

function tour(steps: { id: string; anchor: Pick<DriftAnchor, 'selectors' | 'fingerprint'> }[]) {
  return {
    format: 'stepwise.bundle',
    version: 2,
    project: { id: 'drift', name: 'Drift' },
    flows: [
      {
        id: 'tour',
        name: 'Tour',
        kind: 'tour',
        trigger: { kind: 'manual' },
        tour: { steps: steps.map(({ id, anchor }) => ({ id, anchor, title: { en: id }, spotlightPadding: 0, missingTarget: { waitMs: 0, then: 'skip' } })) },
      },
    ],
  };
}

async function play(page: Page, variant: string, bundle: object): Promise<void> {
  await page.goto(`${site.url}/${variant}/index.html`);
  // Identity keys are for the corpus harness only; the player must do without them.
  await page.evaluate(() => document.querySelectorAll('[data-drift-key]').forEach((element) => element.removeAttribute('data-drift-key')));
  await page.addScriptTag({ path: PLAYER });
  await page.evaluate((value) => {
    const w = window as unknown as { events: unknown[]; player: { start(id: string): void }; Stepwise: { createPlayer(o: object): { start(id: string): void } } };
    w.events = [];
    w.player = w.Stepwise.createPlayer({ bundle: value, autoStart: false, onEvent: (event: unknown) => w.events.push(event) });
    w.player.start('tour');
  }, bundle);
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { events: { type: string; [key: string]: unknown }[] }).events);

/** The spotlight (padding 0) sits exactly on the element the step points at. */
async function expectSpotlightOn(page: Page, element: Locator): Promise<void> {
  const spot = page.locator('[data-stepwise-player] .spot');
  await expect(spot).toBeVisible();
  await expect(async () => {
    const [a, b] = [(await spot.boundingBox())!, (await element.boundingBox())!];
    expect(Math.abs(a.x - b.x) + Math.abs(a.y - b.y) + Math.abs(a.width - b.width) + Math.abs(a.height - b.height)).toBeLessThan(3);
  }).toPass();
}

test('a step whose link was removed is skipped and says why; it never spotlights the neighbour that took its place', async ({ page }) => {
  await play(page, 'elementsRemoved', tour([{ id: 'charts', anchor: sidebarLink('charts.html') }, { id: 'tables', anchor: sidebarLink('tables.html') }]));
  await expect.poll(async () => (await events(page)).map((event) => event.type)).toContain('step_viewed');
  const all = await events(page);
  expect(all.find((event) => event.type === 'target_not_found')).toMatchObject({ stepId: 'charts', action: 'skip', reason: expect.stringMatching(/^(mismatch|noMatch)$/) });
  expect(all.find((event) => event.type === 'step_viewed')).toMatchObject({ stepId: 'tables' });
  await expectSpotlightOn(page, page.locator('#accordionSidebar a[href="tables.html"]'));
});

test("a new table row above: the Edit step still points at its own row's button, and reports that it had to search", async ({ page }) => {
  await play(page, 'lookalikeAdded', tour([{ id: 'edit', anchor: editButtonOf('Tiger Nixon') }]));
  await expect.poll(async () => (await events(page)).map((event) => event.type)).toContain('step_viewed');
  const recovered = (await events(page)).find((event) => event.type === 'target_recovered');
  expect(recovered).toMatchObject({ stepId: 'edit', strategy: expect.stringMatching(/^(alternate|fingerprint)$/), score: expect.any(Number) });
  await expectSpotlightOn(page, page.locator('#dataTable tbody tr', { hasText: 'Tiger Nixon' }).getByRole('button', { name: 'Edit' }));
});

test('on the release it was captured on, the step lands by its first selector and reports nothing unusual', async ({ page }) => {
  await play(page, 'base', tour([{ id: 'edit', anchor: editButtonOf('Tiger Nixon') }]));
  await expect.poll(async () => (await events(page)).map((event) => event.type)).toEqual(['flow_started', 'step_viewed']);
  await expectSpotlightOn(page, page.locator('#dataTable tbody tr', { hasText: 'Tiger Nixon' }).getByRole('button', { name: 'Edit' }));
});

test('a fingerprint whose tag is not a tag name (hand-edited bundle) is a miss with its reason, not an error in the page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const odd = (tag: string) => ({ selectors: ['#accordionSidebar > li:nth-of-type(5) > a', '#gone'], fingerprint: { tag, text: 'Charts' } });
  await play(page, 'base', tour([{ id: 'empty', anchor: odd('') }, { id: 'selector', anchor: odd('a,div:has(') }, { id: 'tables', anchor: sidebarLink('tables.html') }]));
  await expect.poll(async () => (await events(page)).map((event) => event.type)).toContain('step_viewed');
  const misses = (await events(page)).filter((event) => event.type === 'target_not_found');
  expect(misses.map((event) => [event.stepId, event.reason])).toEqual([
    ['empty', 'mismatch'],
    ['selector', 'mismatch'],
  ]);
  await expectSpotlightOn(page, page.locator('#accordionSidebar a[href="tables.html"]'));
  expect(errors).toEqual([]);
});
