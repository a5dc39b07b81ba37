import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { BuilderPage } from './support/builderPage';
import { addTopRightStep, englishOnly, writeEditedDemoProject } from './support/layoutProject';
import { expect, test } from './support/webHostFixture';

mkdirSync('/tmp/shots', { recursive: true });

async function openDemo(page: Page, url: string): Promise<BuilderPage> {
  const builder = new BuilderPage(page);
  await builder.open(url);
  await page.getByRole('button', { name: 'Open project…' }).click();
  await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: /^Acme onboarding/ }).click();
  await builder.flowRow('Dashboard tour').click();
  return builder;
}

/** What overflows in the side panels: a panel that scrolls sideways, a button or tab whose text is cut. */
function overflowsIn(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.sidebar, .inspector')].flatMap((panel) => [
      ...(panel.scrollWidth > panel.clientWidth ? [`${panel.className} scrolls sideways (${panel.scrollWidth} > ${panel.clientWidth})`] : []),
      ...[...panel.querySelectorAll<HTMLElement>('button, [role=tab]')]
        .filter((button) => button.offsetParent !== null && button.scrollWidth > button.clientWidth)
        .map((button) => `"${button.textContent?.trim()}" is cut (${button.scrollWidth} > ${button.clientWidth})`),
    ]),
  );
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test(`at ${viewport.width}x${viewport.height} the side panels fit: no sideways scroll, no cut button or tab, with Hebrew added`, async ({ page, webHost }) => {
    await writeEditedDemoProject(page, webHost.projectsDir, englishOnly);
    await page.setViewportSize(viewport);
    const builder = await openDemo(page, webHost.url);
    expect(await overflowsIn(page)).toEqual([]);

    await builder.addLanguage('Hebrew', 'Hebrew');
    // The field is cleared for the next language; Hebrew's own buttons read in full.
    await expect(page.getByRole('combobox', { name: 'Add a language' })).toHaveValue('');
    await expect(page.getByRole('button', { name: 'Remove Hebrew' })).toBeVisible();
    expect(await overflowsIn(page)).toEqual([]);
    // Flow rows say all of themselves on hover, and the meta line stays on one line.
    const row = builder.flowRow('Dashboard tour');
    await expect(row).toHaveAttribute('title', /^Dashboard tour\n.+ · Draft$/);
    const meta = row.locator('.flow-row-meta');
    expect((await meta.boundingBox())!.height).toBeLessThan(20);
    if (viewport.width === 1440) await page.screenshot({ path: '/tmp/shots/editor-hebrew-added.png' });
  });
}

test('side panels resize with the mouse or the keyboard and keep their width after a reload', async ({ page, webHost }) => {
  await writeEditedDemoProject(page, webHost.projectsDir, () => undefined);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openDemo(page, webHost.url);
  const left = page.getByRole('separator', { name: 'Resize the screens and flows panel' });
  const right = page.getByRole('separator', { name: 'Resize the inspector' });
  const sidebar = page.locator('.sidebar');
  const before = Number(await left.getAttribute('aria-valuenow'));
  await left.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(left).toHaveAttribute('aria-valuenow', String(before + 32));
  await expect.poll(async () => Math.round((await sidebar.boundingBox())!.width)).toBe(before + 32);

  const handle = (await right.boundingBox())!;
  const rightBefore = Number(await right.getAttribute('aria-valuenow'));
  await page.mouse.move(handle.x + handle.width / 2, handle.y + 200);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 - 60, handle.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect(right).toHaveAttribute('aria-valuenow', String(rightBefore + 60));

  await page.reload();
  await page.getByRole('button', { name: /^Acme onboarding/ }).first().click();
  await expect(left).toHaveAttribute('aria-valuenow', String(before + 32));
  await expect(right).toHaveAttribute('aria-valuenow', String(rightBefore + 60));
});

test('Play covers the whole editor: step 4 under where the tabs were, first and last buttons, then "Tour complete"', async ({ page, webHost }) => {
  await writeEditedDemoProject(page, webHost.projectsDir, addTopRightStep);
  await page.setViewportSize({ width: 1440, height: 900 });
  const builder = await openDemo(page, webHost.url);
  const tabs = (await builder.inspectorTab('Languages').boundingBox())!;
  await page.getByRole('button', { name: 'Play', exact: true }).click();

  const preview = page.getByRole('region', { name: 'Preview of Dashboard tour' });
  const card = page.locator('[data-stepwise-player]').getByRole('dialog');
  await expect(card).toHaveAccessibleName('New invoice');
  // Step 1 has nothing to go back to.
  await expect(card.locator('.foot .btn')).toHaveText(['Next']);
  for (const title of ['Revenue', 'Activity feed', 'Your account']) {
    await preview.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(card).toHaveAccessibleName(title);
  }
  await expect(card.locator('.foot .btn')).toHaveText(['Back', 'Done']);
  // Where the tabs were is the preview now, and the tabs cannot be reached.
  const atTabs = await page.evaluate(({ x, y }) => {
    const hit = document.elementFromPoint(x, y);
    return hit ? `${hit.tagName} ${hit.getAttribute('role') ?? ''} ${hit.closest('.inspector') ? 'in inspector' : ''}`.trim() : 'nothing';
  }, { x: tabs.x + tabs.width / 2, y: tabs.y + tabs.height / 2 });
  expect(atTabs).not.toMatch(/tab|inspector/);
  await expect(page.locator('.project-view')).toHaveAttribute('inert', '');
  await page.screenshot({ path: '/tmp/shots/play-step-4.png' });

  await card.getByRole('button', { name: 'Done' }).click();
  const end = page.getByRole('dialog', { name: 'Tour complete' });
  await expect(end).toBeVisible();
  await expect(end.getByRole('button', { name: 'Restart' })).toBeFocused();
  await expect(preview.getByRole('button', { name: 'Next', exact: true })).toHaveCount(0);
  await expect(preview.getByRole('button', { name: 'Back', exact: true })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots/end-of-tour.png' });

  await end.getByRole('button', { name: 'Restart' }).click();
  await expect(card).toHaveAccessibleName('New invoice');
  await expect(end).toHaveCount(0);
  await card.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('dialog', { name: 'Tour closed' }).getByRole('button', { name: 'Close' }).click();
  await expect(preview).toHaveCount(0);
  await expect(page.locator('.project-view')).not.toHaveAttribute('inert');
});

test('another flow opens in the inspector at its top, not at the last flow\'s scroll position', async ({ page, webHost }) => {
  await writeEditedDemoProject(page, webHost.projectsDir, () => undefined);
  await page.setViewportSize({ width: 1280, height: 800 });
  const builder = await openDemo(page, webHost.url);
  await builder.flowRow('NPS').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect.poll(() => inspector.evaluate((panel) => panel.scrollHeight > panel.clientHeight)).toBe(true);
  await inspector.evaluate((panel) => (panel.scrollTop = panel.scrollHeight));
  await expect.poll(() => inspector.evaluate((panel) => panel.scrollTop)).toBeGreaterThan(0);
  await builder.flowRow('Getting started').click();
  await expect.poll(() => inspector.evaluate((panel) => panel.scrollTop)).toBe(0);
});
