import { readFileSync } from 'node:fs';
import { expectNoSeriousA11yViolations } from './support/axe';
import { BuilderPage } from './support/builderPage';
import { expect, test } from './support/webHostFixture';

test('a marketer builds a resource center: an articles section, two articles reordered, English and Hebrew, a contact; no lint error; the bundle has them in that order', async ({ page, webHost }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Help desk');
  await builder.addLanguage('Hebr', 'Hebrew');
  // Adding a language starts editing it; the articles are written in English first.
  await page.getByRole('combobox', { name: 'Editing' }).selectOption('en');
  await builder.inspectorTab('Selection').click();

  await page.getByRole('button', { name: '+ New flow' }).click();
  await page.getByRole('menuitem', { name: 'Resource Center', exact: true }).click();
  const sections = page.getByRole('list', { name: 'Resource center sections' });
  await expect(sections).toBeVisible();

  // A second one is not made: the existing one is selected and the author told why.
  await page.getByRole('button', { name: '+ New flow' }).click();
  await page.getByRole('menuitem', { name: 'Resource Center', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'has a resource center already' })).toBeVisible();
  expect(await builder.flowNames()).toEqual(['Resource center']);

  await page.getByRole('button', { name: '+ Add section' }).click();
  await page.getByRole('menuitem', { name: /^Help articles/ }).click();
  const inspector = builder.inspector;
  await expect(inspector.getByRole('region', { name: /^Section 4 of 4 · Help articles/ })).toBeVisible();
  await inspector.getByLabel('Title', { exact: true }).fill('Billing');
  const articles = page.getByRole('list', { name: 'Billing articles' });
  await page.getByRole('button', { name: '+ Add article' }).click();
  await expect(articles.getByRole('listitem')).toHaveCount(2);

  const write = async (row: number, title: string, text: string) => {
    await articles.getByRole('button', { name: new RegExp(`^${row}\\b`) }).click();
    await inspector.getByLabel('Title', { exact: true }).fill(title);
    await inspector.getByLabel('Text', { exact: true }).fill(text);
  };
  await write(1, 'Send an invoice', 'Open **Invoices** and press *New invoice*.');
  await write(2, 'Refund a payment', 'Find the payment, then:\n\n- press Refund\n- confirm');
  await expect(articles.locator('.item-label')).toHaveText(['Send an invoice', 'Refund a payment']);

  // Reorder with the keyboard: Space picks the row up, an arrow moves it, Space drops it.
  await articles.getByRole('button', { name: 'Reorder article 2: Refund a payment' }).focus();
  await page.keyboard.press('Space');
  // "Picked up …", at once followed by "… was moved over" itself: either says the drag started.
  await expect.poll(() => builder.dragAnnouncement()).toMatch(/^(Picked up article 2: Refund a payment|article 2: Refund a payment was moved over article 2)/);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => builder.dragAnnouncement()).toContain('moved over article 1: Send an invoice');
  await page.keyboard.press('Space');
  await expect(articles.locator('.item-label')).toHaveText(['Refund a payment', 'Send an invoice']);
  await page.screenshot({ path: test.info().outputPath('resource-center-editor-ltr.png') });
  await expectNoSeriousA11yViolations(page, 'the resource center outline and article editor');

  // The same article in Hebrew: typed right to left, the English beside it.
  await page.getByRole('combobox', { name: 'Editing' }).selectOption('he');
  await articles.getByRole('button', { name: /^1\b/ }).click();
  const hebrewTitle = inspector.getByLabel('Title · Hebrew');
  await expect(hebrewTitle).toHaveAttribute('dir', 'rtl');
  await hebrewTitle.fill('החזר תשלום');
  await expect(inspector.getByLabel('Text · Hebrew')).toHaveAttribute('dir', 'rtl');
  await inspector.getByLabel('Text · Hebrew').fill('מצאו את התשלום ולחצו על **החזר**.');
  await page.screenshot({ path: test.info().outputPath('resource-center-editor-hebrew.png') });
  await expectNoSeriousA11yViolations(page, 'the article editor in Hebrew');
  await page.getByRole('combobox', { name: 'Editing' }).selectOption('en');

  // The starter contact has no way to reach anyone yet: lint says so beside it until there is one.
  await sections.getByRole('button', { name: /^3 Contact us/ }).click();
  await expect(inspector.getByRole('list', { name: 'Problems of this section' })).toContainText('no e-mail address, link or phone number');
  await inspector.getByLabel('E-mail').fill('help@example.com');
  await expect(inspector.getByRole('list', { name: 'Problems of this section' })).toBeHidden();
  await expect(page.locator('#problems-heading .panel-count')).toHaveText(/^0 errors/);
  await page.screenshot({ path: test.info().outputPath('resource-center-editor-contact.png') });
  await expectNoSeriousA11yViolations(page, 'the contact section inspector');
  await page.getByRole('button', { name: /^Launcher and panel/ }).click();
  await page.getByText(/^The panel’s own words/).click();
  await expectNoSeriousA11yViolations(page, 'the launcher and panel texts');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  // Only warnings are left: the other articles are not in Hebrew yet.
  await expect(dialog.getByRole('heading', { name: /warning\(s\); export is allowed$/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download bundle' }).click();
  const bundle = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  const center = bundle.flows.find((flow: { kind: string }) => flow.kind === 'resourceCenter');
  const billing = center.resourceCenter.sections.find((section: { title: { en?: string } }) => section.title.en === 'Billing');
  expect(billing.articles.map((article: { title: { en: string } }) => article.title.en)).toEqual(['Refund a payment', 'Send an invoice']);
  expect(billing.articles[0].title.he).toBe('החזר תשלום');
  expect(billing.articles[0].body.he).toBe('מצאו את התשלום ולחצו על **החזר**.');
  const contact = center.resourceCenter.sections.find((section: { kind: string }) => section.kind === 'contact');
  expect(contact.email).toBe('help@example.com');
});
