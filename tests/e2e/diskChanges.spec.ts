import type { Page } from '@playwright/test';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Flow } from '../../shared/model/flow';
import { stableStringify } from '../../shared/stableJson';
import { BuilderPage } from './support/builderPage';
import { expect, test } from './support/webHostFixture';

/**
 * The project's files change on disk while it is open (a git pull, a teammate's save): the editor
 * picks the change up, keeps the edits made here, and asks when both changed the same flow.
 * The page's clock is paused where an edit and a change on disk must meet before the next
 * autosave or poll; time then moves on by exactly the autosave delay and one poll.
 */

const PROJECT = 'Team project';

async function projectWithThreeFlows(page: Page, url: string): Promise<BuilderPage> {
  const builder = new BuilderPage(page);
  await builder.open(url);
  await builder.createProject(PROJECT);
  for (const kind of ['Product Tour', 'Hotspot', 'Checklist'] as const) await builder.addFlow(kind);
  await expect.poll(() => builder.flowNames()).toEqual(['Product tour', 'Hotspot', 'Checklist']);
  await page.keyboard.press('Control+s');
  await expect(builder.saveState).toHaveText('All changes saved');
  return builder;
}

const flowsDir = (projectsDir: string) => join(projectsDir, `${PROJECT}.stepwise`, 'flows');

/** The flows on disk by name, each with its file. */
async function flowFiles(projectsDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of await readdir(flowsDir(projectsDir))) {
    const file = join(flowsDir(projectsDir), name);
    files.set((JSON.parse(await readFile(file, 'utf8')) as { flow: Flow }).flow.name, file);
  }
  return files;
}

/** What someone else's change does: rewrites one flow file as Stepwise writes it, with a new name. */
async function renameOnDisk(projectsDir: string, from: string, to: string): Promise<void> {
  const file = (await flowFiles(projectsDir)).get(from);
  if (!file) throw new Error(`No flow named ${from} on disk`);
  const stored = JSON.parse(await readFile(file, 'utf8')) as { flow: Flow; order: string };
  await writeFile(file, stableStringify({ ...stored, flow: { ...stored.flow, name: to } }));
}

/**
 * Stops the page's timers: nothing autosaves or polls until the test moves time on. pauseAt jumps
 * to a time ahead of the page's clock; on a busy machine that time may have passed by the time
 * the call arrives, and then a later one is taken.
 */
async function pauseTime(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
      return;
    } catch (error) {
      if (attempt === 5 || !String(error).includes('to the past')) throw error;
    }
  }
}

/** The autosave delay (1.5 s) and a poll (2 s) later. */
const AUTOSAVE_AND_POLL_MS = 2_100;

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test('a flow changed on disk while the project is open is picked up, with a notice of what changed', async ({ page, webHost }) => {
  const builder = await projectWithThreeFlows(page, webHost.url);
  await builder.flowRow('Hotspot').click();

  await renameOnDisk(webHost.projectsDir, 'Hotspot', 'Reports beacon');

  await expect.poll(() => builder.flowNames()).toEqual(['Product tour', 'Reports beacon', 'Checklist']);
  await expect(page.getByRole('status').filter({ hasText: 'Reloaded from disk: 1 flow changed.' })).toBeVisible();
  await expect(builder.saveState).toHaveText('All changes saved');
  // The selection stays on the flow that changed under it.
  await expect(builder.flowRow('Reports beacon')).toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: test.info().outputPath('reloaded-notice.png') });
});

test('an unsaved edit of one flow and a change on disk of another both survive, and are saved together', async ({ page, webHost }) => {
  const builder = await projectWithThreeFlows(page, webHost.url);
  await pauseTime(page);
  await builder.renameFlow('Product tour', 'Welcome tour');
  await expect(builder.saveState).toHaveText('Unsaved changes');

  await renameOnDisk(webHost.projectsDir, 'Hotspot', 'Reports beacon');
  await page.clock.runFor(AUTOSAVE_AND_POLL_MS);

  await expect.poll(() => builder.flowNames()).toEqual(['Welcome tour', 'Reports beacon', 'Checklist']);
  await expect(page.getByRole('status').filter({ hasText: 'Merged changes from disk: 1 flow changed. Your unsaved edits are kept.' })).toBeVisible();
  await expect(builder.saveState).toHaveText('All changes saved');
  await expect.poll(async () => [...(await flowFiles(webHost.projectsDir)).keys()].sort()).toEqual(['Checklist', 'Reports beacon', 'Welcome tour']);
});

test('the same flow edited here and changed on disk: the editor asks, and takes the chosen version', async ({ page, webHost }) => {
  const builder = await projectWithThreeFlows(page, webHost.url);
  await pauseTime(page);
  await builder.renameFlow('Hotspot', 'Beacon (mine)');
  await builder.renameFlow('Checklist', 'Getting started');
  await renameOnDisk(webHost.projectsDir, 'Hotspot', 'Beacon (theirs)');
  await page.clock.runFor(AUTOSAVE_AND_POLL_MS);

  const dialog = page.getByRole('dialog', { name: 'Changed on disk and here' });
  await expect(dialog).toBeVisible();
  const conflicts = dialog.getByRole('list', { name: 'Changed on both sides' }).getByRole('listitem');
  await expect(conflicts).toHaveCount(1);
  await expect(conflicts.first()).toContainText('Flow Beacon (mine) · edited here, changed on disk (there: “Beacon (theirs)”)');
  // Nothing was written over the other side's change while the editor asks.
  expect((await flowFiles(webHost.projectsDir)).has('Beacon (theirs)')).toBe(true);
  await expect(dialog.getByRole('radio', { name: 'Keep mine' })).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('reload-dialog.png') });

  await dialog.getByRole('radio', { name: 'Take the version on disk' }).check();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  // The other flow's edit was merged without asking.
  await expect.poll(() => builder.flowNames()).toEqual(['Product tour', 'Beacon (theirs)', 'Getting started']);
  await page.clock.runFor(AUTOSAVE_AND_POLL_MS);
  await expect(builder.saveState).toHaveText('All changes saved');
  await expect.poll(async () => [...(await flowFiles(webHost.projectsDir)).keys()].sort()).toEqual(['Beacon (theirs)', 'Getting started', 'Product tour']);
});

test('a flow file left with git conflict markers: the error names the file and line, the editor keeps its document and writes nothing until the file is fixed', async ({ page, webHost }) => {
  const builder = await projectWithThreeFlows(page, webHost.url);
  await pauseTime(page);
  await builder.renameFlow('Product tour', 'Welcome tour');
  const file = (await flowFiles(webHost.projectsDir)).get('Hotspot')!;
  const lines = (await readFile(file, 'utf8')).split('\n');
  const nameLine = lines.findIndex((line) => line.includes('"name": "Hotspot"'));
  const conflicted = [
    ...lines.slice(0, nameLine),
    '<<<<<<< HEAD',
    lines[nameLine]!.replace('Hotspot', 'Beacon A'),
    '=======',
    lines[nameLine]!.replace('Hotspot', 'Beacon B'),
    '>>>>>>> teammate',
    ...lines.slice(nameLine + 1),
  ].join('\n');
  await writeFile(file, conflicted);
  await page.clock.runFor(AUTOSAVE_AND_POLL_MS);

  await expect(page.getByRole('alert').filter({ hasText: 'conflict markers' })).toContainText(
    // Named inside its project folder: <folder>.stepwise/flows/<id>.json
    `${file.split('/').slice(-3).join('/')} still has git conflict markers from a merge, at line ${nameLine + 1}`,
  );
  await expect(builder.saveState).toHaveText('Not saved: the files on disk cannot be read');
  expect(await builder.flowNames()).toEqual(['Welcome tour', 'Hotspot', 'Checklist']);
  await page.screenshot({ path: test.info().outputPath('unreadable-on-disk.png') });
  await page.clock.runFor(AUTOSAVE_AND_POLL_MS * 3);
  expect(await readFile(file, 'utf8')).toBe(conflicted);

  // The conflict resolved in the file (one side kept): the editor reads it again by itself and saves the edit made here.
  await writeFile(file, [...lines.slice(0, nameLine), lines[nameLine]!.replace('Hotspot', 'Beacon B'), ...lines.slice(nameLine + 1)].join('\n'));
  await page.clock.runFor(AUTOSAVE_AND_POLL_MS);
  await expect.poll(() => builder.flowNames()).toEqual(['Welcome tour', 'Beacon B', 'Checklist']);
  await page.clock.runFor(AUTOSAVE_AND_POLL_MS);
  await expect(builder.saveState).toHaveText('All changes saved');
  await expect.poll(async () => [...(await flowFiles(webHost.projectsDir)).keys()].sort()).toEqual(['Beacon B', 'Checklist', 'Welcome tour']);
});
