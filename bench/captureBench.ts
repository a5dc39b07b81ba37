import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildElementMapScript } from '../scripts/buildTimeTexts.mjs';
import { captureRequestSchema } from '../shared/model/capture';
import type { MappedElement } from '../shared/model/screen';
import { storeElementMap } from '../shared/project/storedElementMap';
import { DASHBOARD_MAP } from '../tests/fixtures/bootstrap-dashboard/dashboardMap';
import { serveDriftSite } from '../tests/fixtures/drift/driftCorpus';
import { largePageHtml } from '../tests/fixtures/largePage';
import { serveStatic } from '../tests/fixtures/serveStatic';
import { kb, ms, printTable } from './measure';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 7;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface SelectorShares {
  all: number;
  positional: number;
  /** Rows and cells of data tables (anything with a `tr` among its mapped ancestors), counted apart. */
  table: number;
  tablePositional: number;
  /** Table rows and cells found by a key in their row (`tr:has(a[href="/orders/17"]) > td:nth-of-type(3)`), which survives sorting. */
  tableKeyed: number;
}

/** The share of primary selectors without nth-of-type, overall and outside data tables; table rows and cells apart. */
function selectorShares(elements: readonly MappedElement[]): SelectorShares {
  const byId = new Map(elements.map((element) => [element.id, element]));
  const shares: SelectorShares = { all: 0, positional: 0, table: 0, tablePositional: 0, tableKeyed: 0 };
  for (const element of elements) {
    const byPosition = Number(element.selector.includes('nth-of-type'));
    shares.all++;
    shares.positional += byPosition;
    let inRow = false;
    for (let at: MappedElement | undefined = element; at && !inRow; at = at.parentId ? byId.get(at.parentId) : undefined) inRow = at.tag === 'tr';
    if (!inRow) continue;
    shares.table++;
    shares.tablePositional += byPosition;
    shares.tableKeyed += Number(/^tr:has\(/.test(element.selector) || element.selector.includes(' tr:has('));
  }
  return shares;
}

function addShares(total: SelectorShares, part: SelectorShares): void {
  for (const key of Object.keys(total) as (keyof SelectorShares)[]) total[key] += part[key];
}

const percent = (part: number, whole: number) => (whole ? `${((1 - part / whole) * 100).toFixed(1)} %` : '-');

/** One line per page: without nth-of-type overall and outside data tables, and the table rows and cells by how they are found. */
function sharesRow(name: string, shares: SelectorShares) {
  const outside = shares.all - shares.table;
  const table = shares.table ? `; table rows/cells ${shares.table}: ${shares.tablePositional} by position, ${shares.tableKeyed} by a key in their row` : '';
  return {
    name: `${name} (${shares.all} mapped${table})`,
    value: `${percent(shares.positional, shares.all)} | ${percent(shares.positional - shares.tablePositional, outside)}`,
  };
}

/** Capture figures on a generated page of 5,000 elements (in-page mapping, capture beyond page load, map size), and selector quality on the demo pages. */
export async function runCaptureBench(): Promise<void> {
  // tsx has no build-time define; the built hosts get this string from esbuild instead.
  (globalThis as Record<string, unknown>).__STEPWISE_ELEMENT_MAP_SCRIPT__ = buildElementMapScript();
  const { createCaptureJobs } = await import('../main/capture/captureJobs');
  const { createPlaywrightCapture } = await import('../main/capture/playwrightCapture');

  // About 5,000 elements once rendered, in three columns so a full-page capture holds them all.
  const html = largePageHtml(5_600, { columns: 3 });
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

  // Selectors people can read: the share of primary selectors without nth-of-type on the demo pages, per page.
  const demo = await serveStatic(fileURLToPath(new URL('../tests/fixtures/demo-site', import.meta.url)));
  const drift = await serveDriftSite({ keys: false });
  const demoPages = [
    ...['/', '/invoices', '/customers', '/settings'].map((path) => ({ name: `demo site ${path}`, url: demo.url + path, viewport: { width: 1280, height: 800 }, fullPage: true })),
    { name: 'drift dashboard (Bootstrap admin)', url: `${drift.url}/base/index.html`, viewport: { width: 1440, height: 900 }, fullPage: true },
  ];
  const shares: SelectorShares = { all: 0, positional: 0, table: 0, tablePositional: 0, tableKeyed: 0 };
  const pageRows: { name: string; value: string }[] = [];
  for (const { name, ...demoPage } of demoPages) {
    const status = await jobs.settled(jobs.start(captureRequestSchema.parse(demoPage), saveImage).jobId);
    if (status.stage !== 'done') throw new Error(`capture of ${demoPage.url} ${status.stage}: ${status.error}`);
    const pageShares = selectorShares(status.screen!.elements);
    addShares(shares, pageShares);
    pageRows.push(sharesRow(name, pageShares));
  }
  await Promise.all([demo.close(), drift.close()]);
  await playwright.close();
  server.closeAllConnections();
  server.close();

  const load = median(loads);
  const whole = median(warm.map((run) => run.ms));
  // As project.json stores the map (shared/project/storedElementMap.ts), and as the app holds it once read.
  const mapBytes = Buffer.byteLength(JSON.stringify(storeElementMap(full.elements)));
  const plainBytes = Buffer.byteLength(JSON.stringify(full.elements));
  printTable(`Capture — generated page of ${pageElements.toLocaleString('en')} elements in three columns (${viewport.width}x${viewport.height}, medians of ${RUNS})`, [
    { name: 'page load alone', value: ms(load) },
    { name: 'in-page mapping (viewport)', value: ms(median(warm.map((run) => run.mappingMs))), budget: '<= 300 ms' },
    { name: 'in-page mapping (full page, median of 3)', value: ms(median(fulls.map((run) => run.mappingMs))), budget: '<= 300 ms' },
    { name: 'whole capture, browser warm', value: ms(whole) },
    { name: 'whole capture beyond page load', value: ms(whole - load), budget: '<= 2000 ms' },
    { name: 'first capture (starts Chromium)', value: ms(cold.ms) },
    { name: 'elements mapped (viewport)', value: String(warm.at(-1)!.elements.length) },
    { name: 'elements mapped (full page)', value: String(full.elements.length), budget: '5,000' },
    { name: 'element map as stored in project.json (full page)', value: kb(mapBytes), budget: '<= 1024 kB' },
    { name: 'stored per element', value: `${Math.round(mapBytes / full.elements.length)} B` },
    { name: 'in memory once read (plain JSON), per element', value: `${Math.round(plainBytes / full.elements.length)} B` },
  ]);
  printTable('Selectors — primary without nth-of-type: all mapped elements | outside data-table rows and cells (full page)', [
    ...pageRows,
    { ...sharesRow('all five pages', shares), budget: '>= 80 % outside data tables' },
    sharesRow('bootstrap-dashboard fixture (hand-written map of the drift dashboard, for lint tests)', selectorShares(DASHBOARD_MAP)),
  ]);
}
