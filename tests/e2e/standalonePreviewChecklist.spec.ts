import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BuilderPage } from './support/builderPage';
import { writeDemoProjectWithScreenshot } from './support/demoProjectOnDisk';
import { gapBetween } from './support/boxes';
import { expect, test } from './support/hostAndSiteFixture';

test('in the standalone preview, a tour started from the checklist is anchored like one started from the gallery', async ({ page, webHost, demoSite, browser }) => {
  const { project } = await writeDemoProjectWithScreenshot(page, demoSite.url, webHost.projectsDir);
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await page.getByRole('button', { name: 'Open project…' }).click();
  await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: /^Acme onboarding/ }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Download standalone preview' }).click();
  const file = test.info().outputPath('preview.html');
  await (await download).saveAs(file);

  const offline = await browser.newContext({ offline: true, viewport: { width: 1280, height: 800 } });
  const review = await offline.newPage();
  await review.goto(pathToFileURL(file).href);
  await review.getByRole('list', { name: 'Flows' }).getByRole('button', { name: /^Getting started/ }).click();
  const overlay = review.locator('[data-stepwise-player]');
  const checklist = overlay.getByRole('dialog', { name: 'Get started' });
  await expect(checklist).toBeVisible();
  await checklist.getByRole('button', { name: /Take the dashboard tour/ }).click();

  const card = overlay.getByRole('dialog', { name: 'New invoice' });
  await expect(card).toBeVisible();
  // Where the author anchored step 1, on the screenshot as the reviewer sees it.
  const tour = project.flows.find((flow) => flow.id === 'tour_dashboard')!;
  const anchor = tour.kind === 'tour' ? tour.tour.steps[0]!.anchor!.box : null;
  const image = (await review.locator('.stage img').boundingBox())!;
  const scale = image.width / 1280;
  const target = { x: image.x + anchor!.x * scale, y: image.y + anchor!.y * scale, width: anchor!.width * scale, height: anchor!.height * scale };
  await expect.poll(async () => gapBetween((await card.boundingBox())!, target)).toBeLessThanOrEqual(24);
  await expect(overlay.locator('.spot')).toHaveCount(1);
  await expect(overlay.locator('.dim')).toHaveCount(0);
  mkdirSync('/tmp/shots', { recursive: true });
  await review.screenshot({ path: '/tmp/shots/standalone-checklist-tour.png' });

  // Step 2 goes on to its own anchor (the first selector is missing; the box is what counts here).
  await card.getByRole('button', { name: 'Next' }).click();
  const second = overlay.getByRole('dialog', { name: 'Revenue' });
  await expect(second).toBeVisible();
  const revenue = tour.kind === 'tour' ? tour.tour.steps[1]!.anchor!.box : null;
  const revenueTarget = { x: image.x + revenue!.x * scale, y: image.y + revenue!.y * scale, width: revenue!.width * scale, height: revenue!.height * scale };
  await expect.poll(async () => gapBetween((await second.boundingBox())!, revenueTarget)).toBeLessThanOrEqual(24);
  await offline.close();
});
