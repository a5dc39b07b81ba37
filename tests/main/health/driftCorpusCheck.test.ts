import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaywrightCapture } from '../../../main/capture/playwrightCapture';
import { chromiumLaunchOptions } from '../../../playwright.config';
import { DRIFT_VARIANTS } from '../../fixtures/drift/driftCorpus';
import { checkDriftReleases, type CheckedRelease } from '../../fixtures/health/checkDriftReleases';
import { createDriftProject, type DriftProject } from '../../fixtures/health/driftProject';
import { engineRunCheck } from '../../fixtures/health/engineRunCheck';
import { describeSurprises } from '../../fixtures/health/judgeDriftCheck';

/**
 * The flow health check on the drift corpus: the dashboard captured with the real pipeline, a tour
 * step on each of 140-odd mapped elements, checked against each "next release" served at the
 * captured path on its own origin (as --base-url does). Judged by the identity keys the check
 * never sees (tests/fixtures/health/judgeDriftCheck.ts says what each status is expected from).
 *
 * Tolerance: none on wrong elements, none on statuses of found elements, none on disagreeing with
 * the player. An element that is still there may be reported missing or ambiguous only where the
 * player itself would not show the step (its verification refuses an element whose text changed
 * too much), and in the kinds of change for at most 5 % of the elements still there.
 */
const capture = createPlaywrightCapture({ executablePath: chromiumLaunchOptions.executablePath });
let browser: Browser;
let dir: string;
let project: DriftProject;
let releases: CheckedRelease[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stepwise-drift-check-'));
  browser = await chromium.launch(chromiumLaunchOptions);
  project = await createDriftProject({ projectsDir: dir, openPage: capture.openPage, browser });
  releases = await checkDriftReleases(project, browser, engineRunCheck(capture));
}, 180_000);

afterAll(async () => {
  await Promise.all([browser?.close(), capture.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('stepwise check on the drift corpus', () => {
  it('anchors a step to every element the capture could key, far more than the issue asks', () => {
    expect(project.anchors.length).toBeGreaterThanOrEqual(60);
  });

  it.each(DRIFT_VARIANTS.map((variant) => [variant.name, variant] as const))('%s: never a wrong element, the status the identity keys predict, and what the player does', (name, variant) => {
    const release = releases.find((each) => each.variant.name === name)!;
    const surprises = `${name}:\n${describeSurprises(release)}`;
    expect(release.outcomes.wrong, surprises).toBe(0);
    expect(release.outcomes.otherStatus, surprises).toBe(0);
    expect(release.outcomes.unlikePlayer, surprises).toBe(0);
    const stillThere = release.anchors.filter((each) => each.expected !== 'missing').length;
    if (!variant.stretch) expect(release.outcomes.missedAsPlayer / stillThere, surprises).toBeLessThanOrEqual(0.05);
  });
});
