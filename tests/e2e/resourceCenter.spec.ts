import type { Page } from '@playwright/test';
import { resourceCenterBundle } from '../fixtures/resourceCenterProject';
import { expect, PlayerPage, test } from './support/demoSiteFixture';

/** The resource center of tests/fixtures/resourceCenterProject.ts on the demo site, in one locale. */
async function openSite(page: Page, demoSite: PlayerPage['site'], locale: string, width = 1440) {
  await page.setViewportSize({ width, height: width > 500 ? 900 : 800 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const player = new PlayerPage(page, demoSite);
  await player.open('/', resourceCenterBundle(), { locale, user: { id: 'e2e' }, searchQueryInEvents: true } as object);
  const launcher = player.overlay.locator('button.rcl');
  const panel = player.overlay.getByRole('dialog');
  const search = panel.getByRole('searchbox');
  return { player, launcher, panel, search, errors };
}

const shot = (name: string) => `test-results/resource-center/${name}.png`;

test('English: open, search, read an article, answer "Was this helpful?", read an announcement, reach the contact from an empty search', async ({ page, demoSite }) => {
  const { player, launcher, panel, search, errors } = await openSite(page, demoSite, 'en');
  await expect(launcher).toHaveText('Help2');
  await launcher.click();
  await expect(panel).toBeVisible();
  await expect(search).toBeFocused();
  await page.screenshot({ path: shot('en-1440-home') });

  // Search as you type: ranked (the title match first), highlighted, counted for screen readers.
  await page.keyboard.type('invoice');
  await expect(panel.getByRole('status')).toHaveText('2 results');
  const results = panel.locator('ul.rcl button.it');
  await expect(results.nth(0).locator('.itt')).toHaveText('Download an invoice');
  await expect(results.nth(0).locator('.itt mark')).toHaveText(['invoice']);
  await expect(results.nth(1).locator('.itd mark')).toHaveText(['invoice']);
  await page.screenshot({ path: shot('en-1440-search') });

  await results.nth(0).click();
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('Download an invoice');
  await expect(panel.getByRole('img', { name: 'The settings page' })).toBeVisible();
  await panel.getByRole('button', { name: 'Yes', exact: true }).click();
  await panel.getByRole('textbox').fill('Found it at once');
  await panel.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(panel.getByRole('status').last()).toHaveText('Thanks for telling us.');
  await page.screenshot({ path: shot('en-1440-article') });

  // Escape goes back to the start with the query kept; clear it and read an announcement.
  await page.keyboard.press('Escape');
  await search.fill('');
  await panel.getByRole('button', { name: /Dark mode/ }).click();
  await expect(launcher).toHaveText('Help1');

  // Nothing found: the contact is offered right there.
  await page.keyboard.press('Escape');
  await search.fill('zebra crossing');
  await expect(panel.getByRole('status')).toHaveText('Nothing found. Ask us instead:');
  const ticket = panel.getByRole('link', { name: 'Open a ticket' });
  await expect(ticket).toBeVisible();
  await page.screenshot({ path: shot('en-1440-empty') });
  await page.context().route('https://example.com/**', (route) => route.fulfill({ body: 'support' }));
  const opened = page.context().waitForEvent('page');
  await ticket.click();
  await (await opened).close();

  // Escape twice: back, then closed, with the focus on the launcher again.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(launcher).toBeFocused();

  await expect.poll(async () => (await player.events()).filter((event) => event.type === 'search').map((event) => event.query)).toEqual(['invoice', 'zebra crossing']);
  const events = await player.events();
  const of = (type: string) => events.filter((event) => event.type === type);
  expect(of('resource_center_opened')).toEqual([expect.objectContaining({ flowId: 'help_center', flowKind: 'resourceCenter', source: 'launcher' })]);
  expect(of('search')).toEqual(expect.arrayContaining([expect.objectContaining({ query: 'invoice', queryLength: 7, resultCount: 2 }), expect.objectContaining({ query: 'zebra crossing', resultCount: 0 })]));
  expect(of('search_unanswered')).toEqual([expect.objectContaining({ query: 'zebra crossing', queryLength: 14 })]);
  expect(of('article_viewed')).toEqual([expect.objectContaining({ articleId: 'art_invoice', source: 'search' })]);
  expect(of('article_feedback')).toEqual([expect.objectContaining({ articleId: 'art_invoice', helpful: true, comment: 'Found it at once' })]);
  expect(of('announcement_viewed')).toEqual([expect.objectContaining({ announcementId: 'news_dark' })]);
  expect(of('contact_clicked')).toEqual([expect.objectContaining({ channel: 'url' })]);
  expect(errors).toEqual([]);
});

test('Turkish: a query typed with "i" finds the title with "İ"', async ({ page, demoSite }) => {
  const { launcher, panel, search, errors } = await openSite(page, demoSite, 'tr');
  await launcher.click();
  await search.pressSequentially('istanbul');
  await expect(panel.getByRole('status')).toHaveText('1 result (tr)');
  await expect(panel.locator('ul.rcl button.it .itt')).toHaveText('İstanbul ofisinde şifre sıfırlama');
  await expect(panel.locator('ul.rcl mark')).toHaveText(['İstanbul']);
  expect(errors).toEqual([]);
});

test('Hebrew, right to left: found with or without niqqud', async ({ page, demoSite }) => {
  const { launcher, panel, search, errors } = await openSite(page, demoSite, 'he');
  await expect(launcher).toHaveText('עזרה2');
  await launcher.click();
  await expect(panel).toHaveAttribute('dir', 'rtl');
  // The corner is mirrored: the authored bottom-right is bottom-left in Hebrew.
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeLessThan(100);
  await page.screenshot({ path: shot('he-1440-home') });
  await search.pressSequentially('סיסמה');
  // The title is written with niqqud, the article's text without: the query finds both.
  await expect(panel.locator('ul.rcl mark')).toHaveText(['סִיסְמָה', 'סיסמה']);
  await page.screenshot({ path: shot('he-1440-search') });
  expect(errors).toEqual([]);
});

for (const locale of ['en', 'he']) {
  test(`390 px wide (${locale}): the panel takes the width and its list scrolls inside it`, async ({ page, demoSite }) => {
    const { launcher, panel, errors } = await openSite(page, demoSite, locale, 390);
    await launcher.click();
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: shot(`${locale}-390-home`) });
    await panel.locator('ul.rcl button.it').filter({ hasText: locale === 'en' ? 'Download an invoice' : 'הורדת חשבונית' }).click();
    await page.screenshot({ path: shot(`${locale}-390-article`) });
    expect(errors).toEqual([]);
  });
}

test('sharing its corner with an open checklist on a 1280 x 600 window, the panel stays on screen and scrolls inside', async ({ page, demoSite }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const player = new PlayerPage(page, demoSite);
  await player.open('/', resourceCenterBundle(), { locale: 'en', user: { id: 'corner' } });
  await page.evaluate(() => (window as unknown as { player: { start(id: string): void } }).player.start('setup_list'));
  await expect(player.overlay.locator('.dock .list').first()).toBeVisible();
  await player.overlay.locator('button.rcl').click();
  const panel = player.overlay.locator('section.rc');
  await expect(panel).toBeVisible();
  const box = (await panel.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  // Reachable: nothing (the checklist's card) lies over the panel's close button or its search.
  await panel.getByRole('button', { name: 'Close' }).first().click({ trial: true, timeout: 5_000 });
  await panel.getByRole('searchbox').click({ trial: true, timeout: 5_000 });
  await page.screenshot({ path: shot('en-1280x600-with-checklist') });
  expect(errors).toEqual([]);
});

test('an edge tab launcher: the unread count reads upright and sits inside the tab', async ({ page, demoSite }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const bundle = resourceCenterBundle();
  const center = bundle.flows.find((flow) => flow.kind === 'resourceCenter')!;
  if (center.kind !== 'resourceCenter') throw new Error('fixture');
  center.resourceCenter.launcher.style = 'tab';
  const player = new PlayerPage(page, demoSite);
  await player.open('/', bundle, { locale: 'en', user: { id: 'tab' } });
  const tab = player.overlay.locator('button.rcl');
  const badge = tab.locator('.badge');
  await expect(badge).toHaveText('2');
  const [tabBox, badgeBox] = [(await tab.boundingBox())!, (await badge.boundingBox())!];
  expect(badgeBox.y).toBeGreaterThanOrEqual(tabBox.y);
  expect(badgeBox.y + badgeBox.height).toBeLessThanOrEqual(tabBox.y + tabBox.height);
  expect(badgeBox.x).toBeGreaterThanOrEqual(tabBox.x);
  expect(await badge.evaluate((element) => getComputedStyle(element).writingMode)).toBe('horizontal-tb');
  await tab.screenshot({ path: shot('en-tab-launcher') });
});
