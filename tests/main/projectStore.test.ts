import * as fs from 'node:fs/promises';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuilderApiError } from '../../shared/api/apiError';
import { createFlow, createProject } from '../../shared/model/create';
import type { Project } from '../../shared/model/project';
import { PROJECT_VERSION } from '../../shared/model/project';
import { storedProject } from '../../shared/project/storedElementMap';
import { stableStringify } from '../../shared/stableJson';
import { createProjectStore, IMAGES_DIR, JOURNAL_FILE, PROJECT_FILE } from '../../main/services/projectStore';
import { BACKUP_DIR } from '../../main/services/saveTransaction';
import { sampleProject } from '../fixtures/sampleProject';
import { steppedFolderFs } from '../fixtures/steppedFolderFs';

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

/** Every file under `folder` (relative path -> content and modification time), as a developer would list it. */
async function snapshot(folder: string): Promise<Map<string, { text: string; mtimeMs: number }>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)));
  const result = new Map<string, { text: string; mtimeMs: number }>();
  for (const file of files.sort()) result.set(file, { text: await readFile(join(folder, file), 'utf8'), mtimeMs: (await stat(join(folder, file))).mtimeMs });
  return result;
}

/** The files whose content or modification time differ between two snapshots, or that came or went. */
function touched(before: Map<string, { text: string; mtimeMs: number }>, after: Map<string, { text: string; mtimeMs: number }>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name)?.text !== after.get(name)?.text || before.get(name)?.mtimeMs !== after.get(name)?.mtimeMs).sort();
}

const flowFile = (flow: { id: string }) => `flows/${flow.id}.json`;
const projectFiles = (files: Iterable<string>) => [...files].filter((file) => !file.startsWith(`${BACKUP_DIR}/`));

describe('project store: a project is a folder of small files', () => {
  it('creates a folder with project.json, a file a flow and a file a screen, images/ and a .gitignore, and opens it again', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const created = await store.create('Acme onboarding', project);
    expect(created.path).toBe(join(dir, 'Acme onboarding.stepwise'));
    expect((await readdir(created.path)).sort()).toEqual(['.gitattributes', '.gitignore', 'flows', IMAGES_DIR, PROJECT_FILE, 'screens']);
    expect((await readdir(join(created.path, 'flows'))).sort()).toEqual(project.flows.map((flow) => `${flow.id}.json`).sort());
    expect(await readdir(join(created.path, 'screens'))).toEqual(['screen_home.json']);

    // project.json holds the settings only; each flow file holds its flow and its place in the outline.
    const main = await readFile(join(created.path, PROJECT_FILE), 'utf8');
    expect(main.startsWith(`{\n  "format": "stepwise.project",\n  "version": ${PROJECT_VERSION},`)).toBe(true);
    expect(JSON.parse(main)).not.toHaveProperty('flows');
    const tour = JSON.parse(await readFile(join(created.path, flowFile(project.flows[0]!)), 'utf8')) as { flow: unknown; order: string };
    expect(tour.flow).toEqual(storedProject(project).flows[0]);
    expect(typeof tour.order).toBe('string');
    // What Stepwise keeps for itself stays out of git.
    expect(await readFile(join(created.path, '.gitignore'), 'utf8')).toContain(`${BACKUP_DIR}/`);

    const opened = await store.open(created.path);
    expect(opened.project).toEqual(project);
    expect(opened.diskVersion).toBe(created.diskVersion);
    expect((await store.open(join(created.path, PROJECT_FILE))).path).toBe(created.path);
  });

  it('never reuses a folder: a second project of the same name gets its own', async () => {
    const store = createProjectStore({ projectsDir: dir });
    await store.create('Acme', sampleProject());
    expect((await store.create('Acme', sampleProject())).path).toBe(join(dir, 'Acme 2.stepwise'));
    expect((await store.create('a/b:c', sampleProject())).path).toBe(join(dir, 'a-b-c.stepwise'));
  });

  it('writes only the file of the flow that changed; the others keep their content and time, and .backup/ holds the old one', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const { path } = await store.create('Acme', project);
    const before = await snapshot(path);
    const edited = project.flows[1]!;
    const saved = await store.save(path, { ...project, flows: project.flows.map((flow) => (flow === edited ? { ...flow, name: 'New reports, renamed' } : flow)) });
    const after = await snapshot(path);
    expect(projectFiles(touched(before, after))).toEqual([flowFile(edited)]);
    expect(after.get(`${BACKUP_DIR}/${flowFile(edited)}`)?.text).toBe(before.get(flowFile(edited))!.text);
    expect(saved.diskVersion).toBe(await store.diskVersion(path));
    expect((await store.open(path)).project.flows[1]!.name).toBe('New reports, renamed');

    // Saving the same project again writes nothing at all.
    await store.save(path, (await store.open(path)).project);
    expect(touched(after, await snapshot(path))).toEqual([]);
  });

  it('moving a flow in the outline rewrites only the moved flow (its order line)', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const { path } = await store.create('Acme', project);
    const before = await snapshot(path);
    const moved = project.flows[3]!;
    const reordered = [moved, ...project.flows.slice(0, 3)];
    await store.save(path, { ...project, flows: reordered });
    const after = await snapshot(path);
    expect(projectFiles(touched(before, after))).toEqual([flowFile(moved)]);
    const diff = after.get(flowFile(moved))!.text.split('\n').filter((line, index) => line !== before.get(flowFile(moved))!.text.split('\n')[index]);
    expect(diff).toEqual([expect.stringMatching(/^ {2}"order": "[^"]+"$/)]);
    expect((await store.open(path)).project.flows.map((flow) => flow.id)).toEqual(reordered.map((flow) => flow.id));
  });

  it('removes the file of a removed flow (kept in .backup/) and adds one for a new flow; the last save alone is in .backup/', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const { path } = await store.create('Acme', project);
    const removed = project.flows[2]!;
    const removedText = await readFile(join(path, flowFile(removed)), 'utf8');
    const added = createFlow('survey', 'Exit survey', 'en');
    const next = { ...project, flows: [...project.flows.filter((flow) => flow !== removed), added] };
    await store.save(path, next);
    expect((await readdir(join(path, 'flows'))).sort()).toEqual(next.flows.map((flow) => `${flow.id}.json`).sort());
    expect(await readFile(join(path, BACKUP_DIR, flowFile(removed)), 'utf8')).toBe(removedText);
    expect((await store.open(path)).project).toEqual(next);

    // One save back: the next save's backup replaces this one.
    await store.save(path, { ...next, name: 'Acme 2' });
    expect([...(await snapshot(join(path, BACKUP_DIR))).keys()]).toEqual([PROJECT_FILE]);
  });

  it('a failed save (the disk is full) says so, and the old project stays as it was, without temp files', async () => {
    const project = sampleProject();
    const { path } = await createProjectStore({ projectsDir: dir }).create('Acme', project);
    const before = await snapshot(path);
    const full = steppedFolderFs(({ operation, path: file }) => {
      if (operation === 'writeFile' && file.includes('flows')) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    const store = createProjectStore({ projectsDir: dir, fs: full });
    const error = await rejection(store.save(path, { ...project, name: 'Acme v2', flows: project.flows.map((flow) => ({ ...flow, name: `${flow.name}!` })) }));
    expect(error.code).toBe('io');
    expect(error.message).toBe(`Could not save the project to ${path}: the disk is full.`);
    expect(touched(before, await snapshot(path))).toEqual([]);
    expect((await createProjectStore({ projectsDir: dir }).open(path)).project).toEqual(project);
  });

  it('refuses a damaged flow file with its name and line, and overwrites nothing (neither on open nor on a later save)', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const { path } = await store.create('Acme', project);
    const file = join(path, flowFile(project.flows[0]!));
    const damaged = (await readFile(file, 'utf8')).replace('"name": "Welcome tour",', '"name": "Welcome tour"');
    const editor = createProjectStore({ projectsDir: dir });
    await editor.open(path);
    await writeFile(file, damaged);

    const error = await rejection(store.open(path));
    expect(error.code).toBe('damaged');
    expect(error.file).toBe(file);
    expect(error.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is damaged: a missing "," at line \\d+, column \\d+`));

    // An editor that had the project open before the damage does not save over it either.
    const before = await snapshot(path);
    const refused = await rejection(editor.save(path, { ...project, name: 'Acme v2' }));
    expect(refused.code).toBe('damaged');
    expect(refused.file).toBe(file);
    expect(refused.message).toContain(`Did not save: ${file} was changed on disk and is damaged (a missing "," at line`);
    expect(touched(before, await snapshot(path))).toEqual([]);
  });

  it('does not save over a file left with git conflict markers, and names it and the line', async () => {
    const project = sampleProject();
    const editor = createProjectStore({ projectsDir: dir });
    const { path } = await editor.create('Acme', project);
    const file = join(path, flowFile(project.flows[0]!));
    const text = await readFile(file, 'utf8');
    const line = text.split('\n').findIndex((row) => row.includes('"name": "Welcome tour"'));
    const rows = text.split('\n');
    rows.splice(line, 1, '<<<<<<< HEAD', '    "name": "Welcome tour",', '=======', '    "name": "Welcome, new people",', '>>>>>>> theirs');
    await writeFile(file, rows.join('\n'));
    const before = await snapshot(path);
    const refused = await rejection(editor.save(path, { ...project, name: 'Acme v2' }));
    expect(refused.code).toBe('mergeConflict');
    expect(refused.message).toBe(
      `Did not save: ${basename(path)}/flows/${basename(file)} has git conflict markers from a merge at line ${line + 1}. Keep one side in the file, then \`git add\` it and commit to finish the merge; nothing was written, and your changes stay in the editor meanwhile.`,
    );
    expect(touched(before, await snapshot(path))).toEqual([]);
  });

  it('ignores files in flows/ that are not flow files (notes, .orig, hidden), and names a foreign JSON file there', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const { path } = await store.create('Acme', project);
    await writeFile(join(path, 'flows', 'README.md'), '# Our flows\n');
    await writeFile(join(path, 'flows', `${project.flows[0]!.id}.json.orig`), '{ "left": "by git mergetool" }');
    await writeFile(join(path, 'flows', '.DS_Store'), '\0\0');
    expect((await store.open(path)).project).toEqual(project);
    await store.save(path, { ...project, name: 'Acme v2' });
    expect((await readdir(join(path, 'flows'))).sort()).toEqual([...project.flows.map((flow) => `${flow.id}.json`), '.DS_Store', 'README.md', `${project.flows[0]!.id}.json.orig`].sort());

    const foreign = join(path, 'flows', 'settings.json');
    await writeFile(foreign, '{ "theme": "dark" }\n');
    const error = await rejection(store.open(path));
    expect(error.code).toBe('invalid');
    expect(error.file).toBe(foreign);
    expect(error.message).toBe(`${foreign} is not a Stepwise flow file: it should hold {"flow": {...}, "order": "..."}. Nothing was changed.`);
  });

  it('refuses a flows/ folder that is a link to somewhere else (a save would write and move files there)', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const { path } = await store.create('Acme', project);
    const outside = join(dir, 'outside');
    await fs.mkdir(outside);
    await writeFile(join(outside, 'keep.json'), '{ "mine": true }\n');
    await fs.rm(join(path, 'flows'), { recursive: true });
    await fs.symlink(outside, join(path, 'flows'));
    const opening = await rejection(store.open(path));
    expect(opening.code).toBe('forbidden');
    expect(opening.message).toBe(`${join(path, 'flows')} is a link, not a folder of the project: Stepwise keeps a project's files inside its folder. Replace it with a plain folder; nothing was read.`);
    const saving = await rejection(store.save(path, project));
    expect(saving.code).toBe('forbidden');
    expect(await readdir(outside)).toEqual(['keep.json']);
  });

  it('a save writes the editor\'s project even over a flow changed on disk since it opened (the other version goes to .backup/)', async () => {
    const editor = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const { path } = await editor.create('Acme', project);
    const { diskVersion } = await editor.open(path);
    // Someone else (a git pull, another program) changes one flow and adds another while the editor has it open.
    const theirs = join(path, flowFile(project.flows[2]!));
    const theirText = (await readFile(theirs, 'utf8')).replace('"Getting started"', '"Getting started (theirs)"');
    await writeFile(theirs, theirText);
    const theirNew = { ...createFlow('hotspot', 'Their hotspot', 'en'), id: 'flow_theirs' };
    await writeFile(join(path, flowFile(theirNew)), stableStringify({ flow: theirNew, order: 'a9' }));
    expect(await editor.diskVersion(path)).not.toBe(diskVersion);

    const mine: Project = { ...project, flows: project.flows.map((flow, index) => (index === 0 ? { ...flow, name: 'Welcome tour (mine)' } : flow)) };
    await editor.save(path, mine);
    // The folder is exactly the editor's project: not a mix of its edit and the change it never saw.
    expect((await createProjectStore({ projectsDir: dir }).open(path)).project).toEqual(mine);
    expect(await readFile(join(path, BACKUP_DIR, flowFile(project.flows[2]!)), 'utf8')).toBe(theirText);
    expect(JSON.parse(await readFile(join(path, BACKUP_DIR, flowFile(theirNew)), 'utf8'))).toEqual({ flow: theirNew, order: 'a9' });
  });

  it('opening while a save of the same project runs waits for it (a reload during an autosave), then reads the saved project', async () => {
    const project = sampleProject();
    const { path } = await createProjectStore({ projectsDir: dir }).create('Acme', project);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let reachedPlan = false;
    const store = createProjectStore({
      projectsDir: dir,
      fs: steppedFolderFs(async ({ operation, path: file }) => {
        if (operation === 'open' && file.includes('.save-in-progress.json') && !reachedPlan) {
          reachedPlan = true;
          await released;
        }
      }),
    });
    const next = { ...project, name: 'Acme v2', flows: project.flows.slice(1) };
    const saving = store.save(path, next);
    await expect.poll(() => reachedPlan).toBe(true);
    let opened: Project | null = null;
    // The save's temp files are all written and waiting for the plan; the open must not sweep them away.
    const opening = store.open(path).then((result) => (opened = result.project));
    release();
    await saving;
    await opening;
    expect(opened).toEqual(next);
  });

  it('the first save of a single-file project (format 3) writes the folder and keeps the old file beside it', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const path = join(dir, 'Old.stepwise');
    await fs.mkdir(path);
    const single = stableStringify({ ...storedProject(project), version: 3 });
    await writeFile(join(path, PROJECT_FILE), single);
    const opened = await store.open(path);
    expect(opened.project).toEqual(project);
    expect(opened.notices[0]).toContain('keeps the old file as project-format-3.json.bak');
    await store.save(path, opened.project);
    expect((await readdir(path)).sort()).toEqual(['.backup', '.gitattributes', '.gitignore', 'flows', IMAGES_DIR, 'project-format-3.json.bak', PROJECT_FILE, 'screens']);
    expect(await readFile(join(path, 'project-format-3.json.bak'), 'utf8')).toBe(single);
    expect((await store.open(path)).project).toEqual(project);
  });

  it('refuses a project from a newer version and leaves it as it was', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const { path } = await store.create('Acme', sampleProject());
    const file = join(path, PROJECT_FILE);
    const newer = (await readFile(file, 'utf8')).replace(`"version": ${PROJECT_VERSION}`, `"version": ${PROJECT_VERSION + 3}`);
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

  it('saves a copy as its own folder (with its images and a .gitignore) under a new name and leaves the original alone', async () => {
    const store = createProjectStore({ projectsDir: dir });
    const project = sampleProject();
    const { path } = await store.create('Acme', project);
    const image = project.screens[0]!.image.file;
    await writeFile(join(path, IMAGES_DIR, image), 'png bytes');
    const before = await snapshot(path);
    const copy = await store.saveAs(path, 'Acme copy', { ...project, flows: [...project.flows, createFlow('survey', 'Extra', 'en')] });
    expect(copy.path).toBe(join(dir, 'Acme copy.stepwise'));
    expect(copy.project.name).toBe('Acme copy');
    expect(await readFile(join(copy.path, IMAGES_DIR, image), 'utf8')).toBe('png bytes');
    expect(await readdir(join(copy.path, 'flows'))).toHaveLength(5);
    expect(await readdir(copy.path)).toContain('.gitignore');
    expect(touched(before, await snapshot(path))).toEqual([]);
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
    // The editor reading its open project again (a git pull) has its unsaved work in memory: no offer.
    expect((await store.open(path, { offerRecovery: false })).recovery).toBeUndefined();

    // A damaged journal offers nothing rather than failing the open.
    await writeFile(join(path, JOURNAL_FILE), '{ "format": ');
    expect((await store.open(path)).recovery).toBeUndefined();

    // An older journal than the project's files is stale.
    await store.writeJournal(path, edited);
    await fs.utimes(join(path, JOURNAL_FILE), new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect((await store.open(path)).recovery).toBeUndefined();

    await store.writeJournal(path, edited);
    await store.discardJournal(path);
    expect((await store.open(path)).recovery).toBeUndefined();
  });

  it('made on an older version of the files (the app closed, then a git pull): still offered, saying the files changed since; never saved into the project', async () => {
    const store = createProjectStore({ projectsDir: await mkdtemp(join(tmpdir(), 'stepwise-journal-')) });
    const base = { ...createProject('Journal'), flows: [createFlow('tour', 'Welcome', 'en'), createFlow('survey', 'NPS', 'en')] };
    const created = await store.create('Journal', base);
    const mine = { ...base, flows: [{ ...base.flows[0]!, name: 'Welcome (mine)' }, base.flows[1]!] };
    await store.writeJournal(created.path, mine, created.diskVersion);

    // On the same files: an ordinary recovery.
    const same = await store.open(created.path);
    expect(same.recovery?.project.flows[0]!.name).toBe('Welcome (mine)');
    expect(same.recovery?.filesChangedSince).toBeUndefined();
    expect(Object.keys(same.recovery!.project)).not.toContain('journalOfDiskVersion');

    // A teammate's change arrives after the journal was written (newer files): offered, with the warning.
    const theirs = { ...base, flows: [base.flows[0]!, { ...base.flows[1]!, name: 'NPS (theirs)' }] };
    await createProjectStore({ projectsDir: created.path }).save(created.path, theirs);
    const later = await store.open(created.path);
    expect(later.project.flows[1]!.name).toBe('NPS (theirs)');
    expect(later.recovery?.project.flows.map((flow) => flow.name)).toEqual(['Welcome (mine)', 'NPS']);
    expect(later.recovery?.filesChangedSince).toBe(true);

    // Saving the recovered project writes no journal bookkeeping into the project's files.
    await store.save(created.path, later.recovery!.project);
    expect(await readFile(join(created.path, PROJECT_FILE), 'utf8')).not.toContain('journalOfDiskVersion');
  });
});
