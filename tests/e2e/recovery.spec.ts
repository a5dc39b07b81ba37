import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuilderPage } from './support/builderPage';
import { expect, test } from './support/webHostFixture';

/** The flow names in the journal of unsaved work, or null while there is none (or it is mid-write). */
function journalFlowNames(journal: string): string[] | null {
  try {
    const project = JSON.parse(readFileSync(journal, 'utf8')) as { flows: Array<{ name: string }> };
    return project.flows.map((flow) => flow.name);
  } catch {
    return null;
  }
}

test('after a crash, the next open offers the unsaved changes back', async ({ page, webHost, context }) => {
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Crashy');
  // The crash comes before any autosave: saves are held in flight, so however slow the machine,
  // only the journal (written 0.4 s after a change) has the unsaved work.
  await page.route('**/api/project.save', () => undefined);
  await builder.addFlow('Checklist');
  await builder.renameFlow('Checklist', 'Onboarding list');
  // "Crash" once the journal holds the rename, not merely once it exists (it is first written for the new flow).
  const journal = join(webHost.projectsDir, 'Crashy.stepwise', '.autosave-journal.json');
  await expect.poll(() => journalFlowNames(journal), { intervals: [50] }).toEqual(['Onboarding list']);
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
