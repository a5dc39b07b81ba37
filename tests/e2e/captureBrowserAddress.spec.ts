import { startLoginSite, type LoginSite } from '../fixtures/loginSite/server';
import { BuilderPage } from './support/builderPage';
import { expect, test as hostTest } from './support/webHostFixture';

const test = hostTest.extend<{ loginSite: LoginSite }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this destructuring
  loginSite: async ({}, use) => {
    const site = await startLoginSite();
    await use(site);
    await site.close();
  },
});

test('the capture browser’s address bar takes an address without http://, and keeps an address that failed so it can be corrected', async ({ page, webHost, loginSite }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Addresses');

  await page.getByRole('button', { name: 'Capture', exact: true }).click();
  const start = page.getByRole('dialog', { name: 'Capture a screen' });
  await start.getByLabel('Page address').fill(`${loginSite.url}/login`);
  await start.getByRole('button', { name: 'Browse first…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Capture browser' });
  const address = dialog.getByRole('textbox', { name: 'Page address' });
  await expect(address).toHaveValue(`${loginSite.url}/login`, { timeout: 20_000 });

  // As typed by a person: no scheme. Our completion, not the browser's "Please enter a URL." bubble.
  const hostAndPort = loginSite.url.replace(/^http:\/\//, '');
  await address.fill(`${hostAndPort}/dashboard`);
  await address.press('Enter');
  // Not signed in: the site sends the dashboard to its sign-in page, which the bar then shows.
  await expect(address).toHaveValue(`${loginSite.url}/login`, { timeout: 20_000 });
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  // A typo (nothing listens on port 9): the error is said, and the bar still shows what was asked for.
  await address.fill('127.0.0.1:9/dashbaord');
  await address.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('127.0.0.1:9', { timeout: 30_000 });
  await expect(address).toHaveValue('http://127.0.0.1:9/dashbaord');
});
