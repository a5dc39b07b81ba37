import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignInStore } from '../../../main/capture/browser/signInStore';
import { runCli } from '../../../main/cli/runCli';
import { createProjectStore } from '../../../main/services/projectStore';
import { createFlow, createProject, createTourStep } from '../../../shared/model/create';
import { LOGIN_EMAIL, LOGIN_PASSWORD, startLoginSite, type LoginSite } from '../../fixtures/loginSite/server';

let site: LoginSite;
let projectPath: string;
let projectId: string;

async function run(...argv: string[]) {
  const out: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => out.push(text) });
  return { code, out: out.join('\n') };
}

/** Signs in at the login site as the capture browser would have, and keeps the cookie as the project's sign-in in `stateDir`. */
async function saveSignIn(stateDir: string): Promise<void> {
  const response = await fetch(`${site.url}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: LOGIN_EMAIL, password: LOGIN_PASSWORD }).toString(),
    redirect: 'manual',
  });
  const token = /session=([0-9a-f]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error(`The login site set no session cookie (status ${response.status}).`);
  await createSignInStore(stateDir).save(projectId, {
    cookies: [{ name: 'session', value: token, domain: '127.0.0.1', path: '/', expires: Math.floor(Date.now() / 1000) + 3600, httpOnly: true, secure: false, sameSite: 'Lax' }],
    origins: [],
  });
}

/** A project with the dashboard behind the sign-in as a screen, and a step on its Reports menu. */
beforeAll(async () => {
  site = await startLoginSite();
  const project = createProject('Behind the sign-in');
  projectId = project.id;
  const tour = createFlow('tour', 'Reports tour', 'en');
  const step = createTourStep('en');
  step.type = 'tooltip';
  step.anchor = { screenId: 'dashboard', selectors: ['#reports-menu'], box: { x: 0, y: 0, width: 10, height: 10 } };
  tour.tour.steps = [step];
  project.screens.push({
    id: 'dashboard',
    name: 'Dashboard',
    image: { file: `${'0'.repeat(64)}.png`, width: 1280, height: 800 },
    source: { kind: 'url', url: `${site.url}/dashboard`, viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, fullPage: false },
    elements: [],
  });
  project.flows.push(tour);
  projectPath = (await createProjectStore({ projectsDir: mkdtempSync(join(tmpdir(), 'stepwise-check-signin-')) }).create(project.name, project)).path;
});
afterAll(() => site?.close());

describe('stepwise check behind a sign-in', { timeout: 60_000 }, () => {
  it('without a saved sign-in, the screen fails saying it went to the sign-in page', async () => {
    const result = await run('check', projectPath, '--state-dir', mkdtempSync(join(tmpdir(), 'stepwise-state-')));
    expect(result.code).toBe(1);
    expect(result.out).toContain(`FAILED after`);
    expect(result.out).toContain(`The page went to ${site.url}/login instead of ${site.url}/dashboard: the saved sign-in may have expired.`);
  });

  it('with the sign-in the app saved for the project (--state-dir), the dashboard is checked', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'stepwise-state-'));
    await saveSignIn(stateDir);
    const result = await run('check', projectPath, '--state-dir', stateDir);
    expect(result.out).toMatch(/Screen "Dashboard" \(http:\/\/127\.0\.0\.1:\d+\/dashboard\): checked in/);
    // Its box was made up here, so the step is found where the page has it: moved, not missing.
    expect(result.out).toContain('  1 step moved (it still plays; --verbose lists them)');
    expect(result.out).not.toContain('saved sign-in is for');
    expect(result.code).toBe(0);
  });

  it('says once that the sign-in is not sent when --base-url is on another host', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'stepwise-state-'));
    await saveSignIn(stateDir);
    const otherHost = site.url.replace('127.0.0.1', 'localhost');
    const result = await run('check', projectPath, '--state-dir', stateDir, '--base-url', otherHost);
    expect(result.code).toBe(1);
    const note = 'Note: the saved sign-in is for 127.0.0.1; localhost gets none: sign in there once in the capture browser, or give --state-dir a folder with a sign-in made there.';
    expect(result.out.split(note)).toHaveLength(2);
    expect(result.out).toContain(`The page went to ${otherHost}/login`);
  });

  it('a sign-in file that is not in the app\'s format is refused with what it should be, not ignored', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'stepwise-state-'));
    const store = createSignInStore(stateDir);
    mkdirSync(dirname(store.fileOf(projectId)), { recursive: true });
    writeFileSync(store.fileOf(projectId), JSON.stringify({ cookies: [], origins: [] }));
    const result = await run('check', projectPath, '--state-dir', stateDir);
    expect(result.code).toBe(2);
    expect(result.out).toContain(`The saved sign-in ${store.fileOf(projectId)} is not in the app's format, {"savedAt": "<ISO date>", "state": {"cookies": [...], "origins": [...]}}: it is a bare browser storage state; put it under "state" with a "savedAt" date.`);
    writeFileSync(store.fileOf(projectId), '{ not json');
    expect((await run('check', projectPath, '--state-dir', stateDir)).out).toContain('is not JSON: sign in again in the capture browser');
  });
});
