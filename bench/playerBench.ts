// Player figures, side by side with driver.js and shepherd.js in Debian's chromium:
// size, start() -> first step visible on a 5,000-element page, leaks after 50 transitions,
// and main-thread time while a step just sits open.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../playwright.config';
import { largePageHtml } from '../tests/fixtures/largePage';
import { serveStatic } from '../tests/fixtures/serveStatic';
import { kb, ms, printTable } from './measure';

const require = createRequire(import.meta.url);
const read = (path: string) => readFileSync(path, 'utf8');
const gz = (text: string) => gzipSync(text, { level: 9 }).length;

interface Library {
  name: string;
  /** Scripts and styles a page loads to play a 3-step tour (what is measured for size). */
  assets: { js: string; css: string };
  /** Compressed size when it is not simply the assets' (several files). */
  gzipBytes?: number;
  /** How a page loads it; defaults to a classic script and a style tag with the assets. */
  inject?: (page: Page) => Promise<void>;
  /** In-page code: start a 3-step tour on #target-1..3, resolve when the first step is on screen. */
  start: string;
  next: string;
  back: string;
  stop: string;
}

/**
 * What a page downloads to play a tour with the ESM build: the entry and every chunk it imports
 * statically (code shared with the lazy chunks is split out of the entry), never the lazy chunks
 * (other kinds, the fingerprint page search). The CSS is inside the JS.
 */
function tourPath(): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = read(`player/dist/${file}`);
    files.push(code);
    const imports = [...code.matchAll(/(?:^|[;}])\s*import\s*(?:\{[^}]*\}\s*from\s*|[\w$*\s{},]+from\s*)?["']\.\/([^"']+)["']/g)].map((match) => match[1]!);
    const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const path of imports) visit(base + path);
  };
  visit('stepwise-player.js');
  return files;
}

async function libraries(): Promise<Library[]> {
  const driverDir = require.resolve('driver.js').replace(/driver\.js\.[^/]+$/, '');
  const shepherdIife = await build({ entryPoints: [require.resolve('shepherd.js')], bundle: true, minify: true, format: 'iife', globalName: 'ShepherdModule', write: false });
  const player = tourPath();
  const bundle = {
    format: 'stepwise.bundle',
    version: 1,
    project: { id: 'bench', name: 'Bench' },
    theme: { brandColor: '#4f46e5', textColor: '#1f2937', backgroundColor: '#ffffff', fontFamily: 'system-ui', radius: 8, shadow: 'soft' },
    locales: { defaultLocale: 'en', available: ['en'] },
    flows: [
      {
        id: 'tour',
        name: 'Tour',
        kind: 'tour',
        trigger: { kind: 'manual' },
        targeting: { urls: [], users: [] },
        frequency: 'everySession',
        status: 'ready',
        tour: {
          steps: [1, 2, 3].map((n) => ({
            id: `s${n}`,
            type: 'tooltip',
            anchor: { selectors: [`#target-${n}`] },
            title: { en: `Step ${n}` },
            body: { en: 'Some text about this.' },
            buttons: [
              { action: 'back', label: { en: 'Back' } },
              { action: 'next', label: { en: 'Next' } },
            ],
            placement: 'bottom',
            alignment: 'center',
            backdrop: true,
            spotlightPadding: 8,
            advanceOn: { kind: 'next' },
            showProgress: true,
            closable: true,
            missingTarget: { waitMs: 0, then: 'center' },
          })),
        },
      },
    ],
  };
  const steps = (prefix: string) => `[1,2,3].map((n) => (${prefix}))`;
  // Resolves once the library's popover is in the page and placed next to #target-1 (positioning
  // may finish after the element is inserted, as with Floating UI's async computePosition).
  const whenPlaced = (selector: string) =>
    `new Promise((done) => { const check = () => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) return false; const a = el.getBoundingClientRect(), b = document.getElementById('target-1').getBoundingClientRect(); const gap = Math.hypot(Math.max(0, Math.max(a.left, b.left) - Math.min(a.right, b.right)), Math.max(0, Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom))); return a.width > 0 && gap < 40; }; const observer = new MutationObserver(() => { if (check()) { observer.disconnect(); done(); } }); observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true }); })`;
  return [
    {
      name: '@stepwise/player',
      assets: { js: player.join('\n'), css: '' },
      // Each file is downloaded (and compressed) on its own.
      gzipBytes: player.reduce((sum, file) => sum + gz(file), 0),
      // The ESM build, as a bundler-using app loads it: the other flow kinds stay in lazy chunks.
      inject: async (page) => {
        await page.addScriptTag({ type: 'module', content: "import * as Stepwise from '/player/stepwise-player.js'; window.Stepwise = Stepwise;" });
        await page.waitForFunction(() => 'Stepwise' in window);
      },
      // step_viewed is reported once the card is placed at its target.
      start: `new Promise((done) => { const p = window.__player = window.Stepwise.createPlayer({ bundle: ${JSON.stringify(bundle)}, autoStart: false }); p.on('step_viewed', () => done()); p.start('tour'); })`,
      next: 'window.__player.next()',
      back: 'window.__player.back()',
      stop: 'window.__player.destroy()',
    },
    {
      name: 'driver.js',
      assets: { js: read(`${driverDir}driver.js.iife.js`), css: read(`${driverDir}driver.css`) },
      start: `(() => { const placed = ${whenPlaced('.driver-popover')}; const d = window.__driver = window.driver.js.driver({ showProgress: true, steps: ${steps('{ element: `#target-${n}`, popover: { title: `Step ${n}`, description: "Some text about this.", side: "bottom" } }')} }); d.drive(); return placed; })()`,
      next: 'window.__driver.moveNext()',
      back: 'window.__driver.movePrevious()',
      stop: 'window.__driver.destroy()',
    },
    {
      name: 'shepherd.js',
      assets: { js: `${shepherdIife.outputFiles[0]!.text};window.Shepherd=ShepherdModule.default;`, css: read(require.resolve('shepherd.js/dist/css/shepherd.css')) },
      start: `(() => { const placed = ${whenPlaced('.shepherd-element')}; const t = window.__tour = new window.Shepherd.Tour({ useModalOverlay: true, defaultStepOptions: { cancelIcon: { enabled: true }, scrollTo: true } }); ${steps('t.addStep({ id: `s${n}`, title: `Step ${n}`, text: "Some text about this.", attachTo: { element: `#target-${n}`, on: "bottom" }, buttons: [{ text: "Back", action: () => t.back() }, { text: "Next", action: () => t.next() }] })')}; t.start(); return placed; })()`,
      next: 'window.__tour.next()',
      back: 'window.__tour.back()',
      stop: 'window.__tour.complete()',
    },
  ];
}

/**
 * Counts event listeners still attached to window, document or a node in the page (listeners on
 * removed nodes go away with them), by wrapping add/removeEventListener before any script runs.
 */
const LISTENER_COUNTER = `(() => {
  const live = new Map(); const ids = new WeakMap(); let next = 1;
  const id = (o) => { if (!ids.has(o)) ids.set(o, next++); return ids.get(o); };
  const key = (t, type, fn, o) => [id(t), type, id(fn), !!(o && (o === true || o.capture))].join('|');
  const add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, o) { if (fn) live.set(key(this, type, fn, o), new WeakRef(this)); return add.call(this, type, fn, o); };
  EventTarget.prototype.removeEventListener = function (type, fn, o) { if (fn) live.delete(key(this, type, fn, o)); return remove.call(this, type, fn, o); };
  window.__liveListeners = () => [...live.values()].filter((ref) => { const t = ref.deref(); return t && (t === window || t === document || t.isConnected); }).length;
  window.__nodeCount = () => { let n = 0; const walk = (root) => { for (const el of root.querySelectorAll('*')) { n++; if (el.shadowRoot) walk(el.shadowRoot); } }; walk(document); return n; };
})();`;

async function load(page: Page, url: string, library: Library): Promise<void> {
  await page.goto(url);
  if (library.inject) return library.inject(page);
  if (library.assets.css) await page.addStyleTag({ content: library.assets.css });
  await page.addScriptTag({ content: library.assets.js });
}

export async function runPlayerBench(): Promise<void> {
  const libs = await libraries();
  const site = await serveStatic('player/dist', { '/large.html': () => largePageHtml(5_000) });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const url = `${site.url}/large.html`;
  site.server.prependListener('request', (request) => {
    request.url = request.url?.replace(/^\/player\//, '/'); // /player/* is player/dist/*
  });
  const rows: Record<string, { size: number; start: number; nodes: number; listeners: number; nodesAfterStop: number; listenersAfterStop: number; idle: number }> = {};
  try {
    // start() -> first step visible: fresh page loads, the libraries taking turns so that
    // background noise on the machine falls on all of them alike.
    const starts = new Map<string, number[]>(libs.map((library) => [library.name, []]));
    for (let run = 0; run < 15; run++) {
      for (const library of libs) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await load(page, url, library);
        starts.get(library.name)!.push(await page.evaluate(`(async () => { const t0 = performance.now(); await ${library.start}; return performance.now() - t0; })()`));
        await page.close();
      }
    }
    for (const library of libs) {
      const size = library.gzipBytes ?? gz(library.assets.js) + (library.assets.css ? gz(library.assets.css) : 0);
      const times = starts.get(library.name)!.sort((a, b) => a - b);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript(LISTENER_COUNTER);
      await load(page, url, library);
      const before = (await page.evaluate('[window.__nodeCount(), window.__liveListeners()]')) as [number, number];
      await page.evaluate(`(async () => { await ${library.start}; })()`);
      await page.waitForTimeout(100);
      const opened = (await page.evaluate('[window.__nodeCount(), window.__liveListeners()]')) as [number, number];
      for (let i = 0; i < 25; i++) {
        await page.evaluate(library.next);
        await page.waitForTimeout(10);
        await page.evaluate(library.back);
        await page.waitForTimeout(10);
      }
      await page.waitForTimeout(300);
      const after = (await page.evaluate('[window.__nodeCount(), window.__liveListeners()]')) as [number, number];

      // Main-thread time while the step just sits open for 2 s (after scrolling has settled).
      await page.waitForTimeout(1_000);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const taskTime = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
      const idleStart = await taskTime();
      await page.waitForTimeout(2_000);
      const idle = (await taskTime()) - idleStart;

      await page.evaluate(library.stop);
      await page.waitForTimeout(400);
      const stopped = (await page.evaluate('[window.__nodeCount(), window.__liveListeners()]')) as [number, number];
      await page.close();
      rows[library.name] = {
        size,
        start: times[Math.floor(times.length / 2)]!,
        nodes: after[0] - opened[0],
        listeners: after[1] - opened[1],
        nodesAfterStop: stopped[0] - before[0],
        listenersAfterStop: stopped[1] - before[1],
        idle,
      };
    }
  } finally {
    await browser.close();
    await site.close();
  }

  const ours = rows['@stepwise/player']!;
  const driver = rows['driver.js']!;
  const shepherd = rows['shepherd.js']!;
  const full = read('player/dist/stepwise-player.iife.js');
  const fasterRival = Math.min(driver.start, shepherd.start);
  for (const [name, row] of Object.entries(rows)) {
    printTable(`${name}`, [
      { name: 'JS + CSS for a 3-step tour (min+gzip)', value: kb(row.size) },
      { name: 'start() -> first step placed (median of 15)', value: ms(row.start) },
      { name: 'DOM nodes left by 50 next/back', value: String(row.nodes) },
      { name: 'listeners left by 50 next/back', value: String(row.listeners) },
      { name: 'DOM nodes left after stop/destroy', value: String(row.nodesAfterStop) },
      { name: 'listeners left after stop/destroy', value: String(row.listenersAfterStop) },
      { name: 'main-thread time, step open 2 s', value: ms(row.idle) },
    ]);
  }
  printTable('Player budgets', [
    { name: 'tour size vs driver.js', value: `${((100 * ours.size) / driver.size).toFixed(1)} % (${ours.size} B vs ${driver.size} B)`, budget: '< 100 %' },
    { name: 'tour size vs shepherd.js', value: `${((100 * ours.size) / shepherd.size).toFixed(0)} %` },
    { name: 'all four kinds, IIFE (min+gzip)', value: kb(gz(full)) },
    { name: 'start -> visible vs faster rival', value: `${(ours.start / fasterRival).toFixed(2)} x`, budget: '<= 1.00 x' },
    { name: 'leaks after 50 transitions', value: `${ours.nodes} nodes, ${ours.listeners} listeners`, budget: '0, 0' },
    { name: 'idle main-thread time (2 s)', value: ms(ours.idle), budget: 'almost none' },
  ]);
}
