import { mkdirSync } from 'node:fs';
import { BuilderPage } from './support/builderPage';
import { englishOnly, writeEditedDemoProject } from './support/layoutProject';
import { expect, test } from './support/webHostFixture';

mkdirSync('/tmp/shots', { recursive: true });

test('a language is found by its name in English or in its own script; Problems shows one progress line per flow, expandable', async ({ page, webHost }) => {
  await writeEditedDemoProject(page, webHost.projectsDir, englishOnly);
  await page.setViewportSize({ width: 1440, height: 900 });
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await page.getByRole('button', { name: 'Open project…' }).click();
  await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: /^Acme onboarding/ }).click();

  await builder.inspectorTab('Languages').click();
  const field = page.getByRole('combobox', { name: 'Add a language' });
  const options = page.getByRole('listbox', { name: 'Languages to add' }).getByRole('option');
  await field.pressSequentially('Hebrew');
  await expect(options.first()).toHaveText(/^Hebrew\s*עברית\s*he$/);
  await field.clear();
  await field.pressSequentially('עברית');
  await expect(options.first()).toHaveText(/^Hebrew/);
  await field.press('Enter');
  await expect(page.getByRole('list', { name: 'Languages' })).toContainText('Hebrew');
  await expect(field).toHaveValue('');

  // One line per flow and language, not one per empty field.
  const problems = page.getByRole('list', { name: 'Problems' });
  const hebrewLines = problems.getByText(/Hebrew 0 of \d+ texts translated/);
  await expect(hebrewLines).toHaveCount(4);
  await expect(problems.getByText(/is not translated|is empty in he/)).toHaveCount(0);
  const tourLine = problems.locator('li', { hasText: '“Dashboard tour”: Hebrew 0 of 12 texts translated' }).first();
  await tourLine.getByRole('button', { name: 'Show 12' }).click();
  await expect(tourLine.getByRole('list', { name: 'Details' }).getByRole('button')).toHaveCount(12);
  await tourLine.getByRole('button', { name: '“Dashboard tour” step 2 title is not translated' }).click();
  await expect(page.getByLabel('Title · Hebrew')).toBeVisible();
});

test('a Hebrew step with an untranslated English body shows the English left to right inside the right-to-left card', async ({ page, webHost }) => {
  await writeEditedDemoProject(page, webHost.projectsDir, (project) => {
    const tour = project.flows.find((flow) => flow.id === 'tour_dashboard');
    if (tour?.kind !== 'tour') throw new Error('fixture changed');
    tour.tour.steps[0]!.body = { en: 'Open your account.' };
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await page.getByRole('button', { name: 'Open project…' }).click();
  await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: /^Acme onboarding/ }).click();
  await builder.flowRow('Dashboard tour').click();

  // On the canvas, editing Hebrew.
  await page.getByRole('combobox', { name: 'Editing' }).selectOption('he');
  await page.getByRole('list', { name: 'Dashboard tour steps' }).getByRole('button', { name: /^1\b/ }).click();
  await expect(builder.canvasCard).toHaveAttribute('dir', 'rtl');
  await expect(builder.canvasCard.locator('[dir="ltr"]', { hasText: 'Open your account.' })).toHaveCount(1);

  // In Play, as users see it.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Preview of Dashboard tour' });
  await preview.getByLabel('Language').selectOption('he');
  const card = page.locator('[data-stepwise-player]').getByRole('dialog');
  await expect(card).toHaveAccessibleName('עברית: New invoice');
  await expect(card).toHaveAttribute('dir', 'rtl');
  const body = card.locator('[dir="ltr"]', { hasText: 'Open your account.' });
  await expect(body).toHaveCount(1);
  // The full stop stays at the end of the English sentence: its run is laid out left to right.
  expect(await body.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
  await page.screenshot({ path: '/tmp/shots/hebrew-fallback-ltr.png' });
});
