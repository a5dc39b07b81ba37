import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BuilderPage } from './support/builderPage';
import { expect, test } from './support/hostAndSiteFixture';


const fixtureImage = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/images/${name}`, import.meta.url)));

test('capture the demo site: stages, hover shows a box and a name, click selects, saved and reopened', async ({ page, webHost, demoSite }) => {
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Acme capture');

  await page.getByRole('button', { name: 'Capture', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Capture a screen' });
  // A bad address is refused at the field, before anything starts.
  await dialog.getByLabel('Page address').fill('ftp://files.example.com');
  await dialog.getByRole('button', { name: 'Capture' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('ftp: addresses cannot be captured; only http and https pages can');
  await dialog.getByLabel('Page address').fill(`${demoSite.url}/`);
  await dialog.getByRole('combobox', { name: /^Viewport/ }).selectOption('laptop');
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog.getByRole('list', { name: 'Capture progress' })).toBeVisible();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  const screens = page.getByRole('list', { name: 'Screens' });
  await expect(screens.getByRole('button', { name: /^Acme Invoices/ })).toContainText(/1280×800 · \d+ elements/);
  await expect(screens.locator('img')).toBeVisible();

  // Find the element's box through the list, then hover it on the canvas like an author would.
  await page.getByLabel('Find an element').fill('New invoice');
  await page.getByRole('list', { name: 'Mapped elements' }).getByRole('button', { name: /^New invoice\s*button$/ }).click();
  const selectedBox = (await page.getByTestId('selected-element-box').boundingBox())!;
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('selected-element-box')).toBeHidden();
  await page.mouse.move(selectedBox.x + selectedBox.width / 2, selectedBox.y + selectedBox.height / 2);
  const hovered = page.getByTestId('hovered-element-box');
  await expect(hovered).toBeVisible();
  await expect(hovered).toContainText('New invoice');
  const hoveredBox = (await hovered.boundingBox())!;
  expect(Math.abs(hoveredBox.x - selectedBox.x)).toBeLessThan(2);
  await page.screenshot({ path: test.info().outputPath('canvas-hover.png') });

  await page.mouse.down();
  await page.mouse.up();
  await expect(page.getByTestId('selected-selector')).toHaveText('[data-testid="new-invoice"]');
  // Fallbacks from other strategies than the test id: a class path and a structure.
  await expect(page.getByRole('region', { name: 'Selected element' })).toContainText('.toolbar > button:nth-of-type(1)');

  // Zoom: 100% and fit, from the controls and the keyboard.
  const zoom = page.getByLabel('Zoom level');
  const fitted = await zoom.textContent();
  await page.getByRole('button', { name: '100%' }).click();
  await expect(zoom).toHaveText('100%');
  await page.getByRole('application').focus();
  await page.keyboard.press('Control+-');
  await expect(zoom).toHaveText('75%');
  await page.keyboard.press('Control+0');
  await expect(zoom).toHaveText(fitted!);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(builder.saveState).toHaveText('All changes saved');
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: /^Acme capture/ }).first().click();
  await expect(screens.getByRole('button', { name: /^Acme Invoices/ })).toContainText(/1280×800 · \d+ elements/);
  await expect(page.locator('.screen-stage img')).toBeVisible();
});

test('a capture that fails says why in the dialog and adds nothing', async ({ page, webHost, demoSite }) => {
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Failing capture');
  await page.getByRole('button', { name: 'Capture', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Capture a screen' });
  await dialog.getByLabel('Page address').fill(`${demoSite.url}/missing.png`);
  await dialog.getByRole('button', { name: 'Capture' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`${demoSite.url}/missing.png answered 404 Not Found, so there is no page to capture.`, { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('No screens yet.')).toBeVisible();
});

test('screens from images: picked, dropped and pasted; a broken one is refused; rename and undoable delete', async ({ page, webHost }) => {
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Mockups');
  const screens = page.getByRole('list', { name: 'Screens' });

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add screen from image' }).click();
  await (await chooser).setFiles({ name: 'Checkout.webp', mimeType: 'image/webp', buffer: fixtureImage('mockup.webp') });
  await expect(screens.getByRole('button', { name: /^Checkout/ })).toContainText('320×200 · image, no element map');

  const dispatchFiles = (type: 'drop' | 'paste', files: { name: string; mime: string; base64: string }[]) =>
    page.evaluate(
      ([kind, list]) => {
        const data = new DataTransfer();
        for (const file of list) data.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, { type: file.mime }));
        if (kind === 'drop') {
          window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data }));
          window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
        } else {
          document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }
      },
      [type, files] as const,
    );
  await dispatchFiles('drop', [
    { name: 'Settings.jpg', mime: 'image/jpeg', base64: fixtureImage('mockup.jpg').toString('base64') },
    { name: 'Broken.png', mime: 'image/png', base64: fixtureImage('mockup.png').subarray(0, 500).toString('base64') },
  ]);
  await expect(screens.getByRole('button', { name: /^Settings/ })).toBeVisible();
  await expect(page.getByText('Broken.png cannot be used as a screen: the file is truncated (its end is missing). Nothing was added.')).toBeVisible();
  await dispatchFiles('paste', [{ name: 'image.png', mime: 'image/png', base64: fixtureImage('mockup.png').toString('base64') }]);
  await expect(screens.getByRole('listitem')).toHaveCount(3);

  // An image screen has no map: draw a box and type its selector; an invalid one is refused at the field.
  await screens.getByRole('button', { name: /^Checkout/ }).click();
  const canvas = (await page.getByRole('application').boundingBox())!;
  await page.mouse.move(canvas.x + canvas.width / 2 - 60, canvas.y + canvas.height / 2 - 30);
  await page.mouse.down();
  await page.mouse.move(canvas.x + canvas.width / 2 + 40, canvas.y + canvas.height / 2 + 10, { steps: 4 });
  await page.mouse.up();
  const form = page.getByRole('form', { name: 'New element' });
  await form.getByLabel('Selector on your site').fill('button[');
  await form.getByRole('button', { name: 'Add element' }).click();
  await expect(form.getByRole('alert')).toHaveText('"button[" is not a valid CSS selector.');
  await form.getByLabel('Selector on your site').fill('#pay-now');
  await form.getByLabel('Name (optional)').fill('Pay now');
  await form.getByRole('button', { name: 'Add element' }).click();
  await expect(page.getByRole('region', { name: 'Selected element' })).toContainText('Pay now');
  await expect(screens.getByRole('button', { name: /^Checkout/ })).toContainText('1 drawn');

  await screens.getByRole('button', { name: /^Settings/ }).dblclick();
  await page.getByLabel('New name for Settings').fill('Settings page');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Delete Settings page' }).click();
  await expect(screens.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(screens.getByRole('button', { name: /^Settings page/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('image-screens.png') });
});
