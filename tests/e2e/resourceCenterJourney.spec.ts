import { readFileSync } from 'node:fs';
import type { FlowOf } from '../../shared/model/flow';
import { PlayerPage } from './support/demoSiteFixture';
import { expect, test } from './support/hostAndSiteFixture';
import { openHelpProject } from './support/helpProject';

/**
 * Issue 16's whole loop: a resource center of 2 guides, 20 articles (English, Hebrew, Turkish),
 * 3 announcements and a contact, an image cropped from the captured screen into an article in the
 * builder, exported through the Export dialog, and that very file played on the demo site.
 */
test('built in the builder with an image cropped from the screen, exported, and played on the site: search, article with the image, feedback, announcement, contact', async ({ page, webHost, demoSite }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openHelpProject(page, webHost.url, webHost.projectsDir, {
    edit(center) {
      const sections = center.resourceCenter.sections;
      const articles = sections.find((section) => section.kind === 'articles')!;
      for (let n = 1; n <= 17; n++) {
        articles.articles.push({ id: `art_extra_${n}`, title: { en: `Workspace tip ${n}`, he: `טיפ לסביבת העבודה ${n}`, tr: `Çalışma alanı ipucu ${n}` }, body: { en: `Tip number ${n} about reports.` }, related: [] });
      }
      const news = sections.find((section) => section.kind === 'announcements')!;
      news.items.unshift({ id: 'news_api', date: '2026-11-20', title: { en: 'A public API', he: 'ממשק API ציבורי', tr: 'Herkese açık API' }, body: { en: 'Read the docs.' } });
    },
  });

  // The marketer crops the dashboard's header into "Reset your password".
  await page.getByRole('list', { name: 'Help center sections' }).getByRole('button', { name: /^4 Help articles/ }).click();
  await page.getByRole('list', { name: 'Help articles articles' }).getByRole('button', { name: /^2\b/ }).click();
  await page.getByRole('button', { name: 'Image from a screen…' }).click();
  const shot = (await page.locator('.screen-stage img').boundingBox())!;
  await page.mouse.move(shot.x + 10, shot.y + 10);
  await page.mouse.down();
  await page.mouse.move(shot.x + shot.width * 0.4, shot.y + shot.height * 0.3, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByRole('status').filter({ hasText: 'Added the image at the end of the article' })).toBeVisible();

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download bundle' }).click();
  const bundle = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { flows: FlowOf<'resourceCenter'>[] };
  const center = bundle.flows.find((flow) => flow.id === 'help_center')!;
  expect(center.resourceCenter.sections.flatMap((section) => (section.kind === 'articles' ? section.articles : []))).toHaveLength(20);

  // An English user on the site: the article found by search shows the cropped image (the crop
  // went into the English text, the language being edited).
  const site = await page.context().newPage();
  await site.setViewportSize({ width: 1440, height: 900 });
  const errors: string[] = [];
  site.on('pageerror', (error) => errors.push(error.message));
  const player = new PlayerPage(site, demoSite);
  await player.open('/', bundle, { locale: 'en', user: { id: 'journey' } });
  const launcher = player.overlay.locator('button.rcl');
  const panel = player.overlay.getByRole('dialog');
  await expect(launcher).toHaveText('Help3');
  await launcher.click();
  await panel.getByRole('searchbox').pressSequentially('password');
  await expect(panel.getByRole('status')).toHaveText('1 result');
  await panel.locator('ul.rcl button.it').first().click();
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('Reset your password');
  const image = panel.locator('img');
  await expect(image).toHaveJSProperty('complete', true);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await site.screenshot({ path: test.info().outputPath('journey-en-article-with-crop.png') });
  await panel.getByRole('button', { name: 'Yes', exact: true }).click();

  // Reading the newest announcement takes the unread count down; an empty search offers the contact.
  await site.keyboard.press('Escape');
  await panel.getByRole('searchbox').fill('');
  await panel.getByRole('button', { name: /A public API/ }).click();
  await expect(launcher).toHaveText('Help2');
  await site.keyboard.press('Escape');
  await panel.getByRole('searchbox').fill('zzzz');
  await expect(panel.getByRole('link', { name: 'Open a ticket' })).toBeVisible();

  await expect.poll(async () => (await player.events()).map((event) => event.type)).toEqual(expect.arrayContaining(['resource_center_opened', 'search', 'article_viewed', 'article_feedback', 'announcement_viewed', 'search_unanswered']));
  const viewed = (await player.events()).find((event) => event.type === 'article_viewed');
  expect(viewed).toEqual(expect.objectContaining({ articleId: 'art_password', source: 'search' }));
  expect(errors).toEqual([]);

  // The same file in Turkish: "i" typed finds "İstanbul", among the 20 articles' translations.
  const turkish = new PlayerPage(site, demoSite);
  await turkish.open('/', bundle, { locale: 'tr', user: { id: 'journey-tr' } });
  await turkish.overlay.locator('button.rcl').click();
  const trPanel = turkish.overlay.getByRole('dialog');
  await trPanel.getByRole('searchbox').pressSequentially('istanbul');
  await expect(trPanel.getByRole('status')).toHaveText('1 result (tr)');
  await expect(trPanel.locator('ul.rcl button.it .itt')).toHaveText('İstanbul ofisinde şifre sıfırlama');
  await trPanel.getByRole('searchbox').fill('ipucu');
  await expect(trPanel.getByRole('status')).toHaveText('17 results (tr)');
  expect(errors).toEqual([]);
});
