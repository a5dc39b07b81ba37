// `npx tsx bench/mappingBench.ts [runs]`: only the in-page mapping of the generated 5,000-element page
// (full page), from the sources (no build), with a digest of the map so a change that should be
// faster and nothing else can be checked for the same output. `npm run bench` prints the same figure
// through a whole capture.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { buildElementMapScript } from '../scripts/buildTimeTexts.mjs';
import { largePageHtml } from '../tests/fixtures/largePage';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = Number(process.argv[2] ?? 7);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

(globalThis as Record<string, unknown>).__STEPWISE_ELEMENT_MAP_SCRIPT__ = buildElementMapScript();
const { elementMapExpression } = await import('../main/capture/elementMapScript');

const html = largePageHtml(5_600, { columns: 3 });
const server = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const times: number[] = [];
const expression = elementMapExpression({ scale: 1, fullPage: true, maxElements: 5_000, maxHeight: 16_384 });
let count = 0;
for (let i = 0; i < runs; i++) {
  // A fresh page each run, screenshot first, as a capture does.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.screenshot({ fullPage: true });
  const map = (await page.evaluate(expression)) as { elements: unknown[]; ms: number };
  times.push(map.ms);
  count = map.elements.length;
  await context.close();
}
// Selectors by query stop when the query budget (30 ms) is spent, so how many elements get them
// depends on speed; with the page's clock stopped the budget is never spent and the map is the same
// on every run and every machine: its digest changes only when the output does.
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const page = await context.newPage();
await page.goto(url, { waitUntil: 'load' });
await page.screenshot({ fullPage: true });
const unlimited = (await page.evaluate(`(() => { performance.now = () => 0; return ${expression}; })()`)) as { ms: number };
const digest = createHash('sha256').update(JSON.stringify({ ...unlimited, ms: 0 })).digest('hex').slice(0, 16);
await context.close();
await browser.close();
server.close();
console.log(`full-page mapping, ${count} elements: median ${median(times)} ms of ${runs} [${times.join(', ')}]; map digest with unlimited query time ${digest}`);
