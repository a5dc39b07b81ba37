import * as fs from 'node:fs/promises';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuilderApiError } from '../../shared/api/apiError';
import { createFlow, createProject } from '../../shared/model/create';
import { PROJECT_VERSION } from '../../shared/model/project';
import { storedProject } from '../../shared/project/storedElementMap';
import { stableStringify } from '../../shared/stableJson';
import type { AtomicFs } from '../../main/services/atomicWrite';
import { createProjectStore, IMAGES_DIR, JOURNAL_FILE, PROJECT_FILE } from '../../main/services/projectStore';
import { sampleProject } from '../fixtures/sampleProject';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stepwise-store-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<BuilderApiError> {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(BuilderApiError);
  return error as BuilderApiError;
}

describe('project store', () => {
  it('creates a project folder with pretty, stable JSON and an images folder, and opens it again', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const created = await store.create('Acme onboarding', project);
    expect(created.path).toBe(join(dir, 'Acme onboarding.stepwise'));
    const text = await readFile(join(created.path, PROJECT_FILE), 'utf8');
    expect(text).toBe(stableStringify(storedProject(project)));
    expect(text.startsWith(`{\n  "format": "stepwise.project",\n  "version": ${PROJECT_VERSION},`)).toBe(true);
    expect(await readdir(created.path)).toEqual(expect.arrayContaining([IMAGES_DIR, PROJECT_FILE]));
    expect((await store.open(created.path)).project).toEqual(project);
    expect((await store.open(join(created.path, PROJECT_FILE))).path).toBe(created.path);
  });

  it('never reuses a folder: a second project of the same name gets its own', async () => {
    const store = createProjectStore({ projectsDir: dir });
    await store.create('Acme', sampleProject());
    expect((await store.create('Acme', sampleProject())).path).toBe(join(dir, 'Acme 2.stepwise'));
    expect((await store.create('a/b:c', sampleProject())).path).toBe(join(dir, 'a-b-c.stepwise'));
  });

  it('keeps the previous version as project.json.bak on every save', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const { path } = await store.create('Acme', project);
    const first = await readFile(join(path, PROJECT_FILE), 'utf8');
    await store.save(path, { ...project, name: 'Acme v2' });
    expect(await readFile(join(path, `${PROJECT_FILE}.bak`), 'utf8')).toBe(first);
    expect((await store.open(path)).project.name).toBe('Acme v2');
  });

  it('leaves the old project intact and loadable when a save is interrupted between the temp file and the rename', async () => {
    const crashing: AtomicFs = {
      ...fs,
      rename: async (from, to) => {
        if (String(to).endsWith(PROJECT_FILE)) throw Object.assign(new Error('simulated power loss'), { code: 'EIO' });
        return fs.rename(from, to);
      },
    };
    const project = sampleProject();
    const { path } = await createProjectStore({ projectsDir: dir }).create('Acme', project);
    const before = await readFile(join(path, PROJECT_FILE), 'utf8');
    const store = createProjectStore({ projectsDir: dir, fs: crashing });
    const error = await rejection(store.save(path, { ...project, flows: [] }));
    expect(error.code).toBe('io');
    expect(error.message).toContain('simulated power loss');
    expect(await readFile(join(path, PROJECT_FILE), 'utf8')).toBe(before);
    expect((await store.open(path)).project).toEqual(project);
    expect((await readdir(path)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('cleans up temp files a crash left behind the next time the project opens', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const { path } = await store.create('Acme', sampleProject());
    await writeFile(join(path, `${PROJECT_FILE}.tmp-abc123`), '{"half": ');
    await store.open(path);
    expect(await readdir(path)).not.toContain(`${PROJECT_FILE}.tmp-abc123`);
  });

  it('refuses a damaged file with its name and place, and overwrites nothing', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const { path } = await store.create('Acme', sampleProject());
    const file = join(path, PROJECT_FILE);
    const damaged = (await readFile(file, 'utf8')).replace('"flows": [', '"flows": [,');
    await writeFile(file, damaged);
    const error = await rejection(store.open(path));
    expect(error.code).toBe('damaged');
    expect(error.file).toBe(file);
    expect(error.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is damaged: a missing value at line \\d+, column \\d+`));
    expect(await readFile(file, 'utf8')).toBe(damaged);
  });

  it('refuses a file from a newer version and leaves it as it was', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const { path } = await store.create('Acme', sampleProject());
    const file = join(path, PROJECT_FILE);
    const newer = JSON.stringify({ ...sampleProject(), version: PROJECT_VERSION + 3 });
    await writeFile(file, newer);
    const error = await rejection(store.open(path));
    expect(error.code).toBe('versionTooNew');
    expect(error.message).toContain(file);
    expect(await readFile(file, 'utf8')).toBe(newer);
  });

  it('says clearly when there is no project at a path', async () => {
    const error = await rejection(createProjectStore({ projectsDir: dir }).open(join(dir, 'nope.stepwise')));
    expect(error.code).toBe('notFound');
    expect(error.message).toBe(`Could not open the project ${join(dir, 'nope.stepwise', PROJECT_FILE)}: it does not exist.`);
  });

  it('saves a copy with its images under a new name and leaves the original alone', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const { path } = await store.create('Acme', project);
    const image = project.screens[0]!.image.file;
    await writeFile(join(path, IMAGES_DIR, image), 'png bytes');
    const copy = await store.saveAs(path, 'Acme copy', { ...project, flows: [...project.flows, createFlow('survey', 'Extra', 'en')] });
    expect(copy.path).toBe(join(dir, 'Acme copy.stepwise'));
    expect(copy.project.name).toBe('Acme copy');
    expect(await readFile(join(copy.path, IMAGES_DIR, image), 'utf8')).toBe('png bytes');
    expect((await store.open(path)).project.flows).toHaveLength(4);
    expect((await store.open(copy.path)).project.flows).toHaveLength(5);
  });

  it('lists the projects in its folder', async () => {
    const store = createProjectStore({ projectsDir: dir });
    await store.create('B', sampleProject());
    await store.create('A', sampleProject());
    await fs.mkdir(join(dir, 'not-a-project'));
    expect(await store.listProjectDirs()).toEqual([join(dir, 'A.stepwise'), join(dir, 'B.stepwise')]);
  });
});

describe('the journal of unsaved work', () => {
  it('is offered back when newer and different, and not once saved or discarded', async () => {
    const store = createProjectStore({ projectsDir: await mkdtemp(join(tmpdir(), 'stepwise-journal-')) });
    const { path, project } = await store.create('Journal', createProject('Journal'));
    expect((await store.open(path)).recovery).toBeUndefined();

    const edited = { ...project, flows: [createFlow('survey', 'NPS', 'en')] };
    await store.writeJournal(path, edited);
    const opened = await store.open(path);
    expect(opened.project.flows).toHaveLength(0);
    expect(opened.recovery?.project.flows.map((flow) => flow.name)).toEqual(['NPS']);

    // A damaged journal offers nothing rather than failing the open.
    await writeFile(join(path, JOURNAL_FILE), '{ "format": ');
    expect((await store.open(path)).recovery).toBeUndefined();

    // An older journal than the project file is stale.
    await store.writeJournal(path, edited);
    await fs.utimes(join(path, JOURNAL_FILE), new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect((await store.open(path)).recovery).toBeUndefined();

    await store.writeJournal(path, edited);
    await store.discardJournal(path);
    expect((await store.open(path)).recovery).toBeUndefined();
  });
});
