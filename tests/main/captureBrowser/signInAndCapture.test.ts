import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Screen } from '../../../shared/model/screen';
import { LOGIN_EMAIL, LOGIN_PASSWORD } from '../../fixtures/loginSite/server';
import { centreOf, clickEvents, keyPress, startHarness, typingEvents, VIEWPORT, waitForSession, type CaptureBrowserHarness } from './captureBrowserHarness';

let harness: CaptureBrowserHarness;
let projectPath: string;
let projectId: string;

beforeAll(async () => {
  harness = await startHarness();
  const created = await harness.call('project.create', { name: 'Acme tours' });
  projectPath = created.path;
  projectId = created.project.id;
});
afterAll(() => harness?.close());

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

const names = (screen: Screen) => screen.elements.map((element) => element.name);

describe('capture browser: sign in, open the menu, capture, sign-in that lasts', { timeout: 60_000 }, () => {
  let captured: Screen;

  it('signs in by input events, opens the dropdown by a click, and captures the open menu with the path that reached it', async () => {
    const { call } = harness;
    const opened = await call('browser.open', { projectPath, projectId, url: `${harness.site.url}/dashboard`, viewport: VIEWPORT });
    const sessionId = opened.sessionId;
    await waitForSession(harness, sessionId, (session) => session.url.endsWith('/login') && !session.loading && session.title.startsWith('Sign in'), 'the sign-in page');

    await call('browser.input', { sessionId, events: clickEvents(await centreOf(harness, sessionId, '#email')) });
    await call('browser.input', { sessionId, events: [...typingEvents(LOGIN_EMAIL), ...keyPress('Tab'), ...typingEvents(LOGIN_PASSWORD)] });
    const beforeSubmit = await waitForSession(harness, sessionId, (session) => session.recorded?.actions.some((action) => action.kind === 'fill' && action.secret) ?? false, 'the password typed');
    expect(beforeSubmit.recorded?.actions).toContainEqual(expect.objectContaining({ kind: 'fill', value: LOGIN_EMAIL, secret: false }));
    const passwordFill = beforeSubmit.recorded!.actions.find((action) => action.kind === 'fill' && action.secret);
    expect(passwordFill).not.toHaveProperty('value');
    expect(JSON.stringify(beforeSubmit)).not.toContain(LOGIN_PASSWORD);

    await call('browser.input', { sessionId, events: keyPress('Enter') });
    const dashboard = await waitForSession(harness, sessionId, (session) => session.url.endsWith('/dashboard') && session.title.startsWith('Dashboard'), 'the dashboard');
    // A new page load starts the path again.
    expect(dashboard.recorded).toEqual({ url: `${harness.site.url}/dashboard`, actions: [] });
    // The dashboard loaded with the session cookie: the sign-in is kept now, before any capture or
    // close, and the session's own state says so (the view's sign-in line reads it).
    const kept = await waitForSession(harness, sessionId, (session) => session.signIn !== null, 'the sign-in kept after the dashboard loaded');
    expect(kept.signIn?.sites).toEqual(['127.0.0.1']);
    expect((await call('signIn.status', { projectId })).signIn?.sites).toEqual(['127.0.0.1']);

    await call('browser.input', { sessionId, events: clickEvents(await centreOf(harness, sessionId, '#reports-menu')) });
    const menuOpen = await waitForSession(harness, sessionId, (session) => (session.recorded?.actions.length ?? 0) > 0, 'the click recorded');
    expect(menuOpen.recorded!.actions).toEqual([expect.objectContaining({ kind: 'click', name: 'Reports' })]);

    const job = await call('browser.capture', { sessionId, projectPath });
    const status = await harness.jobs.settled(job.jobId);
    expect(status.error).toBeUndefined();
    captured = status.screen!;
    expect(names(captured)).toEqual(expect.arrayContaining(['Weekly summary', 'Churn report', 'Export CSV']));
    expect(captured.source).toMatchObject({ kind: 'url', url: `${harness.site.url}/dashboard`, path: menuOpen.recorded });

    // The session goes on: a second capture is another screen.
    const again = await harness.jobs.settled((await call('browser.capture', { sessionId, projectPath })).jobId);
    expect(again.screen!.id).not.toBe(captured.id);
    await call('browser.close', { sessionId });
  });

  it('keeps the sign-in in the app data folder, owner-only, never in the project folder', async () => {
    const file = harness.signIn.fileOf(projectId);
    expect(relative(harness.appDataDir, file).startsWith('..')).toBe(false);
    expect(relative(harness.projectsDir, file).startsWith('..')).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const { signIn } = await harness.call('signIn.status', { projectId });
    expect(signIn?.sites).toEqual(['127.0.0.1']);
    expect(Date.now() - Date.parse(signIn!.savedAt)).toBeLessThan(60_000);
  });

  it('writes the password into no file, in the app data folder or the project', async () => {
    const files = [...(await filesUnder(harness.appDataDir)), ...(await filesUnder(harness.projectsDir))];
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) expect((await readFile(file)).includes(LOGIN_PASSWORD), file).toBe(false);
  });

  it('reuses the sign-in in a new session: the dashboard opens directly', async () => {
    const opened = await harness.call('browser.open', { projectPath, projectId, url: `${harness.site.url}/dashboard`, viewport: VIEWPORT });
    const session = await waitForSession(harness, opened.sessionId, (state) => !state.loading && state.url !== '', 'loaded');
    expect(session.url).toBe(`${harness.site.url}/dashboard`);
    expect(session.signIn?.sites).toEqual(['127.0.0.1']);
    await harness.call('browser.close', { sessionId: opened.sessionId });
  });

  it('re-captures the screen by replaying its path to the open dropdown', async () => {
    const job = await harness.call('screen.recapture', { projectPath, projectId, source: captured.source });
    const status = await harness.jobs.settled(job.jobId);
    expect(status.error).toBeUndefined();
    expect(names(status.screen!)).toEqual(expect.arrayContaining(['Weekly summary', 'Export CSV']));
    expect(status.screen!.source).toEqual(captured.source);
  });

  it('a session opened without the sign-in keeps nothing, even after signing in and pages loading', async () => {
    const before = await harness.call('signIn.status', { projectId });
    const opened = await harness.call('browser.open', { projectPath, projectId, url: `${harness.site.url}/login`, viewport: VIEWPORT, useSignIn: false });
    const sessionId = opened.sessionId;
    await waitForSession(harness, sessionId, (session) => !session.loading && session.title.startsWith('Sign in'), 'the sign-in page');
    await harness.call('browser.input', { sessionId, events: clickEvents(await centreOf(harness, sessionId, '#email')) });
    await harness.call('browser.input', { sessionId, events: [...typingEvents(LOGIN_EMAIL), ...keyPress('Tab'), ...typingEvents(LOGIN_PASSWORD), ...keyPress('Enter')] });
    const dashboard = await waitForSession(harness, sessionId, (session) => session.url.endsWith('/dashboard') && session.title.startsWith('Dashboard'), 'the dashboard');
    expect(dashboard.signIn).toBeNull();
    // Closing waits for any save on its way: after it the project's sign-in is the one from before.
    await harness.call('browser.close', { sessionId });
    expect((await harness.call('signIn.status', { projectId })).signIn).toEqual(before.signIn);
  });

  it('forgets the sign-in: a session open meanwhile does not save it back, even when a page loads, and the next one lands on the sign-in page', async () => {
    const signedIn = await harness.call('browser.open', { projectPath, projectId, url: `${harness.site.url}/dashboard`, viewport: VIEWPORT });
    await waitForSession(harness, signedIn.sessionId, (state) => !state.loading && state.url.endsWith('/dashboard'), 'the dashboard');
    await harness.call('signIn.forget', { projectId });
    // A page load after Forget (still signed in at the site) saves nothing back.
    await harness.call('browser.navigate', { sessionId: signedIn.sessionId, action: 'reload' });
    await harness.captureBrowser.session(signedIn.sessionId).idle();
    await harness.call('browser.close', { sessionId: signedIn.sessionId });
    expect((await harness.call('signIn.status', { projectId })).signIn).toBeNull();
    const opened = await harness.call('browser.open', { projectPath, projectId, url: `${harness.site.url}/dashboard`, viewport: VIEWPORT });
    const session = await waitForSession(harness, opened.sessionId, (state) => !state.loading && state.url !== '', 'loaded');
    expect(session.url).toBe(`${harness.site.url}/login`);
    // Closing a session with nothing signed in leaves no sign-in behind.
    await harness.call('browser.close', { sessionId: opened.sessionId });
    expect((await harness.call('signIn.status', { projectId })).signIn).toBeNull();
  });
});
