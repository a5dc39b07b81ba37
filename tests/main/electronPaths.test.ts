import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { ApiResponse } from '../../shared/api/apiError';
import { ipcChannel, type BuilderMethodName } from '../../shared/api/methodNames';
import { createProject } from '../../shared/model/create';
import { createProjectStore } from '../../main/services/projectStore';
import { userGrantedPaths } from '../../main/services/userGrantedPaths';

type IpcHandler = (event: unknown, input: unknown) => Promise<ApiResponse> | ApiResponse;

/** The stand-in electron, plus an ipcMain that keeps the handlers and a dialog the test answers. */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, IpcHandler>();
  let markRegistered: () => void = () => undefined;
  const registered = new Promise<void>((resolve) => (markRegistered = resolve));
  return {
    handlers,
    registered,
    markRegistered: () => markRegistered(),
    dialogAnswer: { canceled: true, filePaths: [] as string[] },
  };
});

vi.mock('electron', async () => {
  const fake = await import('./fakeElectron');
  return {
    ...fake,
    ipcMain: {
      handle(channel: string, handler: IpcHandler) {
        electron.handlers.set(channel, handler);
        electron.markRegistered();
      },
    },
    dialog: { ...fake.dialog, showOpenDialog: async () => electron.dialogAnswer },
  };
});

const projectsDir = mkdtempSync(join(tmpdir(), 'stepwise-electron-projects-'));
process.env.STEPWISE_DATA_DIR = projectsDir;
const rendererUrl = pathToFileURL(fileURLToPath(new URL('../../main/renderer/index.html', import.meta.url))).href;
const fromApp = { senderFrame: { parent: null, url: rendererUrl } };

async function call(method: BuilderMethodName, input: unknown): Promise<ApiResponse> {
  await electron.registered;
  return electron.handlers.get(ipcChannel(method))!(fromApp, input);
}

/** A project folder somewhere the renderer has no business naming unless the user chose it. */
async function projectOutside(name: string): Promise<string> {
  const store = createProjectStore({ projectsDir: await mkdtemp(join(tmpdir(), 'stepwise-elsewhere-')) });
  return (await store.create(name, createProject(name))).path;
}

describe('Electron: the renderer may only name paths the user granted', async () => {
  await import('../../main/electron/main');

  it('refuses a path the renderer invents with a forbidden error, and writes nothing there', async () => {
    const invented = await projectOutside('Invented');
    const opened = await call('project.open', { path: invented });
    expect(opened).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Open dialog') } });
    const saved = await call('project.save', { path: join(invented, '..', 'made-up.stepwise'), project: createProject('Sneaky') });
    expect(saved).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(readdirSync(join(invented, '..'))).toEqual([invented.split('/').at(-1)]);
    expect(await call('project.save', { path: '/etc/stepwise-test.stepwise', project: createProject('Sneaky') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('allows a project the user picked in the native dialog, and what is under a picked folder', async () => {
    const picked = await projectOutside('Picked');
    electron.dialogAnswer = { canceled: false, filePaths: [join(picked, 'project.json')] };
    expect(await call('dialog.chooseProject', {})).toEqual({ ok: true, value: { path: join(picked, 'project.json') } });
    expect(await call('project.open', { path: picked })).toMatchObject({ ok: true, value: { project: { name: 'Picked' } } });
    expect(await call('project.save', { path: picked, project: createProject('Picked, edited') })).toMatchObject({ ok: true });

    const folder = await mkdtemp(join(tmpdir(), 'stepwise-picked-folder-'));
    electron.dialogAnswer = { canceled: false, filePaths: [folder] };
    await call('dialog.chooseProject', {});
    expect(await call('project.save', { path: join(folder, 'Inside.stepwise'), project: createProject('Inside') })).toMatchObject({ ok: true });
    // Its neighbour was never picked.
    expect(await call('project.save', { path: join(folder, '..', 'Neighbour.stepwise'), project: createProject('Neighbour') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('allows a recent project from an earlier session', async () => {
    const earlier = await projectOutside('Earlier');
    const userData = (await import('./fakeElectron')).app.getPath();
    writeFileSync(join(userData, 'recent-projects.json'), JSON.stringify([{ path: earlier, name: 'Earlier', openedAt: new Date().toISOString() }]));
    expect(await call('project.open', { path: earlier })).toMatchObject({ ok: true, value: { project: { name: 'Earlier' } } });
  });

  it('allows projects in the projects folder, created or not yet', async () => {
    const created = await call('project.create', { name: 'Home' });
    expect(created.ok).toBe(true);
    const path = (created as { value: { path: string } }).value.path;
    expect(await call('project.open', { path })).toMatchObject({ ok: true });
    expect(await call('project.save', { path: join(projectsDir, 'Later.stepwise'), project: createProject('Later') })).toMatchObject({ ok: true });
  });
});

describe('userGrantedPaths', () => {
  it('compares real locations: a symlink inside a granted folder does not lead out of it', async () => {
    const home = await mkdtemp(join(tmpdir(), 'stepwise-granted-'));
    const secret = await mkdtemp(join(tmpdir(), 'stepwise-secret-'));
    const picked = join(home, 'picked');
    await mkdir(picked);
    await symlink(secret, join(picked, 'escape'));
    const policy = userGrantedPaths({ projectsDir: join(home, 'projects'), recentProjectDirs: async () => [] });
    await policy.grant(picked);
    expect(await policy.check(join(picked, 'a.stepwise'))).toBe(join(picked, 'a.stepwise'));
    await expect(policy.check(join(picked, 'escape', 'a.stepwise'))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
