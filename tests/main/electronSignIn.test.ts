import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createCaptureJobs } from '../../main/capture/captureJobs';
import { CaptureError } from '../../main/capture/capturePage';
import { createDispatcher } from '../../main/services/apiDispatcher';
import { createBuilderHandlers } from '../../main/services/builderHandlers';
import { confinedTo } from '../../main/services/pathPolicy';
import { recorded } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

describe('Electron: sign-in per project in the capture window partition', async () => {
  const { createElectronSignIn } = await import('../../main/electron/electronSignIn');
  const { capturePartition } = await import('../../main/electron/captureWindow');
  const projectsDir = await mkdtemp(join(tmpdir(), 'stepwise-electron-signin-'));
  const partitionsAsked: string[] = [];
  const handlers = createBuilderHandlers({
    host: 'electron',
    version: 'test',
    projectsDir,
    stateDir: join(projectsDir, '.state'),
    paths: confinedTo(projectsDir),
    capture: createCaptureJobs(async () => {
      throw new CaptureError('the shared partition was used');
    }),
    captureInProject: (projectId) => {
      partitionsAsked.push(capturePartition(projectId));
      return async () => {
        throw new CaptureError('the project partition was used');
      };
    },
    signIn: createElectronSignIn(),
  });
  const dispatch = createDispatcher(handlers, () => undefined);
  const call = async (method: string, input: unknown) => {
    const response = await dispatch(method, input);
    if (!response.ok) throw new Error(response.error.message);
    return response.value as never;
  };
  const { path, project } = (await call('project.create', { name: 'Desk' })) as { path: string; project: { id: string } };

  it('captures in the project’s own persistent partition', async () => {
    const { jobId } = (await call('capture.start', { projectPath: path, request: { url: 'https://app.example.com', viewport: { width: 1280, height: 800 } } })) as { jobId: string };
    await vi.waitFor(async () => expect(((await call('capture.status', { jobId })) as { error?: string }).error).toBe('the project partition was used'));
    expect(partitionsAsked).toEqual([`persist:stepwise-${project.id}`]);
  });

  it('reports the sites of the partition’s cookies, and forgets them', async () => {
    expect(await call('signIn.status', { projectId: project.id })).toEqual({ signIn: null });
    const { session } = await import('electron');
    const partition = session.fromPartition(capturePartition(project.id)) as unknown as { cookieJar: Array<{ name: string; value: string; domain?: string }> };
    partition.cookieJar.push({ name: 'session', value: 'abc', domain: '.app.example.com' }, { name: 'other', value: 'x', domain: 'app.example.com' });
    const { signIn } = (await call('signIn.status', { projectId: project.id })) as { signIn: { sites: string[]; savedAt: string } };
    expect(signIn.sites).toEqual(['app.example.com']);
    expect(Number.isNaN(Date.parse(signIn.savedAt))).toBe(false);
    await call('signIn.forget', { projectId: project.id });
    expect(recorded.sessions.get(capturePartition(project.id))).toMatchObject({ cleared: 1 });
    expect(await call('signIn.status', { projectId: project.id })).toEqual({ signIn: null });
  });

  it('answers browser.* as unsupported: the capture window is the live browser there', async () => {
    const response = await dispatch('browser.open', { projectPath: path, projectId: project.id, url: 'https://app.example.com', viewport: { width: 1280, height: 800 } });
    expect(response).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringContaining('the capture window is the live browser') } });
  });
});
