import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../playwright.config';
import { createProjectStore, IMAGES_DIR } from '../main/services/projectStore';
import { useDocumentStore, undo } from '../renderer/src/store/documentStore';
import { moveItem } from '../renderer/src/store/flowItems';
import { generateProject } from './generateProject';
import { ms, printTable } from './measure';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Store operations on the 10,000-step project, in Node (the store has no DOM). */
function storeFigures() {
  const project = generateProject(200, 50);
  useDocumentStore.getState().load(project);
  const flow = project.flows[100]!;
  const reorders: number[] = [];
  const undos: number[] = [];
  for (let i = 0; i < 21; i++) {
    const steps = useDocumentStore.getState().project!.flows[100]!;
    const ids = steps.kind === 'tour' ? steps.tour.steps.map((step) => step.id) : [];
    let start = performance.now();
    moveItem(flow.id, ids[40]!, ids[5]!);
    reorders.push(performance.now() - start);
    start = performance.now();
    undo();
    undos.push(performance.now() - start);
  }
  return { reorder: median(reorders), undo: median(undos) };
}

async function startWebHost(dataDir: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['dist/main/web-host.js', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Stepwise web host: (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`web host exited: ${output}`)));
  });
  return { url, stop: () => child.kill() };
}

/** Opening the project and typing in the inspector, measured in Chromium through the web host. */
async function browserFigures() {
  const dir = await mkdtemp(join(tmpdir(), 'stepwise-bench-'));
  const project = generateProject(200, 50);
  const opened = await createProjectStore({ projectsDir: dir }).create('Benchmark', project);
  await copyFile('tests/fixtures/images/mockup.png', join(opened.path, IMAGES_DIR, project.screens[0]!.image.file));
  const host = await startWebHost(dir);
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Open project…' }).click();
    const start = Date.now();
    await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: /^Benchmark/ }).click();
    await page.getByRole('list', { name: 'Flows' }).getByRole('button', { name: /^Tour 1\b/ }).waitFor();
    const openMs = Date.now() - start;

    await page.getByRole('list', { name: 'Flows' }).getByRole('button', { name: /^Tour 100\b/ }).click();
    await page.getByRole('list', { name: 'Tour 100 steps' }).getByRole('button', { name: /^3\b/ }).click();
    const title = page.getByLabel('Title', { exact: true });
    await title.click();
    await title.press('End');
    // Keydown -> the next frame painted with the new text: what the author feels per keystroke.
    await page.evaluate(() => {
      const w = window as unknown as { keyTimes: number[]; renderTimes: number[]; down: number };
      w.keyTimes = [];
      w.renderTimes = [];
      window.addEventListener('keydown', () => {
        const down = performance.now();
        w.down = down;
        requestAnimationFrame(() => setTimeout(() => w.keyTimes.push(performance.now() - down), 0));
      }, true);
      // React renders a controlled input's change synchronously inside the input event, so when the
      // event reaches the window it has re-rendered and committed (layout effects included).
      window.addEventListener('input', () => w.renderTimes.push(performance.now() - w.down));
    });
    for (const key of ' and some more words') {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await page.waitForTimeout(30);
    }
    const { keyTimes, renderTimes } = (await page.evaluate(() => {
      const w = window as unknown as { keyTimes: number[]; renderTimes: number[] };
      return { keyTimes: w.keyTimes, renderTimes: w.renderTimes };
    })) as { keyTimes: number[]; renderTimes: number[] };
    return { openMs, render: median(renderTimes), worstRender: Math.max(...renderTimes), frame: median(keyTimes), keys: renderTimes.length };
  } finally {
    await browser.close();
    host.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runEditorBench(): Promise<void> {
  const store = storeFigures();
  const browserRun = await browserFigures();
  printTable('Editor — generated project of 200 flows x 50 steps (10,000 steps)', [
    { name: 'open in the web host (click -> outline shown)', value: ms(browserRun.openMs), budget: '< 1000 ms' },
    { name: 'reorder a step (store, median of 21)', value: ms(store.reorder), budget: '< 16 ms' },
    { name: 'undo (store, median of 21)', value: ms(store.undo), budget: '< 16 ms' },
    { name: `keystroke in the inspector: re-render (median of ${browserRun.keys})`, value: ms(browserRun.render), budget: '< 16 ms' },
    { name: 'slowest keystroke re-render', value: ms(browserRun.worstRender) },
    { name: 'keystroke -> next frame painted (median)', value: ms(browserRun.frame) },
  ]);
}
