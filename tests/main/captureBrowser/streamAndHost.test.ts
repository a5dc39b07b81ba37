import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserFrame } from '../../../shared/model/captureBrowser';
import { startWebHost, type WebHost } from '../../../main/web/webHost';
import { centreOf, clickEvents, nextFrame, startHarness, VIEWPORT, waitForSession, type CaptureBrowserHarness } from './captureBrowserHarness';

let harness: CaptureBrowserHarness;
let host: WebHost;
let projectPath: string;
let projectId: string;

beforeAll(async () => {
  harness = await startHarness({ idleMs: 1_500 });
  const created = await harness.call('project.create', { name: 'Stream' });
  projectPath = created.path;
  projectId = created.project.id;
  const rendererDir = join(harness.projectsDir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Stepwise</title>');
  host = await startWebHost({ dispatch: harness.dispatch, rendererDir });
});
afterAll(async () => {
  await host?.close();
  await harness?.close();
});

async function open(path: string): Promise<string> {
  const { sessionId } = await harness.call('browser.open', { projectPath, projectId, url: `${harness.site.url}${path}`, viewport: VIEWPORT, useSignIn: false });
  await waitForSession(harness, sessionId, (session) => !session.loading && session.url.endsWith(path), path);
  return sessionId;
}

/** Waits until the page has sent no frame for a second (it has settled), and answers the last frame's number. */
async function quietSeq(sessionId: string): Promise<number> {
  let seq = 0;
  let lastFrameAt = Date.now();
  // An answer without a frame can also mean the session changed (a title), so count time, not answers.
  while (seq === 0 || Date.now() - lastFrameAt < 1_000) {
    const answer = await harness.call('browser.frame', { sessionId, afterSeq: seq, waitMs: 1_000 });
    if (answer.frame) lastFrameAt = Date.now();
    seq = answer.seq;
  }
  return seq;
}

describe('capture browser stream', { timeout: 60_000 }, () => {
  it('sends no frame while the page does not change, and the next frame after input shows its effect', async () => {
    const sessionId = await open('/colour');
    const seq = await quietSeq(sessionId);
    const still = await nextFrame(harness, sessionId, seq, 2_000);
    expect(still.frame === undefined, `a frame came ${still.seq - seq} frame(s) later on a still page`).toBe(true);
    expect(still.seq).toBe(seq);

    await harness.call('browser.input', { sessionId, events: clickEvents(await centreOf(harness, sessionId, '#paint')) });
    const next = await nextFrame(harness, sessionId, seq);
    const painted = await harness.captureBrowser.session(sessionId).activePage().evaluate(() => document.body.style.background);
    expect(next.seq, `no frame after the click (the page's background is "${painted}")`).toBeGreaterThan(seq);
    expect(next.frame?.dataUrl).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(next.frame).toMatchObject({ width: VIEWPORT.width, height: VIEWPORT.height });
    await harness.call('browser.close', { sessionId });
  });

  it('changes viewport and scale, and frames follow the new size', async () => {
    const sessionId = await open('/login');
    const seq = await quietSeq(sessionId);
    const session = await harness.call('browser.setViewport', { sessionId, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    expect(session).toMatchObject({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    // A frame drawn before the change may still be on its way; the ones after it have the new size.
    let frame = await nextFrame(harness, sessionId, seq);
    for (let more = 0; more < 5 && frame.frame?.width !== 390; more++) frame = await nextFrame(harness, sessionId, frame.seq);
    expect(frame.frame).toMatchObject({ width: 390, height: 844 });
    const page = harness.captureBrowser.session(sessionId).activePage();
    expect(await page.evaluate(() => [innerWidth, devicePixelRatio])).toEqual([390, 2]);
    const status = await harness.jobs.settled((await harness.call('browser.capture', { sessionId, projectPath })).jobId);
    expect(status.error).toBeUndefined();
    expect(status.screen?.image).toMatchObject({ width: 780, height: 1688 });
    expect(status.screen?.source).toMatchObject({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const full = await harness.jobs.settled((await harness.call('browser.capture', { sessionId, projectPath, fullPage: true })).jobId);
    expect(full.error).toBeUndefined();
    expect(full.screen?.image.width).toBe(780);
    expect(full.screen?.image.height).toBeGreaterThanOrEqual(1688);
    const button = status.screen!.elements.find((element) => element.name === 'Sign in');
    const expected = await page.locator('button[type=submit]').boundingBox();
    expect(button?.box).toMatchObject({ x: Math.round(expected!.x * 2), width: Math.round(expected!.width * 2) });
    await harness.call('browser.close', { sessionId });
  });

  it('goes back and forward, and reloads', async () => {
    const sessionId = await open('/login');
    await harness.call('browser.navigate', { sessionId, action: 'go', url: `${harness.site.url}/colour` });
    const there = await waitForSession(harness, sessionId, (session) => !session.loading && session.url.endsWith('/colour'), '/colour');
    expect(there).toMatchObject({ canGoBack: true, canGoForward: false });
    await harness.call('browser.navigate', { sessionId, action: 'back' });
    const back = await waitForSession(harness, sessionId, (session) => !session.loading && session.url.endsWith('/login'), 'back');
    expect(back).toMatchObject({ canGoBack: false, canGoForward: true });
    await harness.call('browser.navigate', { sessionId, action: 'forward' });
    await waitForSession(harness, sessionId, (session) => !session.loading && session.url.endsWith('/colour'), 'forward');
    await harness.call('browser.navigate', { sessionId, action: 'reload' });
    const reloaded = await waitForSession(harness, sessionId, (session) => !session.loading, 'reloaded');
    expect(reloaded.error).toBeUndefined();
    await harness.call('browser.close', { sessionId });
  });

  it('closes a session nobody uses any more', async () => {
    const { sessionId } = await harness.call('browser.open', { projectPath, projectId, url: `${harness.site.url}/login`, viewport: VIEWPORT, useSignIn: false });
    const deadline = Date.now() + 10_000;
    let response = await harness.dispatch('browser.tab', { sessionId, tabId: 'x', action: 'activate' });
    // Each call counts as use, so look only now and then.
    while (Date.now() < deadline && !(response.ok === false && response.error.code === 'notFound' && /is closed/.test(response.error.message))) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      response = await harness.dispatch('browser.tab', { sessionId, tabId: 'x', action: 'activate' });
    }
    expect(response).toMatchObject({ ok: false, error: { code: 'notFound', message: expect.stringContaining('is closed (it was idle') } });
  });

  it('the stream and input cannot be reached without the launch token or from another origin', async () => {
    const sessionId = await open('/login');
    const call = (method: string, body: unknown, headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${host.port}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const frame = { sessionId, afterSeq: 0, waitMs: 0 };
    const input = { sessionId, events: [{ type: 'insertText', text: 'hello' }] };
    for (const [method, body] of [['browser.frame', frame], ['browser.input', input], ['browser.open', { projectPath, projectId, url: harness.site.url, viewport: VIEWPORT }]] as const) {
      expect((await call(method, body, {})).status).toBe(401);
      expect((await call(method, body, { 'x-stepwise-token': 'x'.repeat(host.token.length) })).status).toBe(401);
      expect((await call(method, body, { 'x-stepwise-token': host.token, origin: 'https://evil.example' })).status).toBe(403);
    }
    const allowed = await call('browser.frame', frame, { 'x-stepwise-token': host.token });
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { value: BrowserFrame }).value.frame?.dataUrl).toMatch(/^data:image\/jpeg/);
    await harness.call('browser.close', { sessionId });
  });
});
