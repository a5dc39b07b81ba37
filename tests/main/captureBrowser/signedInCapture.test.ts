import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureRequest } from '../../../shared/model/capture';
import type { Screen } from '../../../shared/model/screen';
import { LOGIN_EMAIL, LOGIN_PASSWORD } from '../../fixtures/loginSite/server';
import { startHarness, VIEWPORT, type CaptureBrowserHarness } from './captureBrowserHarness';

let harness: CaptureBrowserHarness;
let projectPath: string;
let projectId: string;

/** Signs in at the login site once, as the capture browser would, and keeps its cookie as the project's sign-in. */
async function signInOnce(): Promise<void> {
  const response = await fetch(`${harness.site.url}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: LOGIN_EMAIL, password: LOGIN_PASSWORD }).toString(),
    redirect: 'manual',
  });
  const token = /session=([0-9a-f]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error(`The login site set no session cookie (status ${response.status}).`);
  await harness.signIn.save(projectId, {
    cookies: [{ name: 'session', value: token, domain: '127.0.0.1', path: '/', expires: Math.floor(Date.now() / 1000) + 3600, httpOnly: true, secure: false, sameSite: 'Lax' }],
    origins: [],
  });
}

const request = (path: string): CaptureRequest => ({ url: `${harness.site.url}${path}`, viewport: VIEWPORT, deviceScaleFactor: 1, fullPage: false, waitMs: 0, timeoutMs: 20_000 });
const names = (screen: Screen) => screen.elements.map((element) => element.name);

beforeAll(async () => {
  harness = await startHarness({ stepTimeoutMs: 1_000 });
  const created = await harness.call('project.create', { name: 'Signed-in captures' });
  projectPath = created.path;
  projectId = created.project.id;
  await signInOnce();
});
afterAll(() => harness?.close());

describe('the Capture dialog\'s plain Capture with "Start signed in"', { timeout: 60_000 }, () => {
  it('captures the dashboard with the saved sign-in, and the sign-in page without it', async () => {
    const signedIn = await harness.jobs.settled((await harness.call('capture.start', { projectPath, request: request('/dashboard'), signIn: { projectId } })).jobId);
    expect(signedIn.error).toBeUndefined();
    expect(names(signedIn.screen!)).toContain('Reports');

    const plain = await harness.jobs.settled((await harness.call('capture.start', { projectPath, request: request('/dashboard') })).jobId);
    expect(plain.error).toBeUndefined();
    expect(names(plain.screen!)).not.toContain('Reports');
    expect(names(plain.screen!)).toEqual(expect.arrayContaining(['Email', 'Password']));
  });

  it('refuses a sign-in of another project, naming it', async () => {
    const response = await harness.dispatch('capture.start', { projectPath, request: request('/dashboard'), signIn: { projectId: 'another-project-id' } });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.message).toContain('is not the id of the project');
  });
});

describe('capture again when the saved sign-in is gone', { timeout: 60_000 }, () => {
  it('says the page went to the sign-in page instead of the recorded one, before any step', async () => {
    const dashboard = `${harness.site.url}/dashboard`;
    const source: Screen['source'] = {
      kind: 'url',
      url: dashboard,
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      fullPage: false,
      path: { url: dashboard, actions: [{ kind: 'click', name: 'Reports', selectors: ['#reports-menu'] }] },
    };
    // Signed in, the same source is captured again fine: the check does not stand in the way.
    const fine = await harness.jobs.settled((await harness.call('screen.recapture', { projectPath, projectId, source })).jobId);
    expect(fine.error).toBeUndefined();

    await harness.call('signIn.forget', { projectId });
    const gone = await harness.jobs.settled((await harness.call('screen.recapture', { projectPath, projectId, source })).jobId);
    expect(gone.stage).toBe('failed');
    expect(gone.error).toBe(
      `The page went to ${harness.site.url}/login instead of ${dashboard}: the saved sign-in may have expired. Open the page in the capture browser, sign in, and capture again.`,
    );
  });
});
