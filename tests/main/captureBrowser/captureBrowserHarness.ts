import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserFrame, BrowserInputEventInput, BrowserSession } from '../../../shared/model/captureBrowser';
import type { CaptureStatus } from '../../../shared/model/capture';
import type { BuilderMethod, BuilderOutput } from '../../../shared/api/contract';
import { createCaptureBrowser, type CaptureBrowser } from '../../../main/capture/browser/captureBrowser';
import { createSignInStore, type SignInStore } from '../../../main/capture/browser/signInStore';
import { createCaptureJobs, type CaptureJobs } from '../../../main/capture/captureJobs';
import { createPlaywrightCapture, type PlaywrightCapture } from '../../../main/capture/playwrightCapture';
import { createDispatcher, type Dispatch } from '../../../main/services/apiDispatcher';
import { createBuilderHandlers, type BuilderHandlers } from '../../../main/services/builderHandlers';
import { confinedTo } from '../../../main/services/pathPolicy';
import { startLoginSite, type LoginSite } from '../../fixtures/loginSite/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1280, height: 800 };

/**
 * The web host's builder API with a real capture browser (system Chromium), a login fixture site,
 * a projects folder and an app-data folder apart from it, and helpers that act as the capture view does.
 */
export interface CaptureBrowserHarness {
  site: LoginSite;
  projectsDir: string;
  appDataDir: string;
  handlers: BuilderHandlers;
  dispatch: Dispatch;
  captureBrowser: CaptureBrowser;
  jobs: CaptureJobs;
  signIn: SignInStore;
  call<M extends BuilderMethod>(method: M, input: unknown): Promise<BuilderOutput<M>>;
  close(): Promise<void>;
}

export async function startHarness(options: { navigationTimeoutMs?: number; stepTimeoutMs?: number; idleMs?: number } = {}): Promise<CaptureBrowserHarness> {
  const projectsDir = await mkdtemp(join(tmpdir(), 'stepwise-projects-'));
  const appDataDir = await mkdtemp(join(tmpdir(), 'stepwise-appdata-'));
  const site = await startLoginSite();
  const playwright: PlaywrightCapture = createPlaywrightCapture({ executablePath: CHROMIUM });
  const jobs = createCaptureJobs(playwright.openPage);
  const signIn = createSignInStore(appDataDir);
  const captureBrowser = createCaptureBrowser({ browser: playwright.browser, jobs, signIn, ...options });
  const handlers = createBuilderHandlers({
    host: 'web',
    version: 'test',
    projectsDir,
    stateDir: join(projectsDir, '.stepwise-state'),
    paths: confinedTo(projectsDir),
    capture: jobs,
    captureBrowser,
    signIn: { status: signIn.status, forget: captureBrowser.forgetSignIn },
  });
  const dispatch = createDispatcher(handlers, () => undefined);
  return {
    site,
    projectsDir,
    appDataDir,
    handlers,
    dispatch,
    captureBrowser,
    jobs,
    signIn,
    async call(method, input) {
      const response = await dispatch(method, input);
      if (!response.ok) throw new Error(`${method}: ${response.error.code}: ${response.error.message}`);
      return response.value as never;
    },
    async close() {
      await captureBrowser.closeAll();
      await Promise.all([playwright.close(), site.close()]);
      await rm(projectsDir, { recursive: true, force: true });
      await rm(appDataDir, { recursive: true, force: true });
    },
  };
}

/** Long-polls browser.frame (as the capture view does) until the session is in the wanted state. */
export async function waitForSession(harness: CaptureBrowserHarness, sessionId: string, wanted: (session: BrowserSession) => boolean, what: string, timeoutMs = 20_000): Promise<BrowserSession> {
  const deadline = Date.now() + timeoutMs;
  let afterSeq = 0;
  let last: BrowserSession | undefined;
  while (Date.now() < deadline) {
    const answer: BrowserFrame = await harness.call('browser.frame', { sessionId, afterSeq, waitMs: 1_000 });
    afterSeq = answer.seq;
    last = answer.session;
    if (wanted(last)) return last;
  }
  throw new Error(`The session never got to: ${what}. Last: ${JSON.stringify(last && { url: last.url, loading: last.loading, error: last.error, notices: last.notices })}`);
}

/** Where an element is in the live page, in CSS pixels of the viewport (what the author sees in the frame). */
export async function centreOf(harness: CaptureBrowserHarness, sessionId: string, selector: string): Promise<{ x: number; y: number }> {
  const page = harness.captureBrowser.session(sessionId).activePage();
  await page.locator(selector).first().waitFor({ state: 'visible' });
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export function clickEvents(at: { x: number; y: number }): BrowserInputEventInput[] {
  return [
    { type: 'mouseMoved', ...at },
    { type: 'mousePressed', ...at, button: 'left', clickCount: 1 },
    { type: 'mouseReleased', ...at, button: 'left', clickCount: 1 },
  ];
}

/** Key events for typing text, one key at a time, as the capture view sends them. */
export function typingEvents(text: string): BrowserInputEventInput[] {
  return [...text].flatMap((character): BrowserInputEventInput[] => {
    const code = /[a-z]/i.test(character) ? `Key${character.toUpperCase()}` : /[0-9]/.test(character) ? `Digit${character}` : '';
    return [
      { type: 'keyDown', key: character, code, text: character },
      { type: 'keyUp', key: character, code },
    ];
  });
}

export function keyPress(key: string): BrowserInputEventInput[] {
  return [
    { type: 'keyDown', key, code: key },
    { type: 'keyUp', key, code: key },
  ];
}

export async function settledCapture(harness: CaptureBrowserHarness, status: CaptureStatus): Promise<CaptureStatus> {
  return harness.jobs.settled(status.jobId);
}

/**
 * The next frame after `afterSeq`, polling as the capture view does: browser.frame also answers
 * early, without a frame, when the session changes (a click recorded, a title), so one answer is not enough.
 */
export async function nextFrame(harness: CaptureBrowserHarness, sessionId: string, afterSeq: number, timeoutMs = 5_000): Promise<BrowserFrame> {
  const from = Date.now();
  let answer: BrowserFrame = await harness.call('browser.frame', { sessionId, afterSeq, waitMs: timeoutMs });
  while (!answer.frame && Date.now() - from < timeoutMs) {
    answer = await harness.call('browser.frame', { sessionId, afterSeq, waitMs: Math.max(1, timeoutMs - (Date.now() - from)) });
  }
  return answer;
}
