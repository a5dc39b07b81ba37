import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildElementMapScript } from '../scripts/buildTimeTexts.mjs';
import { captureRequestSchema } from '../shared/model/capture';
import { serveDriftSite } from '../tests/fixtures/drift/driftCorpus';
import { largePageHtml } from '../tests/fixtures/largePage';
import { serveStatic } from '../tests/fixtures/serveStatic';
import { kb, ms, printTable } from './measure';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 7;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Capture figures on a generated page of 5,000 elements (in-page mapping, capture beyond page load, map size), and selector quality on the demo pages. */
export async function runCaptureBench(): Promise<void> {
  // tsx has no build-time define; the built hosts get this string from esbuild instead.
  (globalThis as Record<string, unknown>).__STEPWISE_ELEMENT_MAP_SCRIPT__ = buildElementMapScript();
  const { createCaptureJobs } = await import('../main/capture/captureJobs');
  const { createPlaywrightCapture } = await import('../main/capture/playwrightCapture');

  const html = largePageHtml(5_600); // about 5,000 elements once rendered
  const server = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const viewport = { width: 1440, height: 900 };

  // Page load alone, in the same kind of fresh context a capture uses.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const loads: number[] = [];
  let pageElements = 0;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    loads.push(performance.now() - start);
    pageElements = (await page.evaluate('document.querySelectorAll("*").length')) as number;
    await context.close();
  }
  await browser.close();

  const playwright = createPlaywrightCapture({ executablePath: CHROMIUM });
  const jobs = createCaptureJobs(playwright.openPage);
  const saveImage = async (_bytes: Uint8Array, image: { width: number; height: number }) => ({ file: `${'0'.repeat(64)}.png`, width: image.width, height: image.height });
  const captureOnce = async (fullPage: boolean) => {
    const start = performance.now();
    const status = await jobs.settled(jobs.start(captureRequestSchema.parse({ url, viewport, fullPage }), saveImage).jobId);
    if (status.stage !== 'done') throw new Error(`capture ${status.stage}: ${status.error}`);
    return { ms: performance.now() - start, mappingMs: status.mappingMs ?? NaN, elements: status.screen!.elements };
  };
  const cold = await captureOnce(false);
  const warm: Awaited<ReturnType<typeof captureOnce>>[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await captureOnce(false));
  // Full-page captures weigh most; a few of them, so one busy moment does not make the figure.
  const fulls: Awaited<ReturnType<typeof captureOnce>>[] = [];
  for (let i = 0; i < 3; i++) fulls.push(await captureOnce(true));
  const full = fulls.at(-1)!;

  // Selectors people can read: the share of primary selectors without nth-of-type on the demo pages.
  const demo = await serveStatic(fileURLToPath(new URL('../tests/fixtures/demo-site', import.meta.url)));
  const drift = await serveDriftSite({ keys: false });
  const demoPages = [
    ...['/', '/invoices', '/customers', '/settings'].map((path) => ({ url: demo.url + path, viewport: { width: 1280, height: 800 }, fullPage: true })),
    { url: `${drift.url}/base/index.html`, viewport: { width: 1440, height: 900 }, fullPage: true },
  ];
  const shares = { all: 0, positional: 0, outsideRows: 0, outsideRowsPositional: 0 };
  for (const demoPage of demoPages) {
    const status = await jobs.settled(jobs.start(captureRequestSchema.parse(demoPage), saveImage).jobId);
    if (status.stage !== 'done') throw new Error(`capture of ${demoPage.url} ${status.stage}: ${status.error}`);
    const elements = status.screen!.elements;
    const byId = new Map(elements.map((element) => [element.id, element]));
    for (const element of elements) {
      const byPosition = Number(element.selector.includes('nth-of-type'));
      shares.all++;
      shares.positional += byPosition;
      let inRow = false;
      for (let at: typeof element | undefined = element; at && !inRow; at = at.parentId ? byId.get(at.parentId) : undefined) inRow = at.tag === 'tr';
      if (inRow) continue;
      shares.outsideRows++;
      shares.outsideRowsPositional += byPosition;
    }
  }
  await Promise.all([demo.close(), drift.close()]);
  await playwright.close();
  server.closeAllConnections();
  server.close();

  const load = median(loads);
  const whole = median(warm.map((run) => run.ms));
  const mapBytes = Buffer.byteLength(JSON.stringify(full.elements));
  printTable(`Capture — generated page of ${pageElements.toLocaleString('en')} elements (${viewport.width}x${viewport.height}, medians of ${RUNS})`, [
    { name: 'page load alone', value: ms(load) },
    { name: 'in-page mapping (viewport)', value: ms(median(warm.map((run) => run.mappingMs))), budget: '<= 300 ms' },
    { name: 'in-page mapping (full page, median of 3)', value: ms(median(fulls.map((run) => run.mappingMs))), budget: '<= 300 ms' },
    { name: 'whole capture, browser warm', value: ms(whole) },
    { name: 'whole capture beyond page load', value: ms(whole - load), budget: '<= 2000 ms' },
    { name: 'first capture (starts Chromium)', value: ms(cold.ms) },
    { name: 'elements mapped (full page)', value: String(full.elements.length) },
    { name: 'element map JSON (full page)', value: kb(mapBytes), budget: '<= 1024 kB' },
    { name: 'element map JSON per element', value: `${Math.round(mapBytes / full.elements.length)} B` },
  ]);
  const percent = (part: number, whole: number) => `${((1 - part / whole) * 100).toFixed(1)} %`;
  printTable(`Selectors — demo site (4 pages) and the drift dashboard, full page, ${shares.all} mapped elements`, [
    { name: `primary without nth-of-type, outside data-table rows (${shares.outsideRows})`, value: percent(shares.outsideRowsPositional, shares.outsideRows), budget: '>= 80 %' },
    { name: 'primary without nth-of-type, all elements', value: percent(shares.positional, shares.all) },
  ]);
}
