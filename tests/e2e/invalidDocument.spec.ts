import { BuilderPage } from './support/builderPage';
import { expect, test } from './support/webHostFixture';

test('Play on a checklist whose item starts a deleted flow: the preview says what is wrong and the editor stays usable', async ({ page, webHost }) => {
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Broken links');
  await builder.addFlow('Product Tour');
  await builder.addFlow('Checklist');

  // The checklist's first item starts the tour.
  await builder.flowRow('Checklist').click();
  await builder.itemList('Checklist', 'items').locator('.item-row-main').first().click();
  await page.getByLabel('Clicking it').selectOption('startFlow');
  await expect(page.getByLabel('Flow to start')).toHaveValue(/.+/);

  await page.getByRole('button', { name: 'Delete Product tour' }).click();
  await expect(builder.flowRow('Product tour')).toHaveCount(0);

  await builder.flowRow('Checklist').click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();

  // The app is still there, and the preview names the problem and where it is.
  const preview = page.getByRole('region', { name: 'Preview of Checklist' });
  await expect(preview.getByRole('alert')).toContainText('cannot play');
  await expect(preview.getByRole('alert')).toContainText('checklist.items[0].action.flowId');
  await expect(page.getByRole('heading', { name: 'Broken links', level: 1 })).toBeVisible();

  // The outline still works: close the preview, add a flow, it is listed and selectable.
  await preview.getByRole('button', { name: 'Close preview' }).click();
  await expect(preview).toHaveCount(0);
  await builder.addFlow('Hotspot');
  await expect(builder.flowRow('Hotspot')).toBeVisible();
  await builder.flowRow('Hotspot').click();
  await expect(builder.flowRow('Hotspot')).toHaveAttribute('aria-current', 'true');
});
