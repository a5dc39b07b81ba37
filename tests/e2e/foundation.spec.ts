import { mkdir } from 'node:fs/promises';
import { BuilderPage } from './support/builderPage';
import { expect, test } from './support/webHostFixture';

test('create a project, add one flow of each kind, rename and undo, save, reload and reopen from recent', async ({ page, webHost }) => {
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Acme onboarding');

  for (const kind of ['Product Tour', 'Hotspot', 'Checklist', 'NPS Survey'] as const) await builder.addFlow(kind);
  await expect.poll(() => builder.flowNames()).toEqual(['Product tour', 'Hotspot', 'Checklist', 'NPS survey']);

  await builder.renameFlow('Checklist', 'Getting started');
  await expect.poll(() => builder.flowNames()).toEqual(['Product tour', 'Hotspot', 'Getting started', 'NPS survey']);

  await page.keyboard.press('Control+z');
  await expect.poll(() => builder.flowNames()).toEqual(['Product tour', 'Hotspot', 'Checklist', 'NPS survey']);

  // Rename once more through F2 and keep it this time.
  await builder.flowRow('NPS survey').click();
  await page.keyboard.press('F2');
  await page.getByLabel('New name for NPS survey').fill('Quarterly NPS');
  await page.getByLabel('New name for NPS survey').press('Enter');

  await expect(builder.saveState).toHaveText('Unsaved changes');
  await page.keyboard.press('Control+s');
  await expect(builder.saveState).toHaveText('All changes saved');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Recent projects' })).toBeVisible();
  await page.getByRole('button', { name: /^Acme onboarding/ }).click();
  await expect(page.getByRole('heading', { name: 'Acme onboarding', level: 1 })).toBeVisible();
  await expect.poll(() => builder.flowNames()).toEqual(['Product tour', 'Hotspot', 'Checklist', 'Quarterly NPS']);
  await expect(builder.flowList.getByText('1 step · Draft')).toBeVisible();
  await expect(builder.flowList.getByText('1 item · Draft')).toBeVisible();
  await expect(builder.saveState).toHaveText('All changes saved');
});

test('open a project from the projects folder, and see a clear error for a damaged one', async ({ page, webHost }) => {
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Good project');
  await page.getByRole('button', { name: 'Close' }).click();

  const { writeFile } = await import('node:fs/promises');
  const damagedDir = `${webHost.projectsDir}/Broken.stepwise`;
  await mkdir(damagedDir);
  await writeFile(`${damagedDir}/project.json`, '{\n  "format": "stepwise.project",\n  "version": 1,\n  "flows": [,]\n}\n');

  await page.getByRole('button', { name: 'Open project…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open project' });
  await dialog.getByRole('button', { name: /^Broken/ }).click();
  await expect(page.getByRole('alert')).toContainText(`${damagedDir}/project.json is damaged: a missing value at line 4, column 13`);
  await dialog.getByRole('button', { name: /^Good project/ }).click();
  await expect(page.getByRole('heading', { name: 'Good project', level: 1 })).toBeVisible();
});

test('a page opened without the launch token explains what to do', async ({ page, webHost }) => {
  await page.goto(webHost.url.split('#')[0]!);
  await expect(page.getByRole('alert')).toContainText('opened without its launch token');
});
