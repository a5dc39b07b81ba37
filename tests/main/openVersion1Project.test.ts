import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/runCli';
import { createProjectStore, PROJECT_FILE } from '../../main/services/projectStore';
import { buildBundle, serializeBundle } from '../../shared/bundle/buildBundle';
import { PROJECT_VERSION } from '../../shared/model/project';
import { projectFolderFiles } from '../../shared/project/projectFolder';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

/** Single-file projects written by older Stepwise versions, byte for byte (see each fixture's README). */
const OLD_PROJECTS = [
  { name: 'format 1 (formatV1)', file: fixture('formatV1/project.json'), version: 1 },
  { name: 'format 1, the golden project', file: fixture('golden/Golden.stepwise/project.json'), version: 1 },
  { name: 'format 2 (formatV2)', file: fixture('formatV2/project.json'), version: 2 },
];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stepwise-migrate-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function exportWithCli(project: string, out: string): Promise<string> {
  const lines: string[] = [];
  const code = await runCli(['export', project, '--out', out], { out: (text) => lines.push(text), err: (text) => lines.push(text) });
  expect(code, lines.join('\n')).toBe(0);
  return readFile(out, 'utf8');
}

/** Every file of the folder, relative, sorted (hidden files included). */
async function filesIn(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

describe('a single-file project from an older version', () => {
  for (const old of OLD_PROJECTS) {
    it(`${old.name}: opens with a notice, is untouched until saved, saves as a folder with the old file kept, reopens as it was`, async () => {
      const path = join(dir, 'Old.stepwise');
      await mkdir(path);
      await copyFile(old.file, join(path, PROJECT_FILE));
      const oldText = await readFile(old.file, 'utf8');
      const store = createProjectStore({ projectsDir: dir });

      const opened = await store.open(path);
      expect(opened.notices[0]).toBe(
        `This project was upgraded from format ${old.version}. Saving writes it as a folder of small files (a file a flow and a file a screen, so a team's changes merge in git) and keeps the old file as project-format-${old.version}.json.bak.`,
      );
      expect(await filesIn(path)).toEqual([PROJECT_FILE]);
      expect(await readFile(join(path, PROJECT_FILE), 'utf8')).toBe(oldText);

      await store.save(path, opened.project);
      const expected = projectFolderFiles(opened.project);
      for (const [name, text] of expected) expect(await readFile(join(path, name), 'utf8'), name).toBe(text);
      expect(await readFile(join(path, `project-format-${old.version}.json.bak`), 'utf8')).toBe(oldText);
      const main = JSON.parse(await readFile(join(path, PROJECT_FILE), 'utf8')) as Record<string, unknown>;
      expect(main.version).toBe(PROJECT_VERSION);
      expect(main).not.toHaveProperty('flows');
      expect(main).not.toHaveProperty('screens');
      expect((await filesIn(path)).filter((name) => !name.startsWith('.backup/')).sort()).toEqual(
        [...expected.keys(), `project-format-${old.version}.json.bak`, '.gitattributes', '.gitignore'].sort(),
      );

      const reopened = await store.open(path);
      expect(reopened.notices).toEqual([]);
      expect(reopened.project).toEqual(opened.project);
      // A second save of the same project writes nothing: the migration happened once.
      const before = await filesIn(path);
      const version = await store.diskVersion(path);
      await store.save(path, reopened.project);
      expect(await store.diskVersion(path)).toBe(version);
      expect(await filesIn(path)).toEqual(before);
    });

    it(`${old.name}: exports the same bundle, byte for byte, before and after it became a folder`, async () => {
      const path = join(dir, 'Old.stepwise');
      await mkdir(path);
      await copyFile(old.file, join(path, PROJECT_FILE));
      const store = createProjectStore({ projectsDir: dir });
      const opened = await store.open(path);
      const before = serializeBundle(buildBundle(opened.project));
      await store.save(path, opened.project);
      const after = serializeBundle(buildBundle((await store.open(path)).project));
      expect(after).toBe(before);
    });
  }

  it('the golden project, through `stepwise export`: the committed bundle before the migration and after it', async () => {
    const path = join(dir, 'Golden.stepwise');
    await mkdir(path);
    await copyFile(fixture('golden/Golden.stepwise/project.json'), join(path, PROJECT_FILE));
    const committed = await readFile(fixture('golden/bundle.json'), 'utf8');
    expect(await exportWithCli(path, join(dir, 'before.json'))).toBe(committed);
    const store = createProjectStore({ projectsDir: dir });
    const opened = await store.open(path);
    // The golden file repeats a screen id; the load gives the second one a fresh id, which the folder keeps.
    expect(opened.notices.some((notice) => notice.includes('repeated the id "demo_dashboard"'))).toBe(true);
    await store.save(path, opened.project);
    expect(await filesIn(join(path, 'screens'))).toHaveLength(2);
    expect(await exportWithCli(path, join(dir, 'after.json'))).toBe(committed);
    expect((await store.open(path)).notices).toEqual([]);
  });
});
