import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProjectStore } from '../../main/services/projectStore';
import { BACKUP_DIR, SAVE_PLAN_FILE, commitFolderChanges } from '../../main/services/saveTransaction';
import { BuilderApiError } from '../../shared/api/apiError';
import { createFlow } from '../../shared/model/create';
import type { Project } from '../../shared/model/project';
import { sampleProject } from '../fixtures/sampleProject';
import { steppedFolderFs, type FsStep } from '../fixtures/steppedFolderFs';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'stepwise-save-transaction-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Every path under `dir`, relative, for "nothing left behind" checks. */
async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** The old project and a save that touches every kind of file: edits, a removal, an addition, a move. */
function oldAndNew(): { old: Project; next: Project } {
  const old = sampleProject();
  const [tour, hotspot, checklist, survey] = old.flows;
  const next: Project = {
    ...old,
    name: 'Acme onboarding v2',
    screens: [{ ...old.screens[0]!, name: 'Home page' }],
    flows: [checklist!, { ...tour!, name: 'Welcome tour, shorter' }, survey!, { ...createFlow('hotspot', 'Billing', 'en'), id: 'flow_billing' }],
  };
  expect(next.flows.map((flow) => flow.id)).not.toContain(hotspot!.id);
  return { old, next };
}

/** A step as the test names it: the operation and the path inside the project, temp suffixes cut. */
const named = (dir: string, step: FsStep) => `${step.operation} ${relative(dir, step.path).replace(/\.tmp-\d+-[0-9a-f]+$/, '.tmp') || '.'}`;

describe('a save across files that fails at one file-system step', () => {
  it('leaves the old project or the new one at every step, and a retried save completes it', async () => {
    const { old, next } = oldAndNew();
    const plain = createProjectStore({ projectsDir: work });

    // A save that does not fail, to learn its steps and its commit point.
    const dryRun: FsStep[] = [];
    const dryStore = createProjectStore({ projectsDir: work, fs: steppedFolderFs((step) => void dryRun.push(step)) });
    const dry = (await plain.create('Dry run', old)).path;
    await dryStore.save(dry, next);
    const steps = dryRun.map((step) => named(dry, step));
    const commit = steps.indexOf(`rename ${SAVE_PLAN_FILE}`);
    expect(commit, steps.join('\n')).toBeGreaterThan(0);
    // Every kind of step a multi-file save takes is in there, before and after the commit point.
    for (const kind of ['mkdir', 'open', 'writeFile', 'sync', 'close', 'rm', 'copyFile', 'rename']) expect(steps.some((step) => step.startsWith(`${kind} `)), kind).toBe(true);
    expect(steps.slice(commit + 1)).toEqual(expect.arrayContaining([`copyFile ${BACKUP_DIR}/flows/${old.flows[0]!.id}.json`, `rename ${BACKUP_DIR}/flows/${old.flows[1]!.id}.json`]));
    // Folders are fsynced best effort (not every platform can), so a failure there does not fail the save.
    const syncedFolders = new Set(dryRun.filter((step) => step.flags === 'r').map((step) => step.path));

    const outcomes = { old: 0, new: 0 };
    for (let j = 0; j < steps.length; j++) {
      const path = (await plain.create(`Fail at ${j}`, old)).path;
      let failAt = j;
      let seen = 0;
      let failed = '';
      const store = createProjectStore({
        projectsDir: work,
        fs: steppedFolderFs((step) => {
          if (seen++ !== failAt) return;
          failed = named(path, step);
          throw Object.assign(new Error(`simulated failure at step ${j}`), { code: 'EIO' });
        }),
      });
      const result = await store.save(path, next).then(
        () => 'saved' as const,
        (error: unknown) => error,
      );
      expect(failed, `step ${j} is the same step as in the dry run`).toBe(steps[j]);
      const bestEffort = syncedFolders.has(dryRun[j]!.path);
      if (result !== 'saved') {
        expect(result, `step ${j} (${steps[j]})`).toBeInstanceOf(BuilderApiError);
        expect((result as BuilderApiError).message).toContain(`simulated failure at step ${j}`);
        if (j > commit) expect((result as BuilderApiError).message).toContain('it is finished the next time the project is saved or opened');
      } else {
        expect(bestEffort, `only a folder's fsync may fail without failing the save (step ${j}: ${steps[j]})`).toBe(true);
      }

      // Opened now (as after a crash): entirely the old project or entirely the new one.
      const copy = join(work, `Fail at ${j} opened.stepwise`);
      await cp(path, copy, { recursive: true });
      const opened = await plain.open(copy);
      const expected = result === 'saved' || j > commit ? next : old;
      expect(opened.project, `failed at step ${j} (${steps[j]})`).toEqual(expected);
      outcomes[expected === old ? 'old' : 'new']++;
      if (result !== 'saved' && j > commit) expect(opened.notices[0]).toMatch(/^The last save was cut off/);
      expect((await allFiles(copy)).filter((file) => file.includes('.tmp-') || file === SAVE_PLAN_FILE)).toEqual([]);

      // The editor saves again (autosave retries): the same store finishes or redoes it.
      failAt = -1;
      await store.save(path, next);
      expect((await plain.open(path)).project).toEqual(next);
      expect((await allFiles(path)).filter((file) => file.includes('.tmp-') || file === SAVE_PLAN_FILE)).toEqual([]);
    }
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, 120_000);
});

describe('opening a project after a save was cut off', () => {
  it('removes temp files a save left before its plan existed, and keeps the old project', async () => {
    const store = createProjectStore({ projectsDir: work });
    const { old } = oldAndNew();
    const { path } = await store.create('Acme', old);
    const flowFile = `flows/${old.flows[0]!.id}.json`;
    await writeFile(join(path, `${flowFile}.tmp-0123456789ab`), '{"flow": {"name": "half');
    await writeFile(join(path, 'project.json.tmp-ba9876543210'), '{');
    const opened = await store.open(path);
    expect(opened.project).toEqual(old);
    expect(opened.notices).toEqual([]);
    expect((await allFiles(path)).filter((file) => file.includes('.tmp-'))).toEqual([]);
  });

  it('leaves alone the temp files of a save still running in another process (the CLI opening a project the app is saving)', async () => {
    const store = createProjectStore({ projectsDir: work });
    const { old } = oldAndNew();
    const { path } = await store.create('Acme', old);
    const flowFile = `flows/${old.flows[0]!.id}.json`;
    // process.ppid is alive and not this process; a process that has exited is not.
    const exited = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => exited.once('exit', resolve));
    const running = `${flowFile}.tmp-${process.ppid}-0123456789ab`;
    const left = `${flowFile}.tmp-${exited.pid}-0123456789ab`;
    await writeFile(join(path, running), '{"flow": {"name": "being written');
    await writeFile(join(path, left), '{"flow": {"name": "half');
    expect((await store.open(path)).project).toEqual(old);
    expect((await allFiles(path)).filter((file) => file.includes('.tmp-'))).toEqual([running]);
  });

  it('finishes a save whose plan was written, says so, and keeps what it replaced in .backup', async () => {
    const { old, next } = oldAndNew();
    const { path } = await createProjectStore({ projectsDir: work }).create('Acme', old);
    const oldTour = await readFile(join(path, `flows/${old.flows[0]!.id}.json`), 'utf8');
    // Stopped for good just after the commit point, as a kill there would.
    let committed = false;
    const stopping = createProjectStore({
      projectsDir: work,
      fs: steppedFolderFs(async (step) => {
        if (committed) await new Promise<never>(() => undefined);
        if (step.operation === 'rename' && step.path.endsWith(SAVE_PLAN_FILE)) committed = true;
      }),
    });
    void stopping.save(path, next);
    await expect.poll(() => allFiles(path).then((files) => files.includes(SAVE_PLAN_FILE))).toBe(true);

    const opened = await createProjectStore({ projectsDir: work }).open(path);
    expect(opened.project).toEqual(next);
    expect(opened.notices[0]).toBe('The last save was cut off (the app closed mid-save); it was finished now, so the project is as that save left it.');
    expect(await readFile(join(path, BACKUP_DIR, `flows/${old.flows[0]!.id}.json`), 'utf8')).toBe(oldTour);
    expect(await allFiles(join(path, BACKUP_DIR))).toContain(join('flows', `${old.flows[1]!.id}.json`));
    expect((await allFiles(path)).filter((file) => file.includes('.tmp-') || file === SAVE_PLAN_FILE)).toEqual([]);
  });

  it('does not follow a plan that is not one of ours (paths outside the folder, or not a plan)', async () => {
    const { old } = oldAndNew();
    const store = createProjectStore({ projectsDir: work });
    const { path } = await store.create('Acme', old);
    await writeFile(join(work, 'outside.txt'), 'keep me');
    await writeFile(join(path, SAVE_PLAN_FILE), JSON.stringify({ writes: [{ temp: '../outside.txt', file: 'project.json' }], removes: ['../outside.txt'] }));
    expect((await store.open(path)).project).toEqual(old);
    expect(await readFile(join(work, 'outside.txt'), 'utf8')).toBe('keep me');
    expect(await allFiles(path)).not.toContain(SAVE_PLAN_FILE);

    await writeFile(join(path, SAVE_PLAN_FILE), 'not json');
    expect((await store.open(path)).project).toEqual(old);
    expect(await allFiles(path)).not.toContain(SAVE_PLAN_FILE);
  });
});

describe('commitFolderChanges', () => {
  it('writes nothing at all for an empty change (no plan, no backup swap)', async () => {
    const steps: FsStep[] = [];
    await commitFolderChanges(work, { write: new Map(), remove: [] }, { fs: steppedFolderFs((step) => void steps.push(step)) });
    expect(steps).toEqual([]);
    expect(await readdir(work)).toEqual([]);
  });
});
