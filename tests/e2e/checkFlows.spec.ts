import { readFileSync } from 'node:fs';
import { serveTeamPage, TEAM_PAGE_PATH } from '../fixtures/health/teamPage/serveTeamPage';
import { expectNoSeriousA11yViolations } from './support/axe';
import { gapBetween } from './support/boxes';
import { BuilderPage } from './support/builderPage';
import { PlayerPage } from './support/demoSiteFixture';
import { expect, test } from './support/webHostFixture';

/**
 * The flow health check in the app, end to end: a step anchored on the captured release, the
 * next release served as "staging", Check flows finds the step changed, one click re-anchors it
 * (one undo step), and the exported bundle plays at the right element on the new release.
 */
test('Check flows finds a changed step on the next release; Re-anchor (one undo step) makes the exported tour land on it there', async ({ page, webHost, browser }) => {
  test.setTimeout(120_000);
  const [captured, next] = await Promise.all([serveTeamPage(1), serveTeamPage(2)]);
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    const builder = new BuilderPage(page);
    await builder.open(webHost.url);
    await builder.createProject('Team tours');
    await builder.captureScreen(`${captured.url}${TEAM_PAGE_PATH}`);
    const invite = await builder.elementCenter('Invite teammate');
    await builder.addFlow('Product Tour');
    await builder.itemList('Product tour').getByRole('button', { name: /^1\b/ }).click();
    await page.getByLabel('Title', { exact: true }).fill('Invite your team');
    await page.getByRole('combobox', { name: 'Type' }).selectOption('tooltip');
    await page.getByRole('button', { name: 'Pick on canvas' }).click();
    await page.mouse.click(invite.x, invite.y);
    const anchor = page.locator('.anchor-field code');
    await expect(anchor).toHaveText('#invite-teammate');

    // Check against the next release, as against a staging deployment: only the origin changes.
    await page.getByRole('button', { name: 'Check flows' }).click();
    const dialog = page.getByRole('dialog', { name: 'Check flows against the live product' });
    await expect(dialog.getByTestId('check-plan')).toHaveText('1 screen, 1 anchored step.');
    // Typed as a person types, key by key: the field keeps its focus and its value.
    await dialog.getByLabel('Check against (optional)').pressSequentially(next.url);
    await dialog.getByRole('button', { name: 'Start check' }).click();
    await expect(dialog).toBeHidden({ timeout: 60_000 });
    const liveCheck = page.getByRole('region', { name: 'Live check', exact: true });
    await expect(liveCheck.getByTestId('live-check-summary')).toContainText(`against ${next.url}: 1 needs attention`);
    const line = liveCheck.getByRole('button', { name: /^Changed\s*Product tour › step 1 “Invite your team”/ });
    await expect(line).toBeVisible();

    // The step's captured screenshot beside the fresh one, the button outlined in each.
    await line.click();
    const compare = page.getByRole('region', { name: 'Live check comparison' });
    await expect(compare.getByAltText('Live now screenshot')).toBeVisible();
    await expect(compare.getByTestId('health-box-captured')).toBeVisible();
    await expect(compare.getByTestId('health-box-fresh')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('check-flows-compare.png') });
    await expectNoSeriousA11yViolations(page, 'the Live check results', 'section.live-check');
    await expectNoSeriousA11yViolations(page, 'the live check comparison', 'section.health-compare');

    const problemsHeading = page.locator('#problems-heading');
    await expect(problemsHeading).toContainText('0 errors · 0 warnings');
    await compare.getByRole('button', { name: 'Re-anchor' }).click();
    await expect(anchor).toHaveText('[data-testid="invite-teammate"]');
    // Its Undo notice sits above the comparison, not over its note and actions.
    const notice = page.getByRole('status').filter({ hasText: 'now points at' });
    await expect(notice).toBeVisible();
    expect((await notice.boundingBox())!.y + (await notice.boundingBox())!.height).toBeLessThanOrEqual((await compare.boundingBox())!.y);
    await expect(liveCheck).toContainText('Re-anchored since the check');
    await page.keyboard.press('Control+z');
    await expect(anchor).toHaveText('#invite-teammate');
    await expect(compare.getByRole('button', { name: 'Re-anchor' })).toBeVisible();
    await page.keyboard.press('Control+Shift+z');
    await expect(anchor).toHaveText('[data-testid="invite-teammate"]');

    await page.getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    const download = page.waitForEvent('download');
    await exportDialog.getByRole('button', { name: 'Download bundle' }).click();
    const bundle = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    expect(bundle.flows[0].tour.steps[0].anchor.selectors[0]).toBe('[data-testid="invite-teammate"]');
    // Lint (re-run long since) does not ask for the old element to be picked again, which would undo the re-anchor.
    await exportDialog.press('Escape');
    await expect(problemsHeading).toContainText('0 errors · 0 warnings');

    const site = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const player = new PlayerPage(site, next);
    await player.open(TEAM_PAGE_PATH, bundle);
    await expect(player.card).toHaveAccessibleName('Invite your team');
    const target = (await site.getByRole('button', { name: 'Invite teammate' }).boundingBox())!;
    const decoy = (await site.getByRole('button', { name: 'Export list' }).boundingBox())!;
    const card = (await player.card.boundingBox())!;
    const centre = (box: { x: number; width: number }) => box.x + box.width / 2;
    expect(gapBetween(card, target)).toBeLessThanOrEqual(24);
    // The card sits under both buttons; it is centred on the Invite button, not on Export beside it.
    expect(Math.abs(centre(card) - centre(target))).toBeLessThan(Math.abs(centre(card) - centre(decoy)));
    // Found by its first selector: nothing stale left to recover from.
    expect(await player.eventTypes()).not.toContain('target_not_found');
    expect(await player.eventTypes()).not.toContain('target_recovered');
    await site.close();
  } finally {
    await Promise.all([captured.close(), next.close()]);
  }
});
