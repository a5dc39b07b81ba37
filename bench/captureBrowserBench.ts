import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildElementMapScript, buildRecorderScript } from '../scripts/buildTimeTexts.mjs';
import type { BrowserFrame } from '../shared/model/captureBrowser';
import { nextFrame, startHarness, type CaptureBrowserHarness } from '../tests/main/captureBrowser/captureBrowserHarness';
import { ms, printTable } from './measure';

const CLICKS = 30;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A button that flips the page's colour on each press; a page that animates until told to stop. */
const PAGES: Record<string, string> = {
  '/toggle': `<!doctype html><title>Toggle</title><body style="margin:0;background:rgb(0,0,255)">
<button id="flip" style="width:200px;height:80px" onmousedown="document.body.style.background = document.body.style.background === 'rgb(255, 0, 0)' ? 'rgb(0, 0, 255)' : 'rgb(255, 0, 0)'">Flip</button></body>`,
  '/animate': `<!doctype html><title>Animate</title><body style="margin:0">
<div id="box" style="position:absolute;top:100px;width:300px;height:300px;background:teal"></div>
<script>let x = 0; const box = document.getElementById('box'); (function move() { x = (x + 7) % 1100; box.style.left = x + 'px'; box.style.background = 'hsl(' + (x % 360) + ',70%,50%)'; requestAnimationFrame(move); })();</script></body>`,
};

async function servePages(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const page = PAGES[new URL(request.url ?? '/', 'http://x').pathname];
    response.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html' }).end(page ?? 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function openSession(harness: CaptureBrowserHarness, projectPath: string, projectId: string, url: string, viewport: { width: number; height: number }): Promise<string> {
  const { sessionId } = await harness.call('browser.open', { projectPath, projectId, url, viewport, useSignIn: false });
  await harness.captureBrowser.session(sessionId).idle();
  return sessionId;
}

/** Waits until a second passes with no frame; answers the last frame's number. */
async function quiet(harness: CaptureBrowserHarness, sessionId: string): Promise<number> {
  let seq = 0;
  let lastFrameAt = performance.now();
  while (seq === 0 || performance.now() - lastFrameAt < 1_000) {
    const answer: BrowserFrame = await harness.call('browser.frame', { sessionId, afterSeq: seq, waitMs: 1_000 });
    if (answer.frame) lastFrameAt = performance.now();
    seq = answer.seq;
  }
  return seq;
}

export async function runCaptureBrowserBench(): Promise<void> {
  // tsx has no build-time define: the in-page scripts come in as globals.
  (globalThis as Record<string, unknown>).__STEPWISE_ELEMENT_MAP_SCRIPT__ = buildElementMapScript();
  (globalThis as Record<string, unknown>).__STEPWISE_RECORDER_SCRIPT__ = buildRecorderScript();
  const harness = await startHarness();
  const pages = await servePages();
  try {
    const { path: projectPath, project } = await harness.call('project.create', { name: 'Bench' });

    // Input to the frame that shows it: the page is still before each press, so the first frame after it is the change.
    const toggle = await openSession(harness, projectPath, project.id, `${pages.url}/toggle`, { width: 1280, height: 800 });
    const latencies: number[] = [];
    let seq = await quiet(harness, toggle);
    for (let i = 0; i < CLICKS; i++) {
      const start = performance.now();
      await harness.call('browser.input', { sessionId: toggle, events: [{ type: 'mousePressed', x: 100, y: 40, button: 'left', clickCount: 1 }] });
      const answer = await nextFrame(harness, toggle, seq);
      if (!answer.frame) throw new Error(`press ${i + 1}: no frame within 5 s`);
      latencies.push(performance.now() - start);
      await harness.call('browser.input', { sessionId: toggle, events: [{ type: 'mouseReleased', x: 100, y: 40, button: 'left', clickCount: 1 }] });
      seq = await quiet(harness, toggle);
    }

    // A still page: frames sent in 2 s.
    const stillFrom = seq;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const still = (await harness.call('browser.frame', { sessionId: toggle, afterSeq: stillFrom, waitMs: 0 })).seq - stillFrom;
    await harness.call('browser.close', { sessionId: toggle });

    // An animating page at 1440x900: frames a client polling one at a time receives in 3 s.
    const animate = await openSession(harness, projectPath, project.id, `${pages.url}/animate`, { width: 1440, height: 900 });
    let received = 0;
    let animSeq = (await harness.call('browser.frame', { sessionId: animate, afterSeq: 0, waitMs: 1_000 })).seq;
    const produced = animSeq;
    const from = performance.now();
    let bytes = 0;
    while (performance.now() - from < 3_000) {
      const answer = await harness.call('browser.frame', { sessionId: animate, afterSeq: animSeq, waitMs: 1_000 });
      if (answer.frame) {
        received++;
        bytes += answer.frame.dataUrl.length;
      }
      animSeq = answer.seq;
    }
    const seconds = (performance.now() - from) / 1000;
    await harness.call('browser.close', { sessionId: animate });

    printTable(`Capture browser — CDP screencast through the builder API (JPEG quality 70)`, [
      { name: `input to the frame showing it (median of ${CLICKS})`, value: ms(median(latencies)), budget: '<= 100 ms' },
      { name: 'input to frame, slowest', value: ms(Math.max(...latencies)) },
      { name: 'frames received while animating, 1440x900', value: `${(received / seconds).toFixed(1)} /s`, budget: '>= 10 /s' },
      { name: 'frames produced while animating, 1440x900', value: `${((animSeq - produced) / seconds).toFixed(1)} /s` },
      { name: 'average frame size (base64)', value: `${(bytes / Math.max(1, received) / 1024).toFixed(1)} kB` },
      { name: 'frames sent during 2 s of a still page', value: String(still), budget: '0' },
    ]);
  } finally {
    await pages.close();
    await harness.close();
  }
}
