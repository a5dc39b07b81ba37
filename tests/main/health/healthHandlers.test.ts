import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaptureBrowser, type CaptureBrowser } from '../../../main/capture/browser/captureBrowser';
import { createSignInStore } from '../../../main/capture/browser/signInStore';
import { createCaptureJobs } from '../../../main/capture/captureJobs';
import { createPlaywrightCapture } from '../../../main/capture/playwrightCapture';
import { createHealthJobs } from '../../../main/health/healthJobs';
import { createDispatcher } from '../../../main/services/apiDispatcher';
import { createBuilderHandlers } from '../../../main/services/builderHandlers';
import { confinedTo } from '../../../main/services/pathPolicy';
import type { BuilderMethod, BuilderOutput } from '../../../shared/api/contract';
import { planHealthCheck } from '../../../shared/health/planHealthCheck';
import { createFlow, createTourStep } from '../../../shared/model/create';
import type { Project } from '../../../shared/model/project';
import { elementNamed, PRODUCTION, RELEASE, serveRelease, SETTINGS_VIEWPORT, STEP_NAMES, type Site } from './releaseSite';

const playwright = createPlaywrightCapture({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const projectsDir = mkdtempSync(join(tmpdir(), 'stepwise-health-'));
const captureJobs = createCaptureJobs(playwright.openPage);
const health = createHealthJobs({ concurrency: 2 });
let captureBrowser: CaptureBrowser;
let dispatch: ReturnType<typeof createDispatcher>;
let production: Site;
let staging: Site;
let projectPath: string;
let project: Project;

async function call<M extends BuilderMethod>(method: M, input: unknown): Promise<BuilderOutput<M>> {
  const response = await dispatch(method, input);
  if (!response.ok) throw new Error(`${method}: ${response.error.code}: ${response.error.message}`);
  return response.value as BuilderOutput<M>;
}

/** The web host's handlers with a real capture browser; a project whose settings page was captured through capture.start, a tour on its buttons. */
beforeAll(async () => {
  [production, staging] = await Promise.all([serveRelease(PRODUCTION), serveRelease(RELEASE)]);
  captureBrowser = createCaptureBrowser({ browser: playwright.browser, jobs: captureJobs, signIn: createSignInStore(mkdtempSync(join(tmpdir(), 'stepwise-health-state-'))) });
  dispatch = createDispatcher(
    createBuilderHandlers({ host: 'web', version: 'test', projectsDir, stateDir: join(projectsDir, '.state'), paths: confinedTo(projectsDir), capture: captureJobs, captureBrowser, health }),
    () => undefined,
  );
  const created = await call('project.create', { name: 'Health' });
  projectPath = created.path;
  const capture = await call('capture.start', { projectPath, request: { url: `${production.url}/settings`, viewport: SETTINGS_VIEWPORT } });
  const screen = (await captureJobs.settled(capture.jobId)).screen!;
  const tour = createFlow('tour', 'Settings tour', 'en');
  tour.tour.steps = STEP_NAMES.map((name) => {
    const element = elementNamed(screen, name);
    const step = createTourStep('en');
    step.type = 'tooltip';
    step.anchor = { screenId: screen.id, elementId: element.id, selectors: [element.selector, ...element.alternates], box: element.box, fingerprint: element.fingerprint! };
    return step;
  });
  project = { ...created.project, screens: [screen], flows: [tour] };
  await call('project.save', { path: projectPath, project });
}, 60_000);
afterAll(async () => {
  await Promise.all([production?.close(), staging?.close(), captureBrowser?.closeAll().then(() => playwright.close())]);
});

describe('health.* in the web host', { timeout: 60_000 }, () => {
  it('checks against staging as a job: progress, the report, fresh screenshots in the project, the fresh screen to replace with', async () => {
    const plan = planHealthCheck(project);
    const started = await call('health.start', { projectPath, projectId: project.id, plan, baseUrl: staging.url });
    expect(started).toMatchObject({ state: 'running', done: 0, total: 1 });
    const job = await health.settled(started.jobId);
    expect(await call('health.status', { jobId: started.jobId })).toEqual(job);
    expect(job).toMatchObject({ state: 'done', done: 1, total: 1, current: [] });
    expect(job.report!.anchors.map((anchor) => anchor.status)).toEqual(['ok', 'moved', 'changed', 'missing', 'ambiguous']);

    // The fresh screenshot is in the project's images folder, so replacing the screen needs nothing more.
    const freshImage = job.report!.screens[0]!.freshImage!;
    expect(existsSync(join(projectPath, 'images', freshImage.file))).toBe(true);
    const fresh = await call('health.freshScreen', { jobId: started.jobId, screenId: project.screens[0]!.id });
    expect(fresh).toMatchObject({ id: project.screens[0]!.id, image: freshImage, source: project.screens[0]!.source });
    expect(fresh.elements.find((element) => element.id === job.report!.anchors[2]!.suggestion!.elementId)?.name).toBe('Export invoices');
  });

  it('cancel ends the job as cancelled with what was checked; a second check waits for the first', async () => {
    const hanging = { ...project, screens: [{ ...project.screens[0]!, id: 'hangs', source: { ...project.screens[0]!.source, url: `${production.url}/hangs` } as Project['screens'][number]['source'] }] };
    const started = await call('health.start', { projectPath, projectId: project.id, plan: planHealthCheck(hanging) });
    const second = await dispatch('health.start', { projectPath, projectId: project.id, plan: planHealthCheck(project) });
    expect(second).toMatchObject({ ok: false, error: { code: 'invalid', message: 'A flow check is already running; wait for it to finish or cancel it first.' } });
    await call('health.cancel', { jobId: started.jobId });
    const job = await health.settled(started.jobId);
    expect(job.state).toBe('cancelled');
    expect(job.report!.screens).toEqual([]);
    const gone = await dispatch('health.freshScreen', { jobId: started.jobId, screenId: 'hangs' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });

  it('refuses another project\'s sign-in and unknown jobs', async () => {
    const other = await dispatch('health.start', { projectPath, projectId: 'another-project', plan: planHealthCheck(project) });
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!other.ok) expect(other.error.message).toContain('is not the id of the project');
    expect(await dispatch('health.status', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });

  it('in the desktop app, says what to do instead', async () => {
    const electron = createDispatcher(createBuilderHandlers({ host: 'electron', version: 'test', projectsDir, stateDir: join(projectsDir, '.state'), paths: confinedTo(projectsDir) }), () => undefined);
    const response = await electron('health.start', { projectPath, projectId: project.id, plan: planHealthCheck(project) });
    expect(response).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    if (!response.ok) expect(response.error.message).toContain('Run "stepwise check <project>" in a terminal');
  });
});
