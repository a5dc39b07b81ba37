import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BuilderPage } from './support/builderPage';
import { expect, test } from './support/webHostFixture';

test('after a crash, the next open offers the unsaved changes back', async ({ page, webHost, context }) => {
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Crashy');
  await builder.addFlow('Checklist');
  await builder.renameFlow('Checklist', 'Onboarding list');
  // The journal is written 0.4 s after a change, the save 1.5 s after: "crash" as soon as the journal is there.
  const journal = join(webHost.projectsDir, 'Crashy.stepwise', '.autosave-journal.json');
  await expect.poll(() => existsSync(journal), { intervals: [50] }).toBe(true);
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  const reopened = new BuilderPage(again);
  await reopened.open(webHost.url);
  await again.getByRole('button', { name: /^Crashy/ }).first().click();
  const dialog = again.getByRole('dialog', { name: 'Recover unsaved changes?' });
  await expect(dialog).toBeVisible();
  expect(await reopened.flowNames()).toEqual([]);
  await dialog.getByRole('button', { name: 'Recover' }).click();
  await expect.poll(() => reopened.flowNames()).toEqual(['Onboarding list']);
  await expect(reopened.saveState).toHaveText('All changes saved', { timeout: 10_000 });

  // Saved now: opening again offers nothing.
  await again.reload();
  await again.getByRole('button', { name: /^Crashy/ }).first().click();
  await expect.poll(() => reopened.flowNames()).toEqual(['Onboarding list']);
  await expect(again.getByRole('dialog', { name: 'Recover unsaved changes?' })).toHaveCount(0);
});
