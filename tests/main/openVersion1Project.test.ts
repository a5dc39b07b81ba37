import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProjectStore, PROJECT_FILE } from '../../main/services/projectStore';
import { PROJECT_VERSION } from '../../shared/model/project';
import { storedProject } from '../../shared/project/storedElementMap';
import { stableStringify } from '../../shared/stableJson';

const v1File = fileURLToPath(new URL('../fixtures/formatV1/project.json', import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stepwise-v1-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a project saved by version 1', () => {
  it('opens with an upgrade notice, is left as it was until saved, then is the current version with the old file as the backup', async () => {
    const path = join(dir, 'Old.stepwise');
    await mkdir(path);
    await copyFile(v1File, join(path, PROJECT_FILE));
    const v1Text = await readFile(v1File, 'utf8');
    const store = createProjectStore({ projectsDir: dir });
    const opened = await store.open(path);
    expect(opened.notices).toEqual(['This project was upgraded from format 1; saving writes the new format.']);
    expect(await readFile(join(path, PROJECT_FILE), 'utf8')).toBe(v1Text);
    await store.save(path, opened.project);
    expect(await readFile(join(path, PROJECT_FILE), 'utf8')).toBe(stableStringify(storedProject(opened.project)));
    expect(await readFile(join(path, PROJECT_FILE), 'utf8')).toContain(`"version": ${PROJECT_VERSION},`);
    expect(await readFile(join(path, `${PROJECT_FILE}.bak`), 'utf8')).toBe(v1Text);
    const reopened = await store.open(path);
    expect(reopened.notices).toEqual([]);
    expect(reopened.project).toEqual(opened.project);
  });
});
