// Flow health check figures: the drift corpus checked release by release (expected against found,
// judged by the identity keys), and a project of 50 screens and 500 steps checked at several
// parallelisms. It prints; it never fails on speed.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../playwright.config';
import { buildCheckAnchorsScript, buildElementMapScript } from '../scripts/buildTimeTexts.mjs';
import { ANCHOR_STATUSES, type HealthReport } from '../shared/health/flowHealth';
import { checkedUrl, planHealthCheck } from '../shared/health/planHealthCheck';
import type { OpenReplayedPage } from '../main/capture/browser/replayedPages';
import { createDriftProject } from '../tests/fixtures/health/driftProject';
import type { StatusCounts } from '../tests/fixtures/health/judgeDriftCheck';
import { manyScreensProject, serveManyScreens } from '../tests/fixtures/health/manyScreensProject';

const SCREENS = 50;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** What an evaluated expression is, by the in-page global it calls. */
function stageOf(expression: string): string {
  if (expression.includes('__stepwiseElementMap')) return 'element map';
  if (expression.includes('__stepwiseCheckAnchors')) return 'anchors';
  if (expression.includes('MutationObserver')) return 'settle';
  return 'other';
}

/** Opens pages as `open` does, adding the time of each stage of each page to `stages` (for where a screen's time goes). */
function timedPages(open: OpenReplayedPage, stages: Map<string, number[]>): OpenReplayedPage {
  const timed = async <T>(stage: string, work: Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work;
    } finally {
      stages.set(stage, [...(stages.get(stage) ?? []), performance.now() - start]);
    }
  };
  return async (request, path) => {
    const page = await timed('new context', open(request, path));
    return {
      get notices() {
        return page.notices;
      },
      load: (url, ms) => timed('load (+ replay)', page.load(url, ms)),
      evaluate: (expression) => timed(stageOf(expression), page.evaluate(expression)),
      screenshot: (options) => timed('screenshot', page.screenshot(options)),
      url: () => page.url(),
      close: () => timed('close', page.close()),
    };
  };
}
const STEPS_PER_SCREEN = 10;

const slash = (counts: StatusCounts, statuses: readonly (keyof StatusCounts)[]) => statuses.map((status) => counts[status]).join('/');

function statusCounts(report: HealthReport): string {
  const counts = Object.fromEntries(ANCHOR_STATUSES.map((status) => [status, 0])) as StatusCounts;
  for (const anchor of report.anchors) counts[anchor.status]++;
  const failed = report.screens.filter((screen) => screen.status === 'failed').length;
  return `${slash(counts, ANCHOR_STATUSES)}${failed ? `, ${failed} screens FAILED` : ''}`;
}

export async function runHealthBench(): Promise<void> {
  // tsx has no build-time define: the in-page scripts come in as globals.
  (globalThis as Record<string, unknown>).__STEPWISE_ELEMENT_MAP_SCRIPT__ = buildElementMapScript();
  (globalThis as Record<string, unknown>).__STEPWISE_CHECK_ANCHORS_SCRIPT__ = buildCheckAnchorsScript();
  const { createPlaywrightCapture } = await import('../main/capture/playwrightCapture');
  const { replayedPages } = await import('../main/capture/browser/replayedPages');
  const { checkFlows, defaultConcurrency } = await import('../main/health/checkFlows');
  const { checkDriftReleases } = await import('../tests/fixtures/health/checkDriftReleases');
  const { discardImage, engineRunCheck } = await import('../tests/fixtures/health/engineRunCheck');

  const capture = createPlaywrightCapture({ executablePath: chromiumLaunchOptions.executablePath });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-health-bench-'));
  try {
    const drift = await createDriftProject({ projectsDir: dir, openPage: capture.openPage, browser });
    const started = performance.now();
    const releases = await checkDriftReleases(drift, browser, engineRunCheck(capture));
    const driftSeconds = (performance.now() - started) / 1000;

    console.log(`\nFlow health check on the drift corpus: ${drift.anchors.length} anchors (a step on every element the capture could key), each release on its own origin (--base-url)`);
    const header = ['release', 'anchors', 'expected ok/moved/changed/missing', 'found ok/moved/changed/ambiguous/missing', 'missed as the player', 'wrong', 'screen'];
    const rows = releases.map((release) => [
      release.variant.stretch ? `${release.variant.name} *` : release.variant.name,
      String(release.anchors.length),
      slash(release.expected, ['ok', 'moved', 'changed', 'missing']),
      slash(release.found, ANCHOR_STATUSES),
      String(release.outcomes.missedAsPlayer),
      String(release.outcomes.wrong + release.outcomes.unlikePlayer + release.outcomes.otherStatus),
      `${(release.screen.ms / 1000).toFixed(1)} s`,
    ]);
    const sum = (pick: (release: (typeof releases)[number]) => StatusCounts) =>
      Object.fromEntries(ANCHOR_STATUSES.map((status) => [status, releases.reduce((total, release) => total + pick(release)[status], 0)])) as StatusCounts;
    const outcome = (pick: (release: (typeof releases)[number]) => number) => String(releases.reduce((total, release) => total + pick(release), 0));
    rows.push([
      'total',
      outcome((release) => release.anchors.length),
      slash(sum((release) => release.expected), ['ok', 'moved', 'changed', 'missing']),
      slash(sum((release) => release.found), ANCHOR_STATUSES),
      outcome((release) => release.outcomes.missedAsPlayer),
      outcome((release) => release.outcomes.wrong + release.outcomes.unlikePlayer + release.outcomes.otherStatus),
      `${(releases.reduce((total, release) => total + release.screen.ms, 0) / 1000).toFixed(1)} s`,
    ]);
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    for (const row of [header, ...rows]) console.log(`  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`);
    console.log(`  wrong: pointed at or suggested another element, or a status/found-or-missing unlike the keys and the player (must be 0)`);
    console.log(`  missed as the player: still there, but its text changed past what the player's verification vouches for, so the step would not show`);
    console.log(`  * beyond the issue's kinds of change; narrow is checked at the captured viewport (1440x900), as the check loads every screen`);
    console.log(`  ${releases.length} releases checked and judged (two at a time) in ${driftSeconds.toFixed(1)} s`);

    const site = await serveManyScreens(SCREENS);
    try {
      const project = manyScreensProject(drift, SCREENS, STEPS_PER_SCREEN);
      const plan = planHealthCheck(project);
      const steps = plan.screens.reduce((sum, screen) => sum + screen.anchors.length, 0);
      const openPage = replayedPages({ browser: capture.browser, storageState: async () => undefined });
      const parallel = defaultConcurrency();
      // Every release is built (jsdom) on its first request: build them all before anything is timed.
      await Promise.all(plan.screens.map((screen) => screen.source.kind === 'url' && fetch(checkedUrl(screen.source.url, site.url)).then((response) => response.text())));
      console.log(`\nFlow health check of ${plan.screens.length} screens and ${steps} steps (the drift dashboard's releases in turn at /app/1 ... /app/${SCREENS}, full-page captures, 1440x900; budget <= 60 s)`);
      console.log(`  (load average before: ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${availableParallelism()} cores, shared with whatever else runs)`);
      const stages = new Map<string, number[]>();
      for (const concurrency of [...new Set([parallel, 1, 2, 4])]) {
        const start = performance.now();
        const { report } = await checkFlows({ plan, baseUrl: site.url, openPage: concurrency === 1 ? timedPages(openPage, stages) : openPage, saveImage: discardImage, concurrency });
        const seconds = (performance.now() - start) / 1000;
        const label = `${concurrency} page${concurrency === 1 ? '' : 's'} at once${concurrency === parallel ? ' (default)' : ''}`;
        console.log(`  ${label.padEnd(26)} ${`${seconds.toFixed(1)} s`.padStart(8)}  ${(plan.screens.length / seconds).toFixed(2).padStart(5)} screens/s   ok/moved/changed/ambiguous/missing ${statusCounts(report)}`);
      }
      const perScreen = [...stages].map(([stage, times]) => `${stage} ${Math.round(median(times))}`).join(', ');
      console.log(`  where a screen's time goes, one page at once (median ms): ${perScreen}`);
    } finally {
      await site.close();
    }
  } finally {
    await Promise.all([browser.close(), capture.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
