import { buildSync } from 'esbuild';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createProjectStore } from '../../main/services/projectStore';
import { BACKUP_DIR, SAVE_PLAN_FILE } from '../../main/services/saveTransaction';
import type { Project } from '../../shared/model/project';
import { killTestVersion } from '../fixtures/killTestVersions';

const KILLS = 200;
type Version = 'A' | 'B';
const other = (version: Version): Version => (version === 'A' ? 'B' : 'A');

/** What makes a version itself: the project's name, and every flow (id, name, order) and screen name. */
const contentOf = (project: Project) => JSON.stringify([project.name, project.flows.map((flow) => `${flow.id}:${flow.name}`), project.screens.map((screen) => screen.name)]);
const VERSIONS = new Map<string, Version>([
  [contentOf(killTestVersion('A')), 'A'],
  [contentOf(killTestVersion('B')), 'B'],
]);

/** The file-system steps of a multi-file save, each kind held (killed just before) in turn. Steps read "<operation> <path>". */
const PROJECT_PART = String.raw`(?:project\.json|flows/[^/]+|screens/[^/]+)`;
const HELD_KINDS: Record<string, RegExp> = {
  'make a folder': /^mkdir /,
  'create a temp file': new RegExp(`^open ${PROJECT_PART}\\.tmp$`),
  'write a temp file': new RegExp(`^writeFile ${PROJECT_PART}\\.tmp$`),
  'fsync a temp file': new RegExp(`^sync ${PROJECT_PART}\\.tmp$`),
  'fsync a folder': /^sync (?:\.|flows|screens)$/,
  'remove the previous backup': new RegExp(`^rm \\${BACKUP_DIR}$`),
  'write the plan': new RegExp(`^writeFile \\${SAVE_PLAN_FILE}\\.tmp$`),
  'rename the plan into place (the commit)': new RegExp(`^rename \\${SAVE_PLAN_FILE}$`),
  'copy a replaced file to .backup': new RegExp(`^copyFile \\${BACKUP_DIR}/`),
  'rename a temp file into place': new RegExp(`^rename ${PROJECT_PART}$`),
  'move a removed file to .backup': new RegExp(`^rename \\${BACKUP_DIR}/`),
  'remove the plan': new RegExp(`^rm \\${SAVE_PLAN_FILE}$`),
};
const KINDS = Object.keys(HELD_KINDS);

/** The child saver (tests/fixtures/saveForever.ts), driven line by line. */
class Saver {
  private readonly lines: string[] = [];
  private readonly waiters: Array<() => void> = [];
  readonly exited: Promise<unknown>;

  constructor(private readonly child: ChildProcessByStdio<Writable, Readable, null>) {
    this.exited = new Promise((resolve) => child.once('exit', resolve));
    createInterface({ input: child.stdout }).on('line', (line) => {
      this.lines.push(line);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  send(command: string): void {
    this.child.stdin.write(`${command}\n`);
  }

  /** Waits for a line that starts with `prefix`; returns the lines up to it. Fails if the child exits first. */
  async waitFor(prefix: string): Promise<string[]> {
    for (;;) {
      const index = this.lines.findIndex((line) => line.startsWith(prefix));
      if (index >= 0) return this.lines.splice(0, index + 1);
      const exited = this.exited.then(() => {
        throw new Error(`The saver exited before printing "${prefix}". It printed:\n${this.lines.join('\n')}`);
      });
      await Promise.race([new Promise<void>((wake) => this.waiters.push(wake)), exited]);
    }
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** "step 3 12 rename flows/flow_2.json" -> "rename flows/flow_2.json" */
const stepOf = (line: string) => line.split(' ').slice(3).join(' ');

type KillMoment = 'between saves' | 'just before a chosen file-system step' | 'at a random moment during a save';
const MOMENTS: KillMoment[] = ['between saves', 'just before a chosen file-system step', 'at a random moment during a save'];

describe('a save across files killed at any moment', () => {
  // 200 fresh processes take about 90 s on a 2-core machine that others share; room for a fully loaded one.
  it(`leaves a project that opens as entirely the old version or entirely the new one (${KILLS} kills)`, async () => {
    const work = mkdtempSync(join(tmpdir(), 'stepwise-kill-'));
    const childScript = join(work, 'saveForever.mjs');
    buildSync({ entryPoints: [fileURLToPath(new URL('../fixtures/saveForever.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile: childScript, mainFields: ['module', 'main'], logLevel: 'error' });
    const store = createProjectStore({ projectsDir: work });
    const { path } = await store.create('Kill test', killTestVersion('A'));

    let onDisk: Version = 'A';
    const outcomesMidSave = { old: 0, new: 0 };
    const heldKinds = new Map(KINDS.map((kind) => [kind, 0]));
    let holds = 0;
    for (let i = 0; i < KILLS; i++) {
      const saver = new Saver(spawn(process.execPath, [childScript, path, work], { stdio: ['pipe', 'pipe', 'inherit'] }));
      await saver.waitFor('ready');
      // A complete save first: it writes the "old" version, and shows the steps and how long a save takes here and now.
      const oldVersion = other(onDisk);
      const newVersion = onDisk;
      saver.send(`save ${i} ${oldVersion}`);
      await saver.waitFor(`saving ${i}`);
      const started = performance.now();
      const saveSteps = (await saver.waitFor(`saved ${i}`)).filter((line) => line.startsWith('step ')).map(stepOf);
      const saveMs = performance.now() - started;

      // Then the save of the "new" version that gets killed, at a deliberately chosen kind of moment.
      const moment = MOMENTS[i % MOMENTS.length]!;
      const next = i + 1;
      let allowed: Version[];
      if (moment === 'between saves') {
        saver.send(`save ${next} ${newVersion}`);
        await saver.waitFor(`saved ${next}`);
        allowed = [newVersion];
      } else if (moment === 'just before a chosen file-system step') {
        // Each kind of step in turn, at a different one of its occurrences each time round.
        const kind = KINDS[holds % KINDS.length]!;
        const candidates = saveSteps.flatMap((step, index) => (HELD_KINDS[kind]!.test(step) ? [index] : []));
        expect(candidates.length, `a save's steps include "${kind}":\n${saveSteps.join('\n')}`).toBeGreaterThan(0);
        const step = candidates[(Math.floor(holds / KINDS.length) * 5) % candidates.length]!;
        holds++;
        saver.send(`save ${next} ${newVersion} hold ${step}`);
        const printed = await saver.waitFor(`held ${next} ${step} `);
        // Both versions have the same shape (8 flows rewritten, 2 added, 2 removed), so step j is the same kind of step.
        expect(stepOf(printed[printed.length - 1]!), `held save ${next}`).toMatch(HELD_KINDS[kind]!);
        heldKinds.set(kind, heldKinds.get(kind)! + 1);
        // Until the plan is renamed into place the save has not happened; from then on, it has.
        const committed = printed.some((line) => line.startsWith('step ') && stepOf(line) === `rename ${SAVE_PLAN_FILE}`);
        allowed = [committed ? newVersion : oldVersion];
      } else {
        saver.send(`save ${next} ${newVersion}`);
        await saver.waitFor(`saving ${next}`);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * saveMs));
        allowed = [oldVersion, newVersion];
      }
      await saver.kill();

      const opened = await store.open(path);
      const version = VERSIONS.get(contentOf(opened.project));
      expect(version, `killed ${moment} (kill ${i}): the project opened as a mix:\n${contentOf(opened.project)}`).toBeDefined();
      expect(allowed, `killed ${moment} (kill ${i})`).toContain(version);
      const leftBehind = (await readdir(path, { recursive: true })).filter((file) => file.includes('.tmp-') || file === SAVE_PLAN_FILE);
      expect(leftBehind, `after opening (kill ${i})`).toEqual([]);
      if (moment !== 'between saves') outcomesMidSave[version === oldVersion ? 'old' : 'new']++;
      onDisk = version!;
    }
    // Kills in the middle of saves left the old version and the new one, and every kind of step was killed before.
    expect(outcomesMidSave.old).toBeGreaterThan(0);
    expect(outcomesMidSave.new).toBeGreaterThan(0);
    expect([...heldKinds].filter(([, count]) => count === 0).map(([kind]) => kind)).toEqual([]);
  }, 480_000);
});
