import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { FlowOf } from '../../shared/model/flow';
import { helpImageFile as pngFile, helpImagePng as png, openHelpProject } from './support/helpProject';
import { expect, test } from './support/webHostFixture';

/** The panel the canvas draws with the player's code (inside the flow layer's shadow root). */
const canvasPanel = (page: Page) => page.getByTestId('flow-layer').locator('section.rc');

// Twice the pixels, so the panel (drawn at the canvas's fit zoom) reads in the close-up screenshots.
test.use({ deviceScaleFactor: 2 });

test('the resource center shows open on the canvas, in English and in Hebrew, on the article selected in the outline', async ({ page, webHost }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openHelpProject(page, webHost.url, webHost.projectsDir);
  const panel = canvasPanel(page);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Help');
  await expect(panel).toContainText('Reports export to PDF');
  await expect(panel).toContainText('Take the welcome tour');
  await expect(panel).toContainText('help@example.com');
  await page.screenshot({ path: test.info().outputPath('canvas-panel-1440-ltr.png') });
  await panel.screenshot({ path: test.info().outputPath('canvas-panel-closeup-ltr.png') });
  // The panel on the canvas works as on a site: a search typed into it (spaces included, which otherwise pan the canvas).
  const search = panel.getByRole('searchbox');
  await search.click();
  await search.pressSequentially('reset your');
  await expect(search).toHaveValue('reset your');
  await expect(panel.locator('mark').first()).toHaveText(/reset/i);
  await expect(panel).not.toContainText('Invite your team');
  await search.fill('');

  // An article selected in the outline: the panel shows that article, with its image.
  const sections = page.getByRole('list', { name: 'Help center sections' });
  await sections.getByRole('button', { name: /^4 Help articles/ }).click();
  await page.getByRole('list', { name: 'Help articles articles' }).getByRole('button', { name: /^1\b/ }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('Download an invoice');
  await expect(panel.getByRole('img', { name: 'The settings page' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('canvas-article-1440-ltr.png') });

  // Hebrew: right to left, the Hebrew texts.
  await page.getByRole('combobox', { name: 'Editing' }).selectOption('he');
  await expect(panel).toHaveAttribute('dir', 'rtl');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('הורדת חשבונית');
  await expect(panel.getByRole('img', { name: 'דף ההגדרות' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('canvas-article-1440-rtl.png') });
  await sections.getByRole('button', { name: /Announcements · 2 announcements$/ }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('עזרה');
  await page.screenshot({ path: test.info().outputPath('canvas-panel-1440-rtl.png') });

  await panel.screenshot({ path: test.info().outputPath('canvas-panel-closeup-rtl.png') });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(panel).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('canvas-panel-390-rtl.png') });
  await page.getByRole('combobox', { name: 'Editing' }).selectOption('en');
  await expect(panel).toHaveAttribute('dir', 'ltr');
  await page.screenshot({ path: test.info().outputPath('canvas-panel-390-ltr.png') });
});

test('an image cropped from the screenshot goes into the article, and the export carries it inline', async ({ page, webHost }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const builder = await openHelpProject(page, webHost.url, webHost.projectsDir);
  await page.getByRole('list', { name: 'Help center sections' }).getByRole('button', { name: /^4 Help articles/ }).click();
  await page.getByRole('list', { name: 'Help articles articles' }).getByRole('button', { name: /^2\b/ }).click();
  const panel = canvasPanel(page);
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('Reset your password');
  await expect(panel.locator('img')).toHaveCount(0);
  // Typing in the inspector redraws the panel on every key, and never takes the focus from the field.
  const title = builder.inspector.getByLabel('Title', { exact: true });
  await title.click();
  await title.press('End');
  await title.pressSequentially(' now');
  await expect(title).toHaveValue('Reset your password now');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('Reset your password now');

  // Escape leaves crop mode without changing anything.
  await builder.inspector.getByRole('button', { name: 'Image from a screen…' }).click();
  const banner = page.getByTestId('crop-banner');
  await expect(banner).toContainText('Drag over the part of the screenshot to show in “Reset your password now”');
  await expect(panel).toBeHidden(); // the page, not the panel, is what the author crops
  await page.screenshot({ path: test.info().outputPath('crop-mode.png') });
  await page.keyboard.press('Escape');
  await expect(banner).toBeHidden();
  await expect(panel.locator('img')).toHaveCount(0);

  await builder.inspector.getByRole('button', { name: 'Image from a screen…' }).click();
  // Over the screenshot's top left: the demo site's header and first cards.
  const shot = (await page.locator('.screen-stage img').boundingBox())!;
  await page.mouse.move(shot.x + 10, shot.y + 10);
  await page.mouse.down();
  await page.mouse.move(shot.x + shot.width * 0.2, shot.y + shot.height * 0.15, { steps: 5 });
  await page.mouse.move(shot.x + shot.width * 0.45, shot.y + shot.height * 0.35, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole('status').filter({ hasText: 'Added the image at the end of the article' })).toBeVisible();
  await expect(banner).toBeHidden();
  // No description yet (alt ""), so it is not an img to screen readers: the inspector asks for one.
  await expect(panel.locator('img')).toHaveCount(1);
  await expect(panel.locator('img')).toHaveJSProperty('complete', true);
  expect(await panel.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  await page.screenshot({ path: test.info().outputPath('cropped-image-in-article.png') });

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download bundle' }).click();
  const bundle = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { flows: FlowOf<'resourceCenter'>[] };
  const center = bundle.flows.find((flow) => flow.id === 'help_center')!.resourceCenter as unknown as { images: { id: string; src: string }[]; sections: FlowOf<'resourceCenter'>['resourceCenter']['sections'] };
  expect(center.images).toHaveLength(2);
  const [original, cropped] = center.images;
  expect(original!.src).toBe(`data:image/png;base64,${png.toString('base64')}`);
  expect(cropped!.src).toMatch(/^data:image\/(png|webp|jpeg);base64,/);
  const article = center.sections.flatMap((section) => (section.kind === 'articles' ? section.articles : [])).find((candidate) => candidate.id === 'art_password')!;
  expect(article.body.en).toMatch(new RegExp(`\\n\\n!\\[\\]\\(image:${cropped!.id}\\)$`));
});

test('an article image missing from the project folder is named in the export dialog, which does not export', async ({ page, webHost }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // The project refers to the file, the folder lacks it (a bad merge, a hand edit).
  await openHelpProject(page, webHost.url, webHost.projectsDir, { withImageFile: false });
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('alert')).toContainText(`the article image images/${pngFile} could not be read from the project folder; add the image again or remove it. It is shown in the article “Download an invoice”.`);
  await expect(dialog.getByRole('button', { name: 'Download bundle' })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('export-missing-image.png') });
});
