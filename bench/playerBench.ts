// Player figures, side by side with driver.js, shepherd.js and a hand-made tooltip (the floor), in
// Debian's chromium on one 5,000-element page: size of the tour path, and times to one finish line
// checked the same way from outside for every library (bench/finishLine.ts): start -> visible,
// next, back, the median and p90 of 50 step changes; idle main-thread time, heap, leftovers after
// stop. Every library runs without animation, through its own options.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../playwright.config';
import { largePageHtml } from '../tests/fixtures/largePage';
import { serveStatic } from '../tests/fixtures/serveStatic';
import { FINISH_LINE_CHECKER, FLOOR_TOOLTIP, SHADOW_ROOT_RECORDER } from './finishLine';
import { kb, ms, printTable } from './measure';

const require = createRequire(import.meta.url);
const read = (path: string) => readFileSync(path, 'utf8');
const gz = (text: string) => gzipSync(text, { level: 9 }).length;

const RUNS = 5;
const STEP_CHANGES = 50;

interface Library {
  name: string;
  /** Scripts and styles a page loads to play a 3-step tour (what is measured for size); none for the floor. */
  assets: { js: string; css: string };
  /** Compressed size when it is not simply the assets' (several files). */
  gzipBytes?: number;
  /** How a page loads it; defaults to a classic script and a style tag with the assets. */
  inject?: (page: Page) => Promise<void>;
  /** The tooltip, for the finish line (searched in the document and open shadow roots). */
  tooltip: string;
  /** In-page statements: start a 3-step tour on #target-1..3 (titles "Step 1".."Step 3"), move, end it. */
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
export function tourPath(): string[] {
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

/** The bench tour as Stepwise exports it (version 2: each anchor with the fingerprint capture records). */
function benchBundle(): object {
  const rows = [40, 120, 200];
  return {
    format: 'stepwise.bundle',
    version: 2,
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
          steps: rows.map((row, i) => ({
            id: `s${i + 1}`,
            type: 'tooltip',
            anchor: {
              selectors: [`#target-${i + 1}`],
              fingerprint: {
                tag: 'button',
                role: 'button',
                text: `Action ${row}`,
                attributes: { id: `target-${i + 1}`, 'data-testid': `row-${row}` },
                ancestors: [{ tag: 'section', classes: ['row'] }, { tag: 'main' }],
                index: 1,
                box: { x: 300, y: 16 + row * 35, width: 90, height: 21 },
              },
            },
            title: { en: `Step ${i + 1}` },
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
}

async function libraries(): Promise<Library[]> {
  const driverDir = require.resolve('driver.js').replace(/driver\.js\.[^/]+$/, '');
  const shepherdIife = await build({ entryPoints: [require.resolve('shepherd.js')], bundle: true, minify: true, format: 'iife', globalName: 'ShepherdModule', write: false });
  const player = tourPath();
  const steps = (each: string) => `[1, 2, 3].map((n) => (${each}))`;
  return [
    {
      name: 'hand-made tooltip (floor)',
      assets: { js: FLOOR_TOOLTIP, css: '' },
      gzipBytes: 0, // not a library: no size to compare
      tooltip: '.floor-tip',
      start: 'window.floorTour.start()',
      next: 'window.floorTour.next()',
      back: 'window.floorTour.back()',
      stop: 'window.floorTour.stop()',
    },
    {
      name: 'driver.js',
      assets: { js: read(`${driverDir}driver.js.iife.js`), css: read(`${driverDir}driver.css`) },
      tooltip: '.driver-popover',
      // animate: false turns off its fades and smooth scrolling; the overlay (its spotlight) stays on.
      start: `window.__driver = window.driver.js.driver({ animate: false, smoothScroll: false, showProgress: true, steps: ${steps('{ element: `#target-${n}`, popover: { title: `Step ${n}`, description: "Some text about this.", side: "bottom" } }')} }); window.__driver.drive();`,
      next: 'window.__driver.moveNext()',
      back: 'window.__driver.movePrevious()',
      stop: 'window.__driver.destroy()',
    },
    {
      name: 'shepherd.js',
      assets: { js: `${shepherdIife.outputFiles[0]!.text};window.Shepherd=ShepherdModule.default;`, css: read(require.resolve('shepherd.js/dist/css/shepherd.css')) },
      tooltip: '.shepherd-element',
      // Its modal overlay is its spotlight; an instant scroll is the only motion it lets you choose
      // (its stylesheet's fade has no option).
      start: `window.__tour = new window.Shepherd.Tour({ useModalOverlay: true, defaultStepOptions: { cancelIcon: { enabled: true }, scrollTo: { behavior: 'instant', block: 'center' } } }); ${steps('window.__tour.addStep({ id: `s${n}`, title: `Step ${n}`, text: "Some text about this.", attachTo: { element: `#target-${n}`, on: "bottom" }, buttons: [{ text: "Back", action: () => window.__tour.back() }, { text: "Next", action: () => window.__tour.next() }] })')}; window.__tour.start();`,
      next: 'window.__tour.next()',
      back: 'window.__tour.back()',
      stop: 'window.__tour.complete()',
    },
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
      tooltip: '.card',
      // The spotlight (backdrop) and progress are on in every step of the bundle.
      start: `window.__player = window.Stepwise.createPlayer({ bundle: ${JSON.stringify(benchBundle())}, autoStart: false, motion: 'reduce', storage: window.Stepwise.createMemoryStorage() }); window.__player.start('tour');`,
      next: 'window.__player.next()',
      back: 'window.__player.back()',
      stop: 'window.__player.destroy()',
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

/** One run's figures for one library (times in ms, heap in bytes). */
interface Run {
  start: number;
  next: number[];
  back: number[];
  idle: number;
  heap: number;
  nodesLeft: number;
  listenersLeft: number;
}

/** The step sequence: forward to the last step and back to the first, again and again. */
const moves = Array.from({ length: STEP_CHANGES }, (_, i) => (i % 4 < 2 ? 'next' : 'back'));

async function runOnce(browser: Browser, url: string, library: Library): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript(LISTENER_COUNTER);
    await page.addInitScript(SHADOW_ROOT_RECORDER);
    await page.addInitScript(FINISH_LINE_CHECKER);
    await load(page, url, library);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async (name: string) => (await cdp.send('Performance.getMetrics')).metrics.find((entry) => entry.name === name)?.value ?? 0;
    const heapNow = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return metric('JSHeapUsedSize');
    };
    const before = (await page.evaluate('[window.__nodeCount(), window.__liveListeners()]')) as [number, number];
    const heapBefore = await heapNow();
    const tooltip = JSON.stringify(library.tooltip);
    const times = (await page.evaluate(`(async () => {
      const settle = () => new Promise((done) => setTimeout(done, 60));
      const t0 = performance.now();
      ${library.start};
      const start = (await window.__visible(${tooltip}, 'target-1', 'Step 1')) - t0;
      await settle();
      const steps = [];
      let at = 1;
      for (const move of ${JSON.stringify(moves)}) {
        at += move === 'next' ? 1 : -1;
        const t = performance.now();
        if (move === 'next') { ${library.next}; } else { ${library.back}; }
        steps.push((await window.__visible(${tooltip}, 'target-' + at, 'Step ' + at)) - t);
        await settle();
      }
      return { start, steps };
    })()`)) as { start: number; steps: number[] };
    const heap = (await heapNow()) - heapBefore;

    // Main-thread time per second while the step just sits open (after any scrolling has settled).
    await page.waitForTimeout(500);
    const taskStart = await metric('TaskDuration');
    await page.waitForTimeout(2_000);
    const idle = (((await metric('TaskDuration')) - taskStart) * 1000) / 2;

    await page.evaluate(library.stop);
    await page.waitForTimeout(400);
    const stopped = (await page.evaluate('[window.__nodeCount(), window.__liveListeners()]')) as [number, number];
    return {
      start: times.start,
      next: times.steps.filter((_, i) => moves[i] === 'next'),
      back: times.steps.filter((_, i) => moves[i] === 'back'),
      idle,
      heap,
      nodesLeft: stopped[0] - before[0],
      listenersLeft: stopped[1] - before[1],
    };
  } finally {
    await page.close();
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const median = (values: number[]) => quantile(values, 0.5);

interface Row {
  size: number;
  start: number;
  next: number;
  back: number;
  stepMedian: number;
  stepP90: number;
  idle: number;
  heap: number;
  leftovers: string;
}

export async function runPlayerBench(): Promise<void> {
  const libs = await libraries();
  const site = await serveStatic('player/dist', { '/large.html': () => largePageHtml(5_000) });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const url = `${site.url}/large.html`;
  site.server.prependListener('request', (request) => {
    request.url = request.url?.replace(/^\/player\//, '/'); // /player/* is player/dist/*
  });
  const runs = new Map<string, Run[]>(libs.map((library) => [library.name, []]));
  try {
    // Fresh pages, the libraries taking turns so that background noise falls on all of them alike.
    for (let run = 0; run < RUNS; run++) for (const library of libs) runs.get(library.name)!.push(await runOnce(browser, url, library));
  } finally {
    await browser.close();
    await site.close();
  }

  // Each figure is the median over the runs of that run's figure.
  const rows = new Map<string, Row>();
  for (const library of libs) {
    const all = runs.get(library.name)!;
    const last = all[all.length - 1]!;
    rows.set(library.name, {
      size: library.gzipBytes ?? gz(library.assets.js) + (library.assets.css ? gz(library.assets.css) : 0),
      start: median(all.map((run) => run.start)),
      next: median(all.map((run) => median(run.next))),
      back: median(all.map((run) => median(run.back))),
      stepMedian: median(all.map((run) => median([...run.next, ...run.back]))),
      stepP90: median(all.map((run) => quantile([...run.next, ...run.back], 0.9))),
      idle: median(all.map((run) => run.idle)),
      heap: median(all.map((run) => run.heap)),
      leftovers: `${last.nodesLeft} nodes, ${last.listenersLeft} listeners`,
    });
  }

  const driver = rows.get('driver.js')!;
  const ratio = (value: number, base: number) => `${(value / base).toFixed(2)} x`;
  const header = ['library', 'tour path (gzip)', 'start -> visible', 'next', 'back', 'step median', 'step p90', 'idle CPU', 'heap', 'left after stop'];
  const table = [...rows].map(([name, row]) => [
    name,
    row.size ? `${row.size} B` : '-',
    ms(row.start),
    ms(row.next),
    ms(row.back),
    ms(row.stepMedian),
    ms(row.stepP90),
    `${row.idle.toFixed(1)} ms/s`,
    kb(row.heap),
    row.leftovers,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => cells[column]!.length)));
  console.log(`\nPlayer bench: one finish line for all (tooltip visible, inside the viewport, within 80 px of its target in view), 5,000-element page, no animation; medians of ${RUNS} runs, ${STEP_CHANGES} step changes a run`);
  for (const cells of [header, ...table]) console.log(`  ${cells.map((cell, column) => (column ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ')}`);
  console.log('\n  ratio to driver.js');
  for (const [name, row] of rows) {
    if (name === 'driver.js') continue;
    console.log(`  ${name.padEnd(widths[0]!)}  start ${ratio(row.start, driver.start)}, next ${ratio(row.next, driver.next)}, back ${ratio(row.back, driver.back)}, step median ${ratio(row.stepMedian, driver.stepMedian)}, p90 ${ratio(row.stepP90, driver.stepP90)}${row.size ? `, size ${ratio(row.size, driver.size)}` : ''}`);
  }

  const ours = rows.get('@stepwise/player')!;
  printTable('Player budgets', [
    { name: 'tour path size vs driver.js', value: `${((100 * ours.size) / driver.size).toFixed(1)} % (${ours.size} B vs ${driver.size} B)`, budget: '< 100 %' },
    { name: 'all four kinds, IIFE (min+gzip)', value: kb(gz(read('player/dist/stepwise-player.iife.js'))) },
    { name: 'start -> visible vs driver.js', value: ratio(ours.start, driver.start), budget: '<= 1.00 x' },
    { name: 'next vs driver.js', value: ratio(ours.next, driver.next), budget: '<= 1.00 x' },
    { name: 'back vs driver.js', value: ratio(ours.back, driver.back), budget: '<= 1.00 x' },
    { name: 'step median vs driver.js', value: ratio(ours.stepMedian, driver.stepMedian), budget: '<= 1.00 x' },
    { name: 'idle main-thread time', value: `${ours.idle.toFixed(1)} ms/s`, budget: '< 2 ms/s' },
    { name: 'left after destroy', value: ours.leftovers, budget: '0 nodes, 0 listeners' },
  ]);
}

// `tsx bench/playerBench.ts` runs this bench alone.
if (process.argv[1]?.endsWith('/playerBench.ts')) await runPlayerBench();
