import { BuilderPage } from './support/builderPage';
import { expect, test } from './support/hostAndSiteFixture';

test.use({ colorScheme: 'dark' });

test('the builder follows a dark system theme', async ({ page, webHost, demoSite }) => {
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Night shift');
  await builder.captureScreen(`${demoSite.url}/`);
  await builder.addFlow('Product Tour');
  await expect(page.locator('body')).toHaveCSS('color', 'rgb(230, 233, 239)');
  await expect(page.locator('.sidebar')).toHaveCSS('background-color', 'rgb(28, 32, 40)');
  await page.screenshot({ path: test.info().outputPath('dark.png') });
});
