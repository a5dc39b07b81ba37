import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { renderHealthReport } from '../main/health/report/renderHealthReport';
import type { AnchorResult, AnchorStatus, HealthPlan, HealthReport, PlannedScreen } from '../shared/health/flowHealth';
import { flowVerdicts } from '../shared/health/flowVerdicts';
import type { Box } from '../shared/model/geometry';
import { serveStatic } from '../tests/fixtures/serveStatic';
import { kb, printTable } from './measure';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENS = 50;
const STEPS_PER_SCREEN = 10;
const PAGES = ['/', '/invoices', '/customers', '/settings'];
/** Most anchors of a real project are fine; the rest spread over the problems. */
const STATUSES: AnchorStatus[] = ['ok', 'ok', 'ok', 'ok', 'ok', 'moved', 'moved', 'changed', 'missing', 'ambiguous'];

/** The demo site's page as captured, and a "fresh" release where everything shifted 24 px down. */
async function shots(page: Page, url: string) {
  await page.goto(url);
  const boxes: Box[] = await page.$$eval('a, button, input, h1, h2, th', (elements) =>
    elements.map((element) => element.getBoundingClientRect()).filter((box) => box.width > 4 && box.height > 4 && box.bottom < 900).map(({ x, y, width, height }) => ({ x, y, width, height })),
  );
  const captured = await page.screenshot();
  await page.addStyleTag({ content: 'body{padding-top:24px}' });
  const fresh = await page.screenshot();
  return { boxes, captured, fresh };
}

/** The size of `stepwise check --report` for 50 screens and 500 steps (the large project), and how long it takes to make. */
export async function runHealthReportBench(): Promise<void> {
  const demo = await serveStatic(fileURLToPath(new URL('../tests/fixtures/demo-site', import.meta.url)));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pages = [];
    for (const path of PAGES) pages.push(await shots(page, `${demo.url}${path}`));
    await page.close();

    const screens: PlannedScreen[] = [];
    const anchors: AnchorResult[] = [];
    const flows: HealthPlan['flows'] = [];
    const images = new Map<string, { captured: Uint8Array; fresh: Uint8Array }>();
    for (let index = 0; index < SCREENS; index++) {
      const shot = pages[index % pages.length]!;
      const screenId = `screen-${index}`;
      const flowId = `flow-${index}`;
      images.set(screenId, shot);
      flows.push({ flowId, name: `Tour ${index + 1}` });
      const planned: PlannedScreen = { screenId, name: `Screen ${index + 1}`, source: { kind: 'url', url: `${demo.url}${PAGES[index % PAGES.length]}`, viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, fullPage: false }, image: { file: `${'a'.repeat(64)}.png`, width: 1440, height: 900 }, anchors: [] };
      for (let step = 0; step < STEPS_PER_SCREEN; step++) {
        const box = shot.boxes[(index + step * 3) % shot.boxes.length]!;
        const status = STATUSES[(index + step) % STATUSES.length]!;
        const itemId = `step-${index}-${step}`;
        const label = `Tour ${index + 1} › step ${step + 1} “A step title of ordinary length”`;
        planned.anchors.push({ flowId, itemId, label, selectors: [`[data-testid="target-${step}"]`], box });
        const found = status === 'missing' || status === 'ambiguous' ? {} : { box: { ...box, y: box.y + 24 } };
        const changed = status === 'changed' ? { foundBy: 'fingerprint' as const, score: 0.8, suggestion: { selectors: [`#new-target-${step}`, `main > section:nth-of-type(2) > button:nth-of-type(${step + 1})`] } } : { foundBy: 'selector' as const };
        anchors.push({ flowId, itemId, screenId, label, status, ...found, ...(status === 'ok' ? {} : { reason: `a reason of ordinary length for ${status}`, ...changed }) });
      }
      screens.push(planned);
    }
    const plan: HealthPlan = { screens, unchecked: [], flows };
    const report: HealthReport = {
      checkedAt: new Date().toISOString(),
      screens: screens.map((screen) => ({ screenId: screen.screenId, name: screen.name, url: screen.source.kind === 'url' ? screen.source.url : '', status: 'checked', notices: [], ms: 1200 })),
      anchors,
      unchecked: [],
      flows: flowVerdicts(plan, anchors, [], new Set()),
      ms: 40_000,
    };

    const start = performance.now();
    const html = await renderHealthReport({ report, plan, browser, projectName: 'Bench', capturedImage: (id) => images.get(id)?.captured, freshImage: (id) => images.get(id)?.fresh });
    const elapsed = performance.now() - start;
    const thumbnails = html.match(/data:image\/jpeg;base64,[A-Za-z0-9+/=]+/g) ?? [];
    const thumbnailBytes = thumbnails.reduce((sum, url) => sum + url.length, 0);
    // Opening it as a reader does: from disk, offline, until the summary and every flow are drawn.
    const folder = mkdtempSync(join(tmpdir(), 'stepwise-report-bench-'));
    const file = join(folder, 'report.html');
    writeFileSync(file, html);
    const reader = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
    const view = await reader.newPage();
    const opening = performance.now();
    await view.goto(pathToFileURL(file).href);
    await view.locator('.headline').waitFor();
    const opened = performance.now() - opening;
    const drawnFlows = await view.locator('section.flow').count();
    await reader.close();
    rmSync(folder, { recursive: true, force: true });
    printTable(`Health report (stepwise check --report), ${SCREENS} screens, ${SCREENS * STEPS_PER_SCREEN} steps of the demo site at 1440×900`, [
      { name: 'report file', value: `${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB`, budget: 'a few MB' },
      { name: `thumbnails (${thumbnails.length}), average data URL`, value: kb(thumbnailBytes / Math.max(1, thumbnails.length)) },
      { name: 'everything but thumbnails', value: kb(Buffer.byteLength(html) - thumbnailBytes) },
      { name: 'time to make it (thumbnails in Chromium)', value: `${(elapsed / 1000).toFixed(1)} s` },
      { name: `time to open it offline (${drawnFlows} flows drawn)`, value: `${opened.toFixed(0)} ms` },
    ]);
  } finally {
    await browser.close();
    await demo.close();
  }
}

// Run on its own: `npx tsx bench/healthReportBench.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runHealthReportBench();
