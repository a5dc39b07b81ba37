import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { stableStringify } from '../../shared/stableJson';
import { demoBundle } from '../fixtures/demoProject';
import { expectNoSeriousA11yViolations } from './support/axe';
import { BuilderPage } from './support/builderPage';
import { writeDemoProjectWithScreenshot } from './support/demoProjectOnDisk';
import { PlayerPage } from './support/demoSiteFixture';
import { expect, test } from './support/hostAndSiteFixture';

/** Closes the open dialog from the keyboard (each dialog takes focus when it opens). */
async function closeDialog(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name })).toHaveCount(0);
}

// Each axe scan of the whole editor takes 5 to 15 s on a loaded machine: the editor's views are
// split over two tests, each with room for its scans.
test('axe: the start screen, its dialogs, the recovery dialog and the project view with each flow kind and tab', async ({ page, webHost, demoSite }) => {
  test.setTimeout(240_000);
  const { project, dir } = await writeDemoProjectWithScreenshot(page, demoSite.url, webHost.projectsDir);
  // Unsaved work left by a "crash", so opening the project offers it back.
  const edited = structuredClone(project);
  edited.flows[0]!.name = 'Dashboard tour (edited)';
  await writeFile(join(dir, '.autosave-journal.json'), stableStringify(edited));

  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, 'the start screen');
  await page.getByRole('button', { name: 'New project' }).click();
  await expect(page.getByRole('dialog', { name: 'New project' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the New project dialog');
  await closeDialog(page, 'New project');

  await page.getByRole('button', { name: 'Open project…' }).click();
  const open = page.getByRole('dialog', { name: 'Open project' });
  await expect(open.getByRole('button', { name: /^Acme onboarding/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the Open project dialog');
  await open.getByRole('button', { name: /^Acme onboarding/ }).click();

  const recover = page.getByRole('dialog', { name: 'Recover unsaved changes?' });
  await expect(recover).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the recovery dialog');
  await recover.getByRole('button', { name: 'Recover' }).click();
  await expect(builder.flowRow('Dashboard tour')).toHaveAccessibleName(/Dashboard tour \(edited\)/);

  // One main landmark, the canvas, so screen-reader users can jump to the work itself.
  await expect(page.getByRole('main')).toHaveAccessibleName('Canvas');
  await expectNoSeriousA11yViolations(page, 'the project view with nothing selected');
  const flows: Array<[string, string]> = [
    ['Dashboard tour', 'a tour'],
    ['Help hotspot', 'a hotspot'],
    ['Getting started', 'a checklist'],
    ['NPS', 'an NPS survey'],
  ];
  for (const [name, kind] of flows) {
    await builder.flowRow(name).click();
    await expect(builder.flowRow(name)).toHaveAttribute('aria-current', /.+/);
    await expectNoSeriousA11yViolations(page, `the project view with ${kind} selected`);
  }
  await builder.flowRow('Dashboard tour').click();
  await builder.itemList('Dashboard tour (edited)').getByRole('button', { name: /^1\b/ }).click();
  await expect(builder.canvasCard).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the project view with a tour step selected');
  await page.screenshot({ path: '/tmp/shots/a11y-project-view.png' });

  for (const tab of ['Theme', 'Languages'] as const) {
    await builder.inspectorTab(tab).click();
    await expect(builder.inspectorTab(tab)).toHaveAttribute('aria-selected', 'true');
    await expectNoSeriousA11yViolations(page, `the ${tab} tab`);
  }
});

test('axe: Play and the Capture, Export and Keyboard shortcuts dialogs', async ({ page, webHost, demoSite }) => {
  test.setTimeout(240_000);
  await writeDemoProjectWithScreenshot(page, demoSite.url, webHost.projectsDir);
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await page.getByRole('button', { name: 'Open project…' }).click();
  await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: /^Acme onboarding/ }).click();
  await builder.flowRow('Dashboard tour').click();
  await expect(builder.flowRow('Dashboard tour')).toHaveAttribute('aria-current', /.+/);

  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.locator('[data-stepwise-player]').getByRole('dialog')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Play (the preview over the screenshot)');
  await page.getByRole('button', { name: 'Close preview' }).click();

  const dialogs: Array<[button: string, dialog: string]> = [
    ['Capture', 'Capture a screen'],
    ['Export…', 'Export'],
    ['Keyboard shortcuts', 'Keyboard shortcuts'],
  ];
  for (const [button, dialog] of dialogs) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the ${dialog} dialog`);
    await closeDialog(page, dialog);
  }
});

for (const locale of ['en', 'he'] as const) {
  test(`axe: every player widget on the demo site, ${locale === 'he' ? 'right to left (Hebrew)' : 'left to right (English)'}`, async ({ page, demoSite }) => {
    const player = new PlayerPage(page, demoSite);
    const overlay = player.overlay;
    const widgets = '[data-stepwise-player]';
    // Each widget on a fresh page, so axe sees it alone.
    const show = async (flowId: string) => {
      await player.open('/', demoBundle(), { locale });
      await player.call('start', flowId);
    };

    await show('tour_dashboard');
    await expect(player.card).toBeVisible();
    await expect(player.card).toHaveAttribute('dir', locale === 'he' ? 'rtl' : 'ltr');
    await expectNoSeriousA11yViolations(page, `the tour step (${locale})`, widgets);

    await show('hotspot_help');
    await overlay.getByRole('button').first().click();
    await expect(overlay.getByRole('dialog')).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the hotspot card (${locale})`, widgets);

    await show('checklist_start');
    await expect(overlay.getByRole('dialog')).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the checklist panel (${locale})`, widgets);
    await page.screenshot({ path: `/tmp/shots/a11y-checklist-${locale}.png` });

    await show('survey_nps');
    await expect(overlay.getByRole('dialog')).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the NPS survey (${locale})`, widgets);
    await overlay.getByRole('radio', { name: '9' }).click();
    await expect(overlay.getByRole('textbox')).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the NPS survey's follow-up (${locale})`, widgets);
  });
}
