import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/services/apiDispatcher';
import { confinedTo, type PathPolicy } from '../../main/services/pathPolicy';
import { createProject } from '../../shared/model/create';
import { webHandlersInTempDir } from './testHandlers';

let projectsDir: string;
let outside: string;
let policy: PathPolicy;

beforeEach(async () => {
  const base = await mkdtemp(join(tmpdir(), 'stepwise-paths-'));
  projectsDir = join(base, 'projects');
  outside = join(base, 'elsewhere');
  await mkdir(projectsDir);
  await mkdir(outside);
  policy = confinedTo(projectsDir);
});

async function refusal(path: string): Promise<{ code: string; message: string } | null> {
  try {
    await policy.check(path);
    return null;
  } catch (error) {
    return error as { code: string; message: string };
  }
}

describe('confinedTo (the web host path policy)', () => {
  it('accepts paths inside the projects folder and returns the real path it checked', async () => {
    await mkdir(join(projectsDir, 'Acme.stepwise'));
    expect(await policy.check(join(projectsDir, 'Acme.stepwise'))).toBe(join(projectsDir, 'Acme.stepwise'));
    expect(await policy.check('Acme.stepwise/project.json')).toBe(join(projectsDir, 'Acme.stepwise', 'project.json'));
    expect(await policy.check('New one.stepwise/deeper/project.json')).toBe(join(projectsDir, 'New one.stepwise', 'deeper', 'project.json'));
  });

  it.each([['..'], ['../elsewhere'], ['a/../..'], ['a/../../elsewhere/x.stepwise'], ['/etc/passwd'], ['./../projects/../..']])('refuses %s (a way out)', async (path) => {
    expect(await refusal(path)).toMatchObject({ code: 'forbidden' });
  });

  it.each([['..hidden.stepwise'], ['....'], ['...'], ['a/..b'], ['..stepwise/project.json']])('accepts %s (a name that starts with dots is not a way up)', async (path) => {
    expect(await policy.check(path)).toBe(join(projectsDir, path));
  });

  it('refuses a path through a directory symlink that points outside, even to a folder not created yet', async () => {
    await symlink(outside, join(projectsDir, 'evil'));
    for (const path of ['evil', 'evil/new.stepwise', 'evil/a/b/c/new.stepwise/project.json']) {
      expect(await refusal(path), path).toMatchObject({ code: 'forbidden' });
    }
  });

  it('refuses a dangling symlink, which creating a folder would follow', async () => {
    await symlink(join(outside, 'not-yet'), join(projectsDir, 'dangling'));
    expect(await refusal('dangling/new.stepwise')).toMatchObject({ code: 'forbidden', message: expect.stringContaining('does not exist') });
  });

  it('refuses a file symlink that points outside', async () => {
    await mkdir(join(projectsDir, 'Acme.stepwise'));
    await writeFile(join(outside, 'secret.json'), '{}');
    await symlink(join(outside, 'secret.json'), join(projectsDir, 'Acme.stepwise', 'project.json'));
    expect(await refusal('Acme.stepwise/project.json')).toMatchObject({ code: 'forbidden' });
  });

  it('accepts symlinks that point inside, and returns where they lead', async () => {
    await mkdir(join(projectsDir, 'Real.stepwise'));
    await symlink(join(projectsDir, 'Real.stepwise'), join(projectsDir, 'Alias.stepwise'));
    expect(await policy.check('Alias.stepwise/project.json')).toBe(join(projectsDir, 'Real.stepwise', 'project.json'));
  });

  it('accepts the projects folder reached through a symlink to it', async () => {
    const link = join(outside, 'projects-link');
    await symlink(projectsDir, link);
    expect(await confinedTo(link).check('Acme.stepwise')).toBe(join(projectsDir, 'Acme.stepwise'));
  });

  it('treats backslashes as the file system does: on POSIX a name, never a way out', async () => {
    for (const path of ['..\\..\\elsewhere', 'a\\..\\..\\x.stepwise', '..\\']) {
      const checked = await policy.check(path).catch(() => null);
      if (process.platform === 'win32') expect(checked).toBeNull();
      else expect(checked).toBe(join(projectsDir, path));
    }
  });

  it('checks NFC and NFD spellings of a name as what each is on disk', async () => {
    const nfd = 'Cafe\u0301';
    const nfc = 'Caf\u00e9';
    await symlink(outside, join(projectsDir, nfd));
    expect(await refusal(`${nfd}/x.stepwise`)).toMatchObject({ code: 'forbidden' });
    const nfcCheck = await policy.check(`${nfc}/x.stepwise`).catch((error: unknown) => error as Error);
    // Where the file system folds the two spellings together (macOS), NFC reaches the link and is refused;
    // where it keeps them apart (Linux), NFC is a different folder inside the projects folder.
    if (existsSync(join(projectsDir, nfc))) expect(nfcCheck).toMatchObject({ code: 'forbidden' });
    else expect(nfcCheck).toBe(join(projectsDir, nfc, 'x.stepwise'));
  });

  it('refuses a 5,000-character path with a clear error, and a too-long name too', async () => {
    expect(await refusal(`${'a/'.repeat(2_500)}x.stepwise`)).toMatchObject({ code: 'invalidInput', message: expect.stringMatching(/5,010 characters long; at most 4,096/) });
    expect(await refusal(`${'n'.repeat(300)}/x.stepwise`)).toMatchObject({ code: 'invalidInput', message: expect.stringContaining('name too long') });
  });

  it('refuses a symlink loop with a clear error', async () => {
    await symlink(join(projectsDir, 'loop-b'), join(projectsDir, 'loop-a'));
    await symlink(join(projectsDir, 'loop-a'), join(projectsDir, 'loop-b'));
    expect(await refusal('loop-a/x.stepwise')).toMatchObject({ code: 'forbidden', message: expect.stringContaining('loops') });
  });
});

const png = readFileSync(fileURLToPath(new URL('../fixtures/images/mockup.png', import.meta.url)));

describe('through the real handlers', () => {
  it('project.save into a symlinked folder is refused and nothing is written outside', async () => {
    const setup = await webHandlersInTempDir();
    const elsewhere = await mkdtemp(join(tmpdir(), 'stepwise-elsewhere-'));
    await symlink(elsewhere, join(setup.projectsDir, 'evil'));
    const dispatch = createDispatcher(setup.handlers, () => undefined);
    for (const path of [join(setup.projectsDir, 'evil', 'new.stepwise'), 'evil/new.stepwise', join(setup.projectsDir, 'evil', 'deep', 'er.stepwise', 'project.json')]) {
      const answer = await dispatch('project.save', { path, project: createProject('Escapes') });
      expect(answer, path).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('screen.addImage into a project whose images folder is a symlink to outside is refused', async () => {
    const setup = await webHandlersInTempDir();
    const elsewhere = await mkdtemp(join(tmpdir(), 'stepwise-elsewhere-'));
    const dispatch = createDispatcher(setup.handlers, () => undefined);
    const created = await setup.handlers['project.create']({ name: 'Linked images' });
    const { rm } = await import('node:fs/promises');
    await rm(join(created.path, 'images'), { recursive: true });
    await symlink(elsewhere, join(created.path, 'images'));
    const answer = await dispatch('screen.addImage', { projectPath: created.path, fileName: 'shot.png', dataBase64: png.toString('base64') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('leads outside the project') } });
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('project.readImage through an images folder that is a symlink to outside is refused', async () => {
    const setup = await webHandlersInTempDir();
    const elsewhere = await mkdtemp(join(tmpdir(), 'stepwise-elsewhere-'));
    const secret = `${'a'.repeat(64)}.png`;
    writeFileSync(join(elsewhere, secret), png);
    const dispatch = createDispatcher(setup.handlers, () => undefined);
    const created = await setup.handlers['project.create']({ name: 'Linked images' });
    const { rm } = await import('node:fs/promises');
    await rm(join(created.path, 'images'), { recursive: true });
    await symlink(elsewhere, join(created.path, 'images'));
    const answer = await dispatch('project.readImage', { path: created.path, file: secret });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('leads outside the project') } });
  });

  it('screen.addImage still stores images in an ordinary project', async () => {
    const setup = await webHandlersInTempDir();
    const dispatch = createDispatcher(setup.handlers, () => undefined);
    const created = await setup.handlers['project.create']({ name: 'Plain' });
    const answer = await dispatch('screen.addImage', { projectPath: created.path, fileName: 'shot.png', dataBase64: png.toString('base64') });
    expect(answer.ok).toBe(true);
    expect(readdirSync(join(created.path, 'images'))).toHaveLength(1);
  });
});
