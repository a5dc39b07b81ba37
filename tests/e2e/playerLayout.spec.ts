import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveDriftSite } from '../fixtures/drift/driftCorpus';
import type { StaticSite } from '../fixtures/serveStatic';

/**
 * Every widget the player shows, on one page that looks like a real product (the Bootstrap admin
 * dashboard of the drift corpus, with its top bar made sticky and its employees table made long),
 * at phone, tablet, desktop and 200 % zoom (WCAG reflow: 1280 CSS px at 200 % is a 640 px
 * viewport): a tour, a hotspot on the top bar's bell (a target at the top edge), a checklist and
 * an NPS survey in the same corner. What a user would notice: widgets covering each other, a
 * button that cannot be clicked, a beacon half off screen, a card over what it explains.
 */
const PLAYER = fileURLToPath(new URL('../../player/dist/stepwise-player.iife.js', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../test-results/playerLayout/', import.meta.url));

const SIZES = [
  { name: 'phone 390x844', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: 'tablet 768x1024', viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2 },
  { name: 'desktop 1440x900', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  { name: '200 % zoom (640x450 CSS px)', viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 },
];

const text = (en: string) => ({ en });
const step = (id: string, selector: string, title: string) => ({
  id,
  anchor: { selectors: [selector] },
  title: text(title),
  body: text(`What **${title}** is for, in two short sentences. Read it, then go on.`),
  buttons: [
    { action: 'back', label: text('Back') },
    { action: 'next', label: text('Next') },
  ],
  missingTarget: { waitMs: 2_000, then: 'end' },
});
const flow = (id: string, kind: string, body: object, trigger: object = { kind: 'manual' }) => ({ id, name: id, kind, trigger, ...body });

const STEPS = [
  { id: 'earnings', selector: '#content .card.border-left-primary', title: 'Monthly earnings' },
  { id: 'last-row', selector: '#dataTable tbody tr:last-child button', title: 'Edit a person' },
  { id: 'messages', selector: '#messagesDropdown', title: 'Messages' },
  { id: 'add', selector: '#add-employee', title: 'Add employee' },
];

const bundle = {
  format: 'stepwise.bundle',
  version: 2,
  project: { id: 'layout', name: 'Layout' },
  flows: [
    flow('tour', 'tour', { tour: { steps: STEPS.map(({ id, selector, title }) => step(id, selector, title)) } }),
    flow('bell', 'hotspot', { hotspot: { anchor: { selectors: ['#alertsDropdown'] }, title: text('Alerts'), body: text('New alerts show up here, with a count.'), beacon: { size: 16 } } }, { kind: 'pageLoad' }),
    flow(
      'checklist',
      'checklist',
      {
        checklist: {
          title: text('Get started'),
          description: text('Three things to do in your first week.'),
          items: [
            { id: 'i1', label: text('Take the tour'), description: text('Two minutes.'), action: { kind: 'startFlow', flowId: 'tour' }, doneWhen: { kind: 'flowCompleted', flowId: 'tour' } },
            { id: 'i2', label: text('Add an employee'), description: text('Your first teammate.'), action: { kind: 'none' }, doneWhen: { kind: 'clicked' } },
            { id: 'i3', label: text('Send a report'), description: text('To your manager.'), action: { kind: 'none' }, doneWhen: { kind: 'clicked' } },
          ],
        },
      },
      { kind: 'pageLoad' },
    ),
    flow('nps', 'survey', { survey: { question: text('How likely are you to recommend us to a friend?'), lowLabel: text('Not likely'), highLabel: text('Very likely'), position: 'bottom-right' } }),
  ],
};

interface Widget {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every player widget a user can see (hidden ones and docks stepped aside excluded), read from the overlay's shadow root. */
function widgets(page: Page): Promise<Widget[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-stepwise-player]')!.shadowRoot!;
    const named = (element: Element) =>
      element.classList.contains('launch') ? 'checklist launcher' : element.classList.contains('list') ? 'checklist panel' : element.classList.contains('survey') ? 'survey' : element.classList.contains('beacon') ? 'beacon' : element.classList.contains('hot') ? 'hotspot card' : 'tour card';
    return [...root.querySelectorAll('.card, .launch, .beacon')]
      .filter((element) => element.checkVisibility({ visibilityProperty: true }))
      .map((element) => {
        const box = element.getBoundingClientRect();
        return { what: named(element), x: box.x, y: box.y, width: box.width, height: box.height };
      })
      .filter((box) => box.width > 0 && box.height > 0);
  });
}

function overlapsOf(boxes: Widget[]): string[] {
  const found: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (width > 0.5 && height > 0.5) found.push(`${a.what} overlaps ${b.what} by ${Math.round(width)}x${Math.round(height)} px`);
    }
  return found;
}

/** The step card's buttons that a click at their centre would not reach (something else is on top). */
function unreachableButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-stepwise-player]')!.shadowRoot!;
    const card = [...root.querySelectorAll<HTMLElement>('.card')].find((element) => !element.matches('.list, .survey, .hot'))!;
    return [...card.querySelectorAll<HTMLElement>('.foot button, .x')]
      .filter((button) => {
        const box = button.getBoundingClientRect();
        const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
        const outside = document.elementFromPoint(x, y);
        const inside = outside?.shadowRoot === root ? root.elementFromPoint(x, y) : outside;
        return !(inside && button.contains(inside));
      })
      .map((button) => button.textContent || button.getAttribute('aria-label') || '?');
  });
}

async function pageBox(page: Page, selector: string) {
  return page.evaluate((css) => {
    const box = document.querySelector(css)!.getBoundingClientRect();
    return { x: box.x, y: box.y, width: box.width, height: box.height };
  }, selector);
}

let site: StaticSite;
test.beforeAll(async () => {
  site = await serveDriftSite({ keys: false });
});
test.afterAll(async () => {
  await site?.close();
});

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

    test('tour, hotspot, checklist and survey share the screen without covering each other', async ({ page }) => {
      await page.goto(`${site.url}/base/index.html`);
      // A real product's shape: a sticky top bar and a long table.
      await page.addStyleTag({ content: '.topbar { position: sticky; top: 0; z-index: 1020; }' });
      await page.evaluate(() => {
        const body = document.querySelector('#dataTable tbody')!;
        const rows = [...body.children];
        for (let copy = 0; copy < 8; copy++) for (const row of rows) body.append(row.cloneNode(true));
      });
      await page.addScriptTag({ path: PLAYER });
      await page.evaluate((value) => {
        const w = window as unknown as { player: unknown; Stepwise: { createPlayer(options: object): unknown } };
        w.player = w.Stepwise.createPlayer({ bundle: value, motion: 'reduce' });
      }, bundle);
      const overlay = page.locator('[data-stepwise-player]');
      const launcher = overlay.locator('.launch');
      const panel = overlay.locator('.list');
      const beacon = overlay.locator('.beacon');
      const tourCard = overlay.locator('.card:not(.list, .survey, .hot)');
      await expect(panel).toBeVisible();
      await expect(beacon).toBeVisible();
      await page.evaluate(() => (window as any).player.start('nps'));
      await expect(overlay.locator('.survey')).toBeVisible();

      // The survey came second to the checklist's corner: it stacks, nothing overlaps.
      await expect.poll(async () => overlapsOf(await widgets(page))).toEqual([]);
      // The bell's beacon is wholly on screen although its target touches the top edge.
      const bell = await beacon.boundingBox();
      expect(bell!.y).toBeGreaterThanOrEqual(0);
      expect(bell!.x + bell!.width).toBeLessThanOrEqual(size.viewport.width);

      // The hotspot's card opens beside its target, never over it, and clear of the widgets.
      await beacon.click();
      const hotCard = overlay.locator('.hot');
      await expect(hotCard).toBeVisible();
      const target = await pageBox(page, '#alertsDropdown');
      const card = (await hotCard.boundingBox())!;
      expect(Math.min(card.x + card.width, target.x + target.width) - Math.max(card.x, target.x) <= 0 || Math.min(card.y + card.height, target.y + target.height) - Math.max(card.y, target.y) <= 0).toBe(true);
      await expect.poll(async () => overlapsOf(await widgets(page))).toEqual([]);
      await beacon.click(); // closes the card again
      await expect(hotCard).toHaveCount(0);

      // The tour, started from the checklist: the panel folds into its launcher while it runs.
      await overlay.getByRole('button', { name: /Take the tour/ }).click();
      for (const [index, { selector, title }] of STEPS.entries()) {
        await expect(tourCard).toHaveAccessibleName(title);
        await expect(panel).toBeHidden();
        await expect.poll(async () => overlapsOf(await widgets(page)), { message: `step ${index + 1}` }).toEqual([]);
        await expect.poll(() => unreachableButtons(page), { message: `step ${index + 1}` }).toEqual([]);
        // The target is in view, below the sticky top bar, and not under its own step's card.
        const aim = await pageBox(page, selector);
        const bar = await pageBox(page, '.topbar');
        const box = (await tourCard.boundingBox())!;
        if (index !== 2) expect(aim.y, `step ${index + 1} below the sticky bar`).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
        expect(aim.y + aim.height, `step ${index + 1} in view`).toBeLessThanOrEqual(size.viewport.height);
        const coveredWidth = Math.min(box.x + box.width, aim.x + aim.width) - Math.max(box.x, aim.x);
        const coveredHeight = Math.min(box.y + box.height, aim.y + aim.height) - Math.max(box.y, aim.y);
        expect(coveredWidth <= 0 || coveredHeight <= 0, `step ${index + 1}'s card is not over its target`).toBe(true);
        const beaconBox = await beacon.boundingBox();
        if (beaconBox) {
          expect(beaconBox.y).toBeGreaterThanOrEqual(0);
          expect(beaconBox.y + beaconBox.height).toBeLessThanOrEqual(size.viewport.height);
        }
        if (index === 0 && (size.viewport.width === 390 || size.viewport.width === 1440)) {
          mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({ path: `${SHOTS}${size.viewport.width}-tour-checklist-survey.png` });
        }
        await tourCard.getByRole('button', { name: /^(Next|Done)$/ }).click();
      }
      await expect(tourCard).toHaveCount(0);
      // Back after the tour, with the tour's item done.
      await expect(panel).toBeVisible();
      await expect(launcher).toContainText('1/3');
      await expect.poll(async () => overlapsOf(await widgets(page))).toEqual([]);
    });
  });
}

test.describe('real page shapes', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  async function open(page: Page, value: object, locale = 'en'): Promise<void> {
    await page.goto(`${site.url}/base/index.html`);
    await page.addScriptTag({ path: PLAYER });
    await page.evaluate(
      ([bundleValue, language]) => {
        const w = window as unknown as { events: string[]; player: unknown; Stepwise: { createPlayer(options: object): unknown } };
        w.events = [];
        w.player = w.Stepwise.createPlayer({ bundle: bundleValue, locale: language, motion: 'reduce', onEvent: (event: { type: string }) => w.events.push(event.type) });
      },
      [value, locale] as const,
    );
  }

  test('right to left: the corner widgets stack in the mirrored corner (bottom-left), still clear of each other', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(page, { ...bundle, locales: { defaultLocale: 'en', available: ['en', 'he'] } }, 'he');
    const overlay = page.locator('[data-stepwise-player]');
    await expect(overlay.locator('.list')).toBeVisible();
    await page.evaluate(() => (window as any).player.start('nps'));
    await expect(overlay.locator('.survey')).toBeVisible();
    for (const widget of ['.launch', '.list', '.survey']) expect((await overlay.locator(widget).boundingBox())!.x, widget).toBeLessThan(100);
    await expect.poll(async () => overlapsOf(await widgets(page))).toEqual([]);
  });

  test('a step in a closed off-canvas sidebar counts as not shown; once the sidebar slides in, it points there', async ({ page }) => {
    const charts = '#accordionSidebar a[href="charts.html"]';
    const steps = [{ ...step('charts', charts, 'Charts'), missingTarget: { waitMs: 500, then: 'skip' } }, step('earnings', STEPS[0]!.selector, 'Monthly earnings')];
    await open(page, { ...bundle, flows: [flow('tour', 'tour', { tour: { steps } })] });
    // The phone layout of many admin themes: the sidebar is slid off the left edge until the menu button opens it.
    await page.addStyleTag({ content: '#accordionSidebar { position: fixed; inset: 0 auto 0 0; z-index: 1040; transform: translateX(-100%); } #accordionSidebar.open { transform: none; }' });
    const card = page.locator('[data-stepwise-player]').getByRole('dialog');
    await page.evaluate(() => (window as any).player.start('tour'));
    // Closed: the step is skipped as missing (a tooltip at the screen's edge would point at nothing).
    await expect(card).toHaveAccessibleName('Monthly earnings');
    expect(await page.evaluate(() => (window as any).events)).toContain('target_not_found');
    await page.evaluate(() => (window as any).player.stop());
    await page.evaluate(() => document.getElementById('accordionSidebar')!.classList.add('open'));
    await page.evaluate(() => (window as any).player.start('tour'));
    await expect(card).toHaveAccessibleName('Charts');
    const link = await pageBox(page, charts);
    expect(link.x).toBeGreaterThanOrEqual(0);
    expect(await unreachableButtons(page)).toEqual([]);
  });

  test('a phone with a notch and a home indicator: widgets and the bottom sheet keep out of the safe-area insets', async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: { top: 47, bottom: 34, left: 0, right: 0 } });
    await open(page, bundle);
    await page.evaluate(() => document.querySelector('meta[name=viewport]')!.setAttribute('content', 'width=device-width, initial-scale=1, viewport-fit=cover'));
    const overlay = page.locator('[data-stepwise-player]');
    await expect(overlay.locator('.list')).toBeVisible();
    const launcher = (await overlay.locator('.launch').boundingBox())!;
    expect(launcher.y + launcher.height).toBeLessThanOrEqual(844 - 34 - 20);
    await page.evaluate(() => (window as any).player.start('tour'));
    const next = overlay.getByRole('button', { name: 'Next' });
    await expect(next).toBeVisible();
    const button = (await next.boundingBox())!;
    expect(button.y + button.height).toBeLessThanOrEqual(844 - 34);
    expect(await unreachableButtons(page)).toEqual([]);
  });

  test('a checklist that starts after a tour is on screen folds into its launcher at once, and opens when the tour ends', async ({ page }) => {
    await open(page, { ...bundle, flows: bundle.flows.map((each) => (each.id === 'tour' ? { ...each, trigger: { kind: 'pageLoad' } } : each)).filter((each) => each.id !== 'bell') });
    const overlay = page.locator('[data-stepwise-player]');
    await expect(overlay.locator('.launch')).toBeVisible();
    await expect(overlay.locator('.card:not(.list, .survey, .hot)')).toHaveAccessibleName('Monthly earnings');
    await expect(overlay.locator('.list')).toBeHidden();
    await page.evaluate(() => (window as any).player.stop());
    await expect(overlay.locator('.list')).toBeVisible();
  });
});
