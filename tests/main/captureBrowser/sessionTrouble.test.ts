import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centreOf, clickEvents, keyPress, startHarness, VIEWPORT, waitForSession, type CaptureBrowserHarness } from './captureBrowserHarness';

let harness: CaptureBrowserHarness;
let projectPath: string;
let projectId: string;
let sessionId: string;

beforeAll(async () => {
  harness = await startHarness({ navigationTimeoutMs: 2_000, stepTimeoutMs: 1_000 });
  const created = await harness.call('project.create', { name: 'Trouble' });
  projectPath = created.path;
  projectId = created.project.id;
  sessionId = (await harness.call('browser.open', { projectPath, projectId, url: `${harness.site.url}/login`, viewport: VIEWPORT, useSignIn: false })).sessionId;
  await waitForSession(harness, sessionId, (session) => session.url.endsWith('/login') && !session.loading, 'the sign-in page');
});
afterAll(() => harness?.close());

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const go = (url: string) => harness.call('browser.navigate', { sessionId, action: 'go', url });
const settled = () => waitForSession(harness, sessionId, (session) => !session.loading, 'the navigation ended');

/** After each problem the same session still loads a page. */
async function expectStillUsable(): Promise<void> {
  await go(`${harness.site.url}/login`);
  const session = await waitForSession(harness, sessionId, (state) => !state.loading && state.url.endsWith('/login'), 'the sign-in page again');
  expect(session.error).toBeUndefined();
}

describe('capture browser: pages that go wrong, each a clear message, the session still usable', { timeout: 60_000 }, () => {
  it('a site that never answers', async () => {
    await go(`${harness.site.url}/never`);
    const session = await waitForSession(harness, sessionId, (state) => !state.loading && !!state.error, 'an error');
    expect(session.error).toBe(`${harness.site.url}/never did not finish loading within 2 s. Try again, or raise the timeout.`);
    await expectStillUsable();
  });

  it('a page that navigates to itself in a loop is stopped', async () => {
    await go(`${harness.site.url}/loop`);
    const session = await waitForSession(harness, sessionId, (state) => /in a loop/.test(state.error ?? ''), 'the loop stopped');
    expect(session.error).toMatch(/^127\.0\.0\.1:\d+ navigated 15 times in 2 s, in a loop, so it was stopped\./);
    await expectStillUsable();
  });

  it('a server that redirects in a loop', async () => {
    await go(`${harness.site.url}/redirect-loop`);
    const session = await waitForSession(harness, sessionId, (state) => !state.loading && !!state.error, 'an error');
    expect(session.error).toMatch(/redirects in a loop, so the page never arrives/);
    await expectStillUsable();
  });

  it('an address nothing answers at', async () => {
    const port = await closedPort();
    await go(`http://127.0.0.1:${port}/`);
    const session = await waitForSession(harness, sessionId, (state) => !state.loading && !!state.error, 'an error');
    expect(session.error).toBe(`127.0.0.1:${port} refused the connection. Is the site running?`);
    await expectStillUsable();
  });

  it('refuses addresses that are not http(s) before anything loads', async () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'chrome://settings']) {
      const response = await harness.dispatch('browser.navigate', { sessionId, action: 'go', url });
      expect(response.ok).toBe(false);
      if (!response.ok) expect(response.error.message).toMatch(/only http and https pages can/);
    }
  });

  it('dismisses dialogs, refuses downloads, and opens popups as tabs of the session', async () => {
    await go(`${harness.site.url}/alert`);
    await settled();
    await harness.call('browser.input', { sessionId, events: clickEvents(await centreOf(harness, sessionId, '#alert')) });
    await waitForSession(harness, sessionId, (state) => state.notices.includes('The page showed an alert ("Saved!"); it was dismissed.'), 'the alert notice');

    await go(`${harness.site.url}/download`);
    await settled();
    await harness.call('browser.input', { sessionId, events: clickEvents(await centreOf(harness, sessionId, '#file')) });
    await waitForSession(harness, sessionId, (state) => state.notices.includes('The page started a download (report.csv); it was refused.'), 'the download notice');

    await go(`${harness.site.url}/popup`);
    await settled();
    await harness.call('browser.input', { sessionId, events: clickEvents(await centreOf(harness, sessionId, '#open')) });
    const withPopup = await waitForSession(harness, sessionId, (state) => state.tabs.length === 2 && state.url.endsWith('/login'), 'the popup as the active tab');
    expect(withPopup.tabs.map((tab) => tab.active)).toEqual([false, true]);
    const [opener, popup] = withPopup.tabs;
    const back = await harness.call('browser.tab', { sessionId, tabId: opener!.tabId, action: 'activate' });
    expect(back.url).toBe(`${harness.site.url}/popup`);
    const closed = await harness.call('browser.tab', { sessionId, tabId: popup!.tabId, action: 'close' });
    expect(closed.tabs).toHaveLength(1);
    const onlyTab = await harness.dispatch('browser.tab', { sessionId, tabId: opener!.tabId, action: 'close' });
    expect(onlyTab).toMatchObject({ ok: false, error: { message: 'This is the only tab; close the capture browser instead.' } });
  });

  it('records only real input: the page cannot call the recorder or record by script', async () => {
    await go(`${harness.site.url}/login`);
    await settled();
    const page = harness.captureBrowser.session(sessionId).activePage();
    const reached = await page.evaluate(async () => {
      const email = document.querySelector<HTMLInputElement>('#email')!;
      email.click();
      email.value = 'scripted@example.com';
      email.dispatchEvent(new Event('input', { bubbles: true }));
      // Playwright's binding plumbing is visible to the page; a message through it lacks the session's nonce.
      const controller = (window as unknown as Record<string, { callBinding(name: string, message: unknown): Promise<unknown> }>).__playwright__binding__controller__;
      const forged = { nonce: 'guess', type: 'action', url: location.href, action: { kind: 'click', selectors: ['#email'] } };
      await controller?.callBinding('__stepwiseRecord', forged).catch(() => undefined);
      await controller?.callBinding('__stepwiseRecord', { ...forged, type: 'load', url: 'https://elsewhere.example/' }).catch(() => undefined);
      return '__stepwiseRecord' in window;
    });
    expect(reached).toBe(false);
    const session = await harness.call('browser.frame', { sessionId, afterSeq: 0, waitMs: 0 });
    expect(session.session.recorded).toEqual({ url: `${harness.site.url}/login`, actions: [] });
  });

  it('pastes into the focused field, scrolls by wheel, and records the paste and an Escape', async () => {
    await go(`${harness.site.url}/login`);
    await settled();
    await harness.call('browser.input', { sessionId, events: clickEvents(await centreOf(harness, sessionId, '#email')) });
    await harness.call('browser.input', { sessionId, events: [{ type: 'insertText', text: 'pasted@example.com' }, ...keyPress('Escape'), { type: 'mouseWheel', x: 400, y: 400, deltaX: 0, deltaY: 300 }] });
    const session = await waitForSession(harness, sessionId, (state) => state.recorded?.actions.at(-1)?.kind === 'press', 'the Escape recorded');
    expect(session.recorded!.actions.slice(-2)).toEqual([
      { kind: 'fill', selectors: expect.arrayContaining(['#email']), name: 'Email', value: 'pasted@example.com', secret: false },
      { kind: 'press', key: 'Escape', selectors: expect.arrayContaining(['#email']) },
    ]);
    expect(await harness.captureBrowser.session(sessionId).activePage().inputValue('#email')).toBe('pasted@example.com');
  });

  it('a capture scrolled down keeps where it was scrolled; re-capture shows the same part of the page', async () => {
    await go(`${harness.site.url}/changelog`);
    await settled();
    await harness.call('browser.input', { sessionId, events: [{ type: 'mouseWheel', x: 400, y: 400, deltaX: 0, deltaY: 2_000 }] });
    const page = harness.captureBrowser.session(sessionId).activePage();
    await page.waitForFunction('scrollY >= 1500');
    const scrolledTo = (await page.evaluate('scrollY')) as number;
    const captured = (await harness.jobs.settled((await harness.call('browser.capture', { sessionId, projectPath })).jobId)).screen!;
    expect(captured.source.kind === 'url' && captured.source.path?.scroll).toEqual({ x: 0, y: scrolledTo });
    const headingOf = (screen: typeof captured, name: string) => screen.elements.find((element) => element.name === name && element.tag === 'h2');
    const shownThere = captured.elements.find((element) => element.tag === 'h2' && element.box.y > 0)!;
    expect(Number(shownThere.name!.replace('Release ', ''))).toBeLessThan(12);

    const again = await harness.jobs.settled((await harness.call('screen.recapture', { projectPath, projectId, source: captured.source })).jobId);
    expect(again.error).toBeUndefined();
    expect(headingOf(again.screen!, shownThere.name!)?.box).toEqual(shownThere.box);
  });

  it('re-capture whose target has gone names the step that broke', async () => {
    const source = {
      kind: 'url' as const,
      url: `${harness.site.url}/login`,
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      fullPage: false,
      path: {
        url: `${harness.site.url}/login`,
        actions: [
          { kind: 'fill' as const, selectors: ['#email'], name: 'Email', value: 'pm@example.com', secret: false },
          { kind: 'click' as const, selectors: ['#reports-menu', 'button.dropdown-toggle'], name: 'Reports' },
        ],
      },
    };
    const job = await harness.call('screen.recapture', { projectPath, projectId, source });
    const status = await harness.jobs.settled(job.jobId);
    expect(status.stage).toBe('failed');
    expect(status.error).toBe('Step 2 of 2 (click "Reports"): no element matches "#reports-menu" or "button.dropdown-toggle" within 1 s; the page has changed since it was recorded.');

    const secret = await harness.jobs.settled(
      (await harness.call('screen.recapture', { projectPath, projectId, source: { ...source, path: { ...source.path, actions: [{ kind: 'fill', selectors: ['#password'], name: 'Password', secret: true }] } } })).jobId,
    );
    expect(secret.error).toMatch(/^Step 1 of 1 \(fill "Password"\): this field's value is secret and was never kept/);
    await expectStillUsable();
  });

  it('an unknown or closed session is a clear notFound', async () => {
    const response = await harness.dispatch('browser.frame', { sessionId: 'nope', afterSeq: 0 });
    expect(response).toMatchObject({ ok: false, error: { code: 'notFound', message: expect.stringContaining('Open the capture browser again') } });
  });
});
