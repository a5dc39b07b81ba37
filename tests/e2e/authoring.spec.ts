import { fileURLToPath } from 'node:url';
import { serveStatic, type StaticSite } from '../fixtures/serveStatic';
import { BuilderPage } from './support/builderPage';
import { expect, test as hostTest } from './support/webHostFixture';

const test = hostTest.extend<{ demoSite: StaticSite }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this destructuring
  demoSite: async ({}, use) => {
    const site = await serveStatic(fileURLToPath(new URL('../fixtures/demo-site', import.meta.url)));
    await use(site);
    await site.close();
  },
});

const TARGETS = ['New invoice', 'Import CSV', 'Help', 'Invoices', 'Recent activity'];

test('product manager: a 5-step tour on the captured site, reordered, themed, translated, autosaved, reopened', async ({ page, webHost, demoSite }) => {
  test.setTimeout(120_000);
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Acme onboarding');
  await builder.captureScreen(`${demoSite.url}/`);
  const centers = new Map<string, { x: number; y: number }>();
  for (const name of TARGETS) centers.set(name, await builder.elementCenter(name));

  await builder.addFlow('Product Tour');
  await builder.renameFlow('Product tour', 'Dashboard tour');
  const steps = builder.itemList('Dashboard tour');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: '+ Add step' }).click();
  await expect(steps.getByRole('listitem')).toHaveCount(5);

  // Each step: a title, a tooltip, anchored by clicking its element on the canvas.
  for (const [index, name] of TARGETS.entries()) {
    await steps.getByRole('button', { name: new RegExp(`^${index + 1}\\b`) }).click();
    await page.getByLabel('Title', { exact: true }).fill(`About ${name}`);
    await page.getByRole('combobox', { name: 'Type' }).selectOption('tooltip');
    await page.getByRole('button', { name: /Pick on canvas|Change anchor/ }).click();
    await expect(page.getByText('Click an element to anchor the step')).toBeVisible();
    const center = centers.get(name)!;
    await page.mouse.move(center.x, center.y);
    await page.mouse.down();
    await page.mouse.up();
    await expect(page.getByRole('region', { name: 'Step' + ` ${index + 1} of 5` })).toContainText(name);
  }
  expect(await builder.itemLabels('Dashboard tour')).toEqual(TARGETS.map((name) => `About ${name}`));
  await expect(builder.canvasCard).toContainText('About Recent activity');
  await page.screenshot({ path: test.info().outputPath('tour-on-canvas.png') });

  // Step 4 to position 2 with the keyboard, undo; then with the mouse, undo.
  const moved = ['About New invoice', 'About Invoices', 'About Import CSV', 'About Help', 'About Recent activity'];
  await page.getByRole('button', { name: 'Reorder step 4: About Invoices' }).focus();
  for (const key of ['Space', 'ArrowUp', 'ArrowUp', 'Space']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(150); // dnd-kit animates each move
  }
  await expect.poll(() => builder.itemLabels('Dashboard tour')).toEqual(moved);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => builder.itemLabels('Dashboard tour')).toEqual(TARGETS.map((name) => `About ${name}`));
  const handle = (await page.getByRole('button', { name: 'Reorder step 4: About Invoices' }).boundingBox())!;
  const second = (await page.getByRole('button', { name: 'Reorder step 2: About Import CSV' }).boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2, handle.y - 10, { steps: 5 });
  await page.mouse.move(second.x + second.width / 2, second.y + second.height / 2 - 4, { steps: 10 });
  await page.mouse.up();
  await expect.poll(() => builder.itemLabels('Dashboard tour')).toEqual(moved);
  await page.keyboard.press('Control+z');
  await expect.poll(() => builder.itemLabels('Dashboard tour')).toEqual(TARGETS.map((name) => `About ${name}`));

  // The theme colour is applied live to the card on the canvas.
  await builder.inspectorTab('Theme').click();
  await page.getByLabel('Brand colour', { exact: true }).fill('#0f766e');
  await expect(builder.canvasCard.locator('.primary')).toHaveCSS('background-color', 'rgb(15, 118, 110)');

  // Hebrew: added, one step translated, shown right to left on the canvas.
  await builder.inspectorTab('Languages').click();
  await page.getByLabel('Add a language').fill('he');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Languages' })).toContainText('Hebrew');
  await builder.inspectorTab('Selection').click();
  await steps.getByRole('button', { name: /^1\b/ }).click();
  await expect(page.getByText('English: About New invoice')).toBeVisible();
  const hebrewTitle = page.getByLabel('Title · Hebrew');
  await expect(hebrewTitle).toHaveAttribute('dir', 'rtl');
  await hebrewTitle.fill('ברוכים הבאים');
  await expect(builder.canvasCard).toHaveAttribute('dir', 'rtl');
  await expect(builder.canvasCard).toContainText('ברוכים הבאים');
  await page.screenshot({ path: test.info().outputPath('tour-hebrew.png') });

  // Autosave, then reload and reopen: everything is as it was.
  await expect(builder.saveState).toHaveText('All changes saved', { timeout: 10_000 });
  await page.reload();
  await page.getByRole('button', { name: /^Acme onboarding/ }).first().click();
  await builder.flowRow('Dashboard tour').click();
  expect(await builder.itemLabels('Dashboard tour')).toEqual(TARGETS.map((name) => `About ${name}`));
  await expect(steps.locator('.item-detail').first()).toHaveText('Tooltip');
  await builder.inspectorTab('Theme').click();
  await expect(page.getByLabel('Brand colour', { exact: true })).toHaveValue('#0f766e');
  await page.getByRole('combobox', { name: 'Editing' }).selectOption('he');
  await builder.inspectorTab('Selection').click();
  await steps.getByRole('button', { name: /^1\b/ }).click();
  await expect(page.getByLabel('Title · Hebrew')).toHaveValue('ברוכים הבאים');
  await expect(builder.canvasCard).toHaveAttribute('dir', 'rtl');
});
