import * as fs from 'node:fs/promises';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuilderApiError } from '../../shared/api/apiError';
import type { Project } from '../../shared/model/project';
import { flowFile } from '../../shared/project/projectFolder';
import { createProjectStore } from '../../main/services/projectStore';
import { sampleProject } from '../fixtures/sampleProject';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stepwise-changed-on-disk-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const renamedFlow = (project: Project, name: string): Project => ({ ...project, flows: project.flows.map((flow, index) => (index === 0 ? { ...flow, name } : flow)) });

describe('a save with the version the editor merged last', () => {
  it('is refused when someone else changed the files since, and writes nothing', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const { path, diskVersion } = await store.create('Acme', project);
    // A teammate's change arrives (a git pull): another flow's file.
    const theirs = join(path, flowFile(project.flows[1]!.id));
    const pulled = (await readFile(theirs, 'utf8')).replace('"New reports"', '"Reports beacon"');
    await writeFile(theirs, pulled);
    const mine = join(path, flowFile(project.flows[0]!.id));
    const before = await readFile(mine, 'utf8');

    const error = await store.save(path, renamedFlow(project, 'Mine'), diskVersion).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(BuilderApiError);
    expect((error as BuilderApiError).code).toBe('changedOnDisk');
    expect((error as BuilderApiError).message).toContain('changed on disk since they were last read here');
    expect(await readFile(mine, 'utf8')).toBe(before);
    expect(await readFile(theirs, 'utf8')).toBe(pulled);

    // With the version now on disk (after the editor merged), it saves.
    const saved = await store.save(path, renamedFlow((await store.open(path)).project, 'Mine'), await store.diskVersion(path));
    expect(saved.diskVersion).toBe(await store.diskVersion(path));
    expect(await readFile(mine, 'utf8')).toContain('"Mine"');
    expect(await readFile(theirs, 'utf8')).toContain('"Reports beacon"');
  });

  it('without a version saves as before (callers inside main, the CLI)', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const { path } = await store.create('Acme', sampleProject());
    await expect(store.save(path, renamedFlow(sampleProject(), 'Mine'))).resolves.toMatchObject({ path });
  });
});
