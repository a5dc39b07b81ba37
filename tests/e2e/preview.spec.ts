import { fileURLToPath } from 'node:url';
import { serveStatic } from '../fixtures/serveStatic';
import { BuilderPage } from './support/builderPage';
import { writeDemoProjectWithScreenshot } from './support/demoProjectOnDisk';
import { expect, test } from './support/webHostFixture';

test('Play shows the real player over the screenshot, at the anchored element; step, restart, switch locale', async ({ page, webHost }) => {
  const site = await serveStatic(fileURLToPath(new URL('../fixtures/demo-site', import.meta.url)));
  const { project } = await writeDemoProjectWithScreenshot(page, site.url, webHost.projectsDir);
  await site.close();
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await page.getByRole('button', { name: 'Open project…' }).click();
  await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: /^Acme onboarding/ }).click();
  await builder.flowRow('Dashboard tour').click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();

  const preview = page.getByRole('region', { name: 'Preview of Dashboard tour' });
  await expect(preview).toBeVisible();
  const card = page.locator('[data-stepwise-player]').getByRole('dialog');
  await expect(card).toHaveAccessibleName('New invoice');

  // The step points at the box captured for the element, scaled with the screenshot.
  const image = (await preview.getByRole('img').boundingBox())!;
  const scale = image.width / 1280;
  const anchor = project.flows[0]!.kind === 'tour' ? project.flows[0]!.tour.steps[0]!.anchor!.box : null;
  const target = { x: image.x + anchor!.x * scale, y: image.y + anchor!.y * scale, width: anchor!.width * scale, height: anchor!.height * scale };
  const cardBox = (await card.boundingBox())!;
  const gap = Math.hypot(
    Math.max(0, Math.max(cardBox.x, target.x) - Math.min(cardBox.x + cardBox.width, target.x + target.width)),
    Math.max(0, Math.max(cardBox.y, target.y) - Math.min(cardBox.y + cardBox.height, target.y + target.height)),
  );
  expect(gap).toBeLessThanOrEqual(24);
  await page.screenshot({ path: test.info().outputPath('preview.png') });

  await preview.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(card).toHaveAccessibleName('Revenue');
  await preview.getByLabel('Language').selectOption('he');
  await expect(card).toHaveAccessibleName('עברית: Revenue');
  await expect(card).toHaveAttribute('dir', 'rtl');
  await preview.getByRole('button', { name: 'Restart' }).click();
  await expect(card).toHaveAccessibleName('עברית: New invoice');
  await expect(page.getByRole('list', { name: 'Player events' })).toContainText('step_viewed 1/3');
  await preview.getByRole('button', { name: 'Close preview' }).click();
  await expect(preview).toHaveCount(0);
  await expect(page.locator('[data-stepwise-player]')).toHaveCount(0);
});
