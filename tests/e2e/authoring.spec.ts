import { BuilderPage } from './support/builderPage';
import { expect, test } from './support/hostAndSiteFixture';


const TARGETS = ['New invoice', 'Import CSV', 'Help', 'Invoices', 'Recent activity'];

test('product manager: a 5-step tour on the captured site, reordered, themed, translated, autosaved, reopened', async ({ page, webHost, demoSite }) => {
  test.setTimeout(120_000);
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Acme onboarding');
  await builder.captureScreen(`${demoSite.url}/`);
  const centers = new Map<string, { x: number; y: number }>();
  for (const name of TARGETS) centers.set(name, await builder.elementCenter(name));

  await builder.addFlow('Product Tour');
  await builder.renameFlow('Product tour', 'Dashboard tour');
  const steps = builder.itemList('Dashboard tour');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: '+ Add step' }).click();
  await expect(steps.getByRole('listitem')).toHaveCount(5);

  // Each step: a title, a tooltip, anchored by clicking its element on the canvas.
  for (const [index, name] of TARGETS.entries()) {
    await steps.getByRole('button', { name: new RegExp(`^${index + 1}\\b`) }).click();
    await page.getByLabel('Title', { exact: true }).fill(`About ${name}`);
    await page.getByRole('combobox', { name: 'Type' }).selectOption('tooltip');
    await page.getByRole('button', { name: /Pick on canvas|Change anchor/ }).click();
    await expect(page.getByText('Click an element to anchor the step')).toBeVisible();
    const center = centers.get(name)!;
    await page.mouse.move(center.x, center.y);
    await page.mouse.down();
    await page.mouse.up();
    await expect(page.getByRole('region', { name: 'Step' + ` ${index + 1} of 5` })).toContainText(name);
  }
  expect(await builder.itemLabels('Dashboard tour')).toEqual(TARGETS.map((name) => `About ${name}`));
  await expect(builder.canvasCard).toContainText('About Recent activity');
  await page.screenshot({ path: test.info().outputPath('tour-on-canvas.png') });

  // Step 4 to position 2 with the keyboard, undo; then with the mouse, undo.
  const moved = ['About New invoice', 'About Invoices', 'About Import CSV', 'About Help', 'About Recent activity'];
  await page.getByRole('button', { name: 'Reorder step 4: About Invoices' }).focus();
  // The next key only moves from where this one landed: after each, wait until dnd-kit has announced it.
  for (const [key, announcement] of [
    ['Space', /(step 4: About Invoices) was moved over \1\./], // picked up, over its own place (named, not by id)
    ['ArrowUp', /was moved over step/],
    ['ArrowUp', /was moved over step/],
    ['Space', /was dropped over step/],
  ] as const) {
    const before = await builder.dragAnnouncement();
    await page.keyboard.press(key);
    await expect.poll(async () => {
      const now = await builder.dragAnnouncement();
      return now !== before && announcement.test(now);
    }).toBe(true);
  }
  await expect.poll(() => builder.itemLabels('Dashboard tour')).toEqual(moved);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => builder.itemLabels('Dashboard tour')).toEqual(TARGETS.map((name) => `About ${name}`));
  const handle = (await page.getByRole('button', { name: 'Reorder step 4: About Invoices' }).boundingBox())!;
  const second = (await page.getByRole('button', { name: 'Reorder step 2: About Import CSV' }).boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2, handle.y - 10, { steps: 5 });
  await page.mouse.move(second.x + second.width / 2, second.y + second.height / 2 - 4, { steps: 10 });
  await page.mouse.up();
  await expect.poll(() => builder.itemLabels('Dashboard tour')).toEqual(moved);
  await page.keyboard.press('Control+z');
  await expect.poll(() => builder.itemLabels('Dashboard tour')).toEqual(TARGETS.map((name) => `About ${name}`));

  // The theme colour is applied live to the card on the canvas.
  await builder.inspectorTab('Theme').click();
  await page.getByLabel('Brand colour', { exact: true }).fill('#0f766e');
  await expect(builder.canvasCard.locator('.primary')).toHaveCSS('background-color', 'rgb(15, 118, 110)');

  // Hebrew: added, one step translated, shown right to left on the canvas.
  await builder.inspectorTab('Languages').click();
  await page.getByLabel('Add a language').fill('he');
  await page.getByRole('option', { name: /^Hebrew/ }).click();
  await expect(page.getByRole('list', { name: 'Languages' })).toContainText('Hebrew');
  await builder.inspectorTab('Selection').click();
  await steps.getByRole('button', { name: /^1\b/ }).click();
  await expect(page.getByText('English: About New invoice')).toBeVisible();
  const hebrewTitle = page.getByLabel('Title · Hebrew');
  await expect(hebrewTitle).toHaveAttribute('dir', 'rtl');
  await hebrewTitle.fill('ברוכים הבאים');
  await expect(builder.canvasCard).toHaveAttribute('dir', 'rtl');
  await expect(builder.canvasCard).toContainText('ברוכים הבאים');
  await page.screenshot({ path: test.info().outputPath('tour-hebrew.png') });

  // Autosave, then reload and reopen: everything is as it was.
  await expect(builder.saveState).toHaveText('All changes saved', { timeout: 10_000 });
  await page.reload();
  await page.getByRole('button', { name: /^Acme onboarding/ }).first().click();
  await builder.flowRow('Dashboard tour').click();
  expect(await builder.itemLabels('Dashboard tour')).toEqual(TARGETS.map((name) => `About ${name}`));
  await expect(steps.locator('.item-detail').first()).toHaveText('Tooltip');
  await builder.inspectorTab('Theme').click();
  await expect(page.getByLabel('Brand colour', { exact: true })).toHaveValue('#0f766e');
  await page.getByRole('combobox', { name: 'Editing' }).selectOption('he');
  await builder.inspectorTab('Selection').click();
  await steps.getByRole('button', { name: /^1\b/ }).click();
  await expect(page.getByLabel('Title · Hebrew')).toHaveValue('ברוכים הבאים');
  await expect(builder.canvasCard).toHaveAttribute('dir', 'rtl');
});

test('marketer: a checklist whose first item starts the tour, and an NPS survey with a follow-up per band', async ({ page, webHost, demoSite }) => {
  test.setTimeout(90_000);
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Acme activation');
  await builder.captureScreen(`${demoSite.url}/`);
  await builder.addFlow('Product Tour');
  await builder.renameFlow('Product tour', 'Welcome tour');

  await builder.addFlow('Checklist');
  await builder.renameFlow('Checklist', 'Getting started');
  const items = builder.itemList('Getting started', 'items');
  await page.getByRole('button', { name: '+ Add item' }).click();
  await page.getByRole('button', { name: '+ Add item' }).click();
  const labels = ['Take the tour', 'Create your first invoice', 'Invite a colleague'];
  for (const [index, label] of labels.entries()) {
    await items.getByRole('button', { name: new RegExp(`^${index + 1}\\b`) }).click();
    await page.getByLabel('Label', { exact: true }).fill(label);
  }
  await items.getByRole('button', { name: /^1\b/ }).click();
  await page.getByRole('combobox', { name: 'Clicking it' }).selectOption('startFlow');
  await expect(page.getByRole('combobox', { name: 'Flow to start' })).toHaveValue(/.+/);
  await expect(page.getByRole('combobox', { name: 'Flow to start' }).locator('option:checked')).toHaveText('Welcome tour');
  await page.getByRole('combobox', { name: 'Done when' }).selectOption('flowCompleted');
  await items.getByRole('button', { name: /^3\b/ }).click();
  await page.getByRole('combobox', { name: 'Done when' }).selectOption('event');
  await page.getByLabel('Event name').fill('colleague-invited');
  expect(await builder.itemLabels('Getting started', 'items')).toEqual(labels);
  // The checklist widget is drawn on the canvas by the player's own code.
  const layer = page.getByTestId('flow-layer');
  await expect(layer.locator('.list')).toContainText('Take the tour');
  await page.screenshot({ path: test.info().outputPath('checklist.png') });

  await builder.addFlow('NPS Survey');
  await page.getByLabel('Question', { exact: true }).fill('How likely are you to recommend Acme Invoices?');
  await page.getByLabel('Follow-up for 0–6 (detractors)').fill('What went wrong?');
  await page.getByLabel('Follow-up for 7–8 (passives)').fill('What would make it a 10?');
  await page.getByLabel('Follow-up for 9–10 (promoters)').fill('What do you love?');
  await page.getByLabel('Thank-you message').fill('Thanks a lot!');
  await expect(layer.locator('.survey')).toContainText('How likely are you to recommend Acme Invoices?');
  await page.screenshot({ path: test.info().outputPath('survey.png') });

  // Played for real: a 3 asks the detractor question.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const preview = page.getByRole('region', { name: /^Preview of/ });
  await expect(preview).toBeVisible();
  const survey = page.locator('[data-stepwise-player]').getByRole('dialog');
  await survey.getByRole('radio', { name: '3' }).click();
  await expect(survey).toContainText('What went wrong?');
  await preview.getByRole('button', { name: 'Close preview' }).click();

  await expect(builder.saveState).toHaveText('All changes saved', { timeout: 10_000 });
});

test('bad input is shown at the field and never saved: a selector, a regex, a language tag', async ({ page, webHost }) => {
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Careful');
  await builder.addFlow('Product Tour');

  // A click trigger with a selector that is not CSS.
  await page.getByRole('combobox', { name: 'Starts' }).selectOption('click');
  const selector = page.getByLabel('Element selector');
  await selector.fill('button[data-x=');
  await expect(page.getByRole('alert').filter({ hasText: 'is not a valid CSS selector' })).toBeVisible();
  await expect(selector).toHaveAttribute('aria-invalid', 'true');

  // A URL rule whose regular expression does not compile.
  await page.getByRole('button', { name: '+ URL rule' }).click();
  const rule = page.getByRole('group', { name: 'URL rule 1' });
  await rule.getByRole('combobox', { name: 'Match' }).selectOption('regex');
  await rule.getByLabel('Value').fill('^/invoices/(');
  await expect(rule.getByRole('alert')).toContainText('is not a valid regular expression');

  // A language tag that does not exist.
  await builder.inspectorTab('Languages').click();
  await page.getByLabel('Add a language').fill('klingon');
  await page.getByLabel('Add a language').press('Enter');
  await expect(page.getByRole('alert')).toHaveText('No language matches “klingon”. Type its English name (Hebrew), its own name (עברית) or a BCP-47 tag (he, pt-BR).');
  await expect(page.getByRole('list', { name: 'Languages' }).getByRole('listitem')).toHaveCount(1);

  // Saved and reopened: only the last valid values are in the file.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(builder.saveState).toHaveText('All changes saved');
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: /^Careful/ }).first().click();
  await builder.flowRow('Product tour').click();
  await expect(page.getByLabel('Element selector')).toHaveValue('#help');
  await expect(page.getByRole('group', { name: 'URL rule 1' }).getByLabel('Value')).toHaveValue('/');
  await expect(page.getByRole('group', { name: 'URL rule 1' }).getByRole('combobox', { name: 'Match' })).toHaveValue('regex');
});

test('hotspot: anchored on the canvas, the beacon dragged and nudged with the arrow keys', async ({ page, webHost, demoSite }) => {
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Hotspots');
  await builder.captureScreen(`${demoSite.url}/`);
  const help = await builder.elementCenter('Help');
  await builder.addFlow('Hotspot');
  await page.getByRole('button', { name: 'Pick on canvas' }).click();
  await page.mouse.click(help.x, help.y);
  await expect(page.getByRole('region', { name: 'Hotspot' })).toContainText('#help-button');
  const beacon = page.getByTestId('flow-layer').getByTestId('canvas-beacon');
  await expect(beacon).toBeVisible();
  const offsetX = page.getByLabel('Offset x (px)');
  const offsetY = page.getByLabel('Offset y (px)');

  const box = (await beacon.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10, { steps: 5 });
  await page.mouse.up();
  const draggedX = Number(await offsetX.inputValue());
  expect(draggedX).toBeGreaterThan(20); // 20 screen px at a zoom below 100% are more page pixels
  await beacon.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(offsetX).toHaveValue(String(draggedX - 1));
  await expect.poll(async () => Number(await offsetY.inputValue())).toBeGreaterThan(10);
  await page.getByLabel('Title', { exact: true }).fill('Need a hand?');
  await expect(builder.canvasCard).toContainText('Need a hand?');
  await page.screenshot({ path: test.info().outputPath('hotspot.png') });
});
