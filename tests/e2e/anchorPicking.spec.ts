import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createFlow } from '../../shared/model/create';
import type { FlowOf } from '../../shared/model/flow';
import type { Project } from '../../shared/model/project';
import type { Screen } from '../../shared/model/screen';
import { expectNoSeriousA11yViolations } from './support/axe';
import { BuilderPage } from './support/builderPage';
import { readSavedProject } from './support/savedProject';
import { serveDriftSite } from '../fixtures/drift/driftCorpus';
import { writeDashboardProject } from './support/dashboardProject';
import { expect, test } from './support/webHostFixture';

/** Where the screenshots go: SHOTS_DIR when set (to look at them), else the test's output folder. */
const shot = (name: string) => (process.env.SHOTS_DIR ? join(process.env.SHOTS_DIR, name) : test.info().outputPath(name));

/** The old capture's path to the Tables link: from the top of the page, by position. */
const CHAIN = 'html > body:nth-of-type(1) > div:nth-of-type(1) > ul > li:nth-of-type(6) > a';

function tour(name: string, steps: { title: string; anchorOn?: { screen: Screen; elementId: string; selectors?: string[] } }[]): FlowOf<'tour'> {
  const flow = createFlow('tour', name, 'en');
  const template = flow.tour.steps[0]!;
  flow.tour.steps = steps.map(({ title, anchorOn }, index) => {
    const step = { ...structuredClone(template), id: `step_${index + 1}`, type: 'tooltip' as const, title: { en: title } };
    if (!anchorOn) return step;
    const element = anchorOn.screen.elements.find((candidate) => candidate.id === anchorOn.elementId)!;
    return { ...step, anchor: { screenId: anchorOn.screen.id, elementId: element.id, selectors: anchorOn.selectors ?? [element.selector, ...element.alternates], box: element.box } };
  });
  return flow;
}

/** Where a mapped element is on the canvas, found by name through the inspector's element list. */
async function elementCenter(page: Page, name: RegExp): Promise<{ x: number; y: number }> {
  await page.getByRole('list', { name: 'Mapped elements' }).getByRole('button', { name }).first().click();
  const box = (await page.getByTestId('selected-element-box').boundingBox())!;
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('selected-element-box')).toHaveCount(0);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function openProject(page: Page, url: string): Promise<BuilderPage> {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const builder = new BuilderPage(page);
  await builder.open(url);
  await page.getByRole('button', { name: 'Open project…' }).click();
  await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: /^Admin dashboard/ }).click();
  return builder;
}

/** The first step's anchor as saved on disk, once autosave has written what the test expects. */
async function savedAnchor(projectsDir: string) {
  const project = await readSavedProject(join(projectsDir, 'Admin dashboard.stepwise'));
  const flow = project.flows[0] as FlowOf<'tour'>;
  return flow.tour.steps[0]!.anchor;
}

test('a number inside a card is picked, the breadcrumb goes up to the card, and the step is anchored to the card', async ({ page, webHost }) => {
  test.setTimeout(90_000);
  const project = await writeDashboardProject(page, webHost.projectsDir, () => [tour('KPI tour', [{ title: 'Monthly earnings' }])]);
  const card = project.screens[0]!.elements.find((element) => element.id === 'card-monthly')!;
  const builder = await openProject(page, webHost.url);
  const number = await elementCenter(page, /^\$40,000/);

  await builder.flowRow('KPI tour').click();
  await builder.itemList('KPI tour').getByRole('button', { name: /^1\b/ }).click();
  await page.getByRole('button', { name: 'Pick on canvas' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Click an element to anchor the step' })).toContainText('Alt+↑ parent, Alt+↓ back');

  // Alt+Up climbs from the number to its card under the pointer, Alt+Down comes back.
  await page.mouse.move(number.x, number.y);
  const hovered = page.getByTestId('hovered-element-box');
  await expect(hovered).toContainText('$40,000');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(hovered).toContainText('Earnings (Monthly) $40,000');
  await expect(hovered).toContainText('1 level up');
  await page.screenshot({ path: shot('picking-alt-up.png') });
  await page.keyboard.press('Alt+ArrowDown');
  await expect(hovered).not.toContainText('level up');
  await page.mouse.down();
  await page.mouse.up();

  const anchorField = page.locator('.anchor-field');
  await expect(anchorField.locator('strong')).toHaveText('$40,000');
  const crumbs = page.getByRole('navigation', { name: 'Anchor ancestors' });
  await expect(crumbs.getByRole('listitem')).toHaveText(['Dashboard', 'Earnings (Monthly) $40,000', '$40,000']);
  const problemsHeading = page.locator('#problems-heading');
  await expect(problemsHeading).toContainText('0 errors');
  await page.screenshot({ path: shot('breadcrumb-number-picked.png') });

  await crumbs.getByRole('button', { name: 'Earnings (Monthly) $40,000' }).click();
  await expect(anchorField.locator('strong')).toHaveText('Earnings (Monthly) $40,000');
  await expect(anchorField.locator('code')).toHaveText(card.selector);
  await expect(crumbs.getByRole('listitem')).toHaveText(['Dashboard', 'Earnings (Monthly) $40,000']);
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText(`the selector "${card.selector}" is fragile`);
  // The canvas outlines the card (same shape as its box on the screenshot).
  const outline = (await page.getByTestId('selected-element-box').boundingBox())!;
  expect(outline.width / outline.height).toBeCloseTo(card.box.width / card.box.height, 1);
  await page.screenshot({ path: shot('breadcrumb-card-anchored.png') });
  await expectNoSeriousA11yViolations(page, 'the inspector with the anchor breadcrumb', '.inspector');

  await expect.poll(async () => (await savedAnchor(webHost.projectsDir))?.elementId, { timeout: 10_000 }).toBe('card-monthly');
  expect(await savedAnchor(webHost.projectsDir)).toMatchObject({ selectors: [card.selector, ...card.alternates], box: card.box });
  // From the keyboard: two levels up from the number is the page content, and Enter anchors it; one undo brings the card back.
  await page.getByRole('button', { name: 'Change anchor' }).click();
  await page.mouse.move(number.x + 1, number.y);
  await expect(hovered).toContainText('$40,000');
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(hovered).toContainText('2 levels up');
  await page.keyboard.press('Enter');
  await expect(anchorField.locator('strong')).toHaveText('Dashboard');
  await expect(anchorField.locator('code')).toHaveText('#content');
  await page.keyboard.press('Control+z');
  await expect(anchorField.locator('strong')).toHaveText('Earnings (Monthly) $40,000');
});

test('Problems offers the map\'s stable selector for an nth-of-type anchor; one click uses it, one undo takes it back', async ({ page, webHost }) => {
  test.setTimeout(90_000);
  await writeDashboardProject(page, webHost.projectsDir, (screen) => [
    tour('Sidebar tour', [
      { title: 'Open Tables', anchorOn: { screen, elementId: 'nav-tables', selectors: [CHAIN] } },
      { title: 'Monthly earnings', anchorOn: { screen, elementId: 'card-monthly' } },
    ]),
  ]);
  await openProject(page, webHost.url);
  const problems = page.getByRole('list', { name: 'Problems' });
  const tables = problems.getByRole('listitem').filter({ hasText: '“Sidebar tour” step 1' });
  await expect(tables).toContainText(`the selector "${CHAIN}" is fragile: it counts positions at 3 levels (nth-of-type)`);
  // The card has no steadier selector on the map: the warning says what would help, without a button.
  const card = problems.getByRole('listitem').filter({ hasText: '“Sidebar tour” step 2' });
  await expect(card).toContainText('give the element a data-testid on your site');
  await expect(card.getByRole('button', { name: /^Use / })).toHaveCount(0);
  // A click on the warning selects the step, so the canvas shows which element it is about.
  await tables.getByRole('button', { name: /fragile/ }).click();
  await expect(page.getByRole('region', { name: 'Step 1 of 2' })).toBeVisible();
  await page.screenshot({ path: shot('lint-suggestion.png') });
  await expectNoSeriousA11yViolations(page, 'the Problems panel with a one-click fix', 'section[aria-labelledby="problems-heading"]');

  await tables.getByRole('button', { name: 'Use a[href="tables.html"]' }).click();
  await expect(tables).toHaveCount(0);
  await expect(page.getByText('The anchor now uses a[href="tables.html"] first.')).toBeVisible();
  await expect.poll(async () => (await savedAnchor(webHost.projectsDir))?.selectors, { timeout: 10_000 }).toEqual(['a[href="tables.html"]', CHAIN]);

  await page.keyboard.press('Control+z');
  await expect(tables).toContainText(`the selector "${CHAIN}" is fragile`);
  await expect.poll(async () => (await savedAnchor(webHost.projectsDir))?.selectors, { timeout: 10_000 }).toEqual([CHAIN]);
});

test('on a real capture of the Bootstrap dashboard, the number picked in a KPI card climbs to its card', async ({ page, webHost }) => {
  test.setTimeout(120_000);
  const site = await serveDriftSite({ keys: false });
  await page.setViewportSize({ width: 1600, height: 1000 });
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Real dashboard');
  await builder.captureScreen(`${site.url}/base/index.html`, 'desktop');
  await site.close();
  const number = await elementCenter(page, /^\$40,000/);

  await builder.addFlow('Product Tour');
  await builder.itemList('Product tour').getByRole('button', { name: /^1\b/ }).click();
  await page.getByRole('combobox', { name: 'Type' }).selectOption('tooltip');
  await page.getByRole('button', { name: 'Pick on canvas' }).click();
  await page.mouse.move(number.x, number.y);
  await page.mouse.down();
  await page.mouse.up();
  const anchorField = page.locator('.anchor-field');
  await expect(anchorField.locator('strong')).toHaveText('$40,000');

  const crumbs = page.getByRole('navigation', { name: 'Anchor ancestors' });
  await crumbs.getByRole('button', { name: /^Earnings \(Monthly\)/ }).click();
  await expect(anchorField.locator('strong')).toHaveText(/^Earnings \(Monthly\)/);
  // The card has nothing stable to hold on to: lint says so, and that the fingerprint will find it.
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('“Product tour” step 1: the selector "#content');
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('the player may have to search for it by its fingerprint');
  await page.screenshot({ path: shot('real-capture-card.png') });

  // Saved: the step points at the card the number sits in, with the card's own fingerprint.
  // As the app reads it: a folder of files, element maps stored compactly (shared/project/storedElementMap.ts).
  const saved = () => readSavedProject(join(webHost.projectsDir, 'Real dashboard.stepwise'));
  const anchorOf = (project: Project) => (project.flows[0] as FlowOf<'tour'> | undefined)?.tour.steps[0]?.anchor;
  const valueOf = (project: Project) => project.screens[0]!.elements.find((element) => element.name === '$40,000');
  await expect.poll(async () => {
    const project = await saved();
    return anchorOf(project)?.elementId !== undefined && anchorOf(project)?.elementId === valueOf(project)?.parentId;
  }, { timeout: 10_000 }).toBe(true);
  const project = await saved();
  const anchor = anchorOf(project)!;
  const card = project.screens[0]!.elements.find((element) => element.id === anchor.elementId)!;
  const value = valueOf(project)!;
  expect(anchor.fingerprint?.tag).toBe(card.tag);
  expect(card.box.width * card.box.height).toBeGreaterThan(4 * value.box.width * value.box.height);
});
