import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BuilderPage } from './support/builderPage';
import { writeDemoProjectWithScreenshot } from './support/demoProjectOnDisk';
import { PlayerPage } from './support/demoSiteFixture';
import { gapBetween } from './support/boxes';
import { expect, test } from './support/hostAndSiteFixture';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));


test('the standalone preview opens with the network off and plays a tour to the end', async ({ page, webHost, demoSite, browser }) => {
  await writeDemoProjectWithScreenshot(page, demoSite.url, webHost.projectsDir);
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await page.getByRole('button', { name: 'Open project…' }).click();
  await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: /^Acme onboarding/ }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('region', { name: 'Embed code' })).toContainText('Stepwise.createPlayer');
  await page.screenshot({ path: test.info().outputPath('export-dialog.png') });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download standalone preview' }).click();
  const file = test.info().outputPath('preview.html');
  await (await download).saveAs(file);
  expect(readFileSync(file, 'utf8')).toContain("default-src 'none'");

  const offline = await browser.newContext({ offline: true });
  const requests: string[] = [];
  offline.on('request', (request) => !request.url().startsWith('file:') && !request.url().startsWith('data:') && requests.push(request.url()));
  const review = await offline.newPage();
  await review.goto(pathToFileURL(file).href);
  await expect(review.getByRole('heading', { name: 'Acme onboarding — flow preview' })).toBeVisible();
  await review.getByRole('list', { name: 'Flows' }).getByRole('button', { name: /^Dashboard tour/ }).click();
  const card = review.locator('[data-stepwise-player]').getByRole('dialog');
  await expect(card).toHaveAccessibleName('New invoice');
  await review.screenshot({ path: test.info().outputPath('standalone-preview.png') });
  for (let step = 0; step < 10 && (await card.count()) > 0; step++) {
    const next = card.getByRole('button', { name: /^(Next|Done)$/ });
    if (!(await next.count())) break;
    await next.click();
  }
  await expect(review.locator('body')).toHaveAttribute('data-last-event', 'flow_completed');
  await expect(review.getByRole('list', { name: 'Flows' })).toBeVisible();
  expect(requests).toEqual([]);
  await offline.close();
});

test('capture, author, export; on the demo site the player points at the element the author clicked', async ({ page, webHost, demoSite, browser }) => {
  test.setTimeout(90_000);
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Round trip');
  await builder.captureScreen(`${demoSite.url}/`);
  const importCsv = await builder.elementCenter('Import CSV');
  await builder.addFlow('Product Tour');
  const steps = builder.itemList('Product tour');
  await steps.getByRole('button', { name: /^1\b/ }).click();
  await page.getByLabel('Title', { exact: true }).fill('Bring your invoices');
  await page.getByRole('combobox', { name: 'Type' }).selectOption('tooltip');
  await page.getByRole('button', { name: 'Pick on canvas' }).click();
  await page.mouse.click(importCsv.x, importCsv.y);
  await expect(page.getByRole('region', { name: 'Step 1 of 1' })).toContainText('#import-csv');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('heading', { name: 'Ready to export' })).toBeVisible();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download bundle' }).click();
  const bundle = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(bundle.flows[0].tour.steps[0].anchor.selectors[0]).toBe('#import-csv');

  const site = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const player = new PlayerPage(site, demoSite);
  await player.open('/', bundle);
  await expect(player.card).toHaveAccessibleName('Bring your invoices');
  const target = (await site.locator('#import-csv').boundingBox())!;
  expect(gapBetween((await player.card.boundingBox())!, target)).toBeLessThanOrEqual(24);
  await site.close();
});

test('importing a broken bundle lists its problems and changes nothing; a good one adds its flows', async ({ page, webHost }) => {
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Imports');
  const golden = readFileSync(root('tests/fixtures/golden/bundle.json'), 'utf8');
  const broken = JSON.parse(golden);
  broken.flows[0].tour.steps[0].placement = 'sideways';
  broken.theme.brandColor = 'blue';
  const importFile = async (name: string, text: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import bundle…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  };
  await importFile('broken.json', JSON.stringify(broken));
  const notice = page.getByText('broken.json was not imported (nothing changed):');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('$.flows[0].tour.steps[0].placement');
  await expect(notice).toContainText('$.theme.brandColor');
  await expect(page.getByText('No flows yet.')).toBeVisible();
  await importFile('golden.json', golden);
  await expect(page.getByText('Imported 4 flow(s) from golden.json.')).toBeVisible();
  expect(await builder.flowNames()).toEqual(['Dashboard tour', 'Help hotspot', 'Getting started', 'NPS']);
});
