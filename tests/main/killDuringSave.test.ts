import { buildSync } from 'esbuild';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createProjectStore } from '../../main/services/projectStore';
import { createProject } from '../../shared/model/create';

const KILLS = 200;
const VERSIONS = ['Version A', 'Version B'] as const;

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

type KillMoment = 'between saves' | 'just before a chosen file-system step' | 'at a random moment during a save';
const MOMENTS: KillMoment[] = ['between saves', 'just before a chosen file-system step', 'at a random moment during a save'];

describe('a save killed at any moment', () => {
  // 200 fresh processes take about 90 s on a 2-core machine that others share; room for a fully loaded one.
  it(`leaves a project that opens with the old or the new content (${KILLS} kills)`, async () => {
    const work = mkdtempSync(join(tmpdir(), 'stepwise-kill-'));
    const childScript = join(work, 'saveForever.mjs');
    buildSync({ entryPoints: [fileURLToPath(new URL('../fixtures/saveForever.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile: childScript, mainFields: ['module', 'main'], logLevel: 'error' });
    const store = createProjectStore({ projectsDir: work });
    const { path } = await store.create('Kill test', { ...createProject(VERSIONS[0]), id: 'kill_test' });

    const outcomesMidSave = { old: 0, new: 0 };
    const seenOnDisk = new Set<string>();
    for (let i = 0; i < KILLS; i++) {
      const saver = new Saver(spawn(process.execPath, [childScript, path, work], { stdio: ['pipe', 'pipe', 'inherit'] }));
      await saver.waitFor('ready');
      // A complete save first: it fixes the "old" content and shows how long a save takes here and now.
      const oldName = VERSIONS[i % 2]!;
      const newName = VERSIONS[(i + 1) % 2]!;
      saver.send(`save ${i}`);
      await saver.waitFor(`saving ${i}`);
      const started = performance.now();
      const printed = await saver.waitFor(`saved ${i}`);
      const saveMs = performance.now() - started;
      const saveSteps = printed.filter((line) => line.startsWith('step ')).map((line) => line.split(' ').slice(3).join(' '));
      const commitStep = saveSteps.indexOf('rename project.json');
      expect(commitStep, `a save's steps: ${saveSteps.join(', ')}`).toBeGreaterThan(0);

      // Then the save that gets killed, at a deliberately chosen kind of moment.
      const moment = MOMENTS[i % MOMENTS.length]!;
      const next = i + 1;
      let allowed: string[];
      if (moment === 'between saves') {
        saver.send(`save ${next}`);
        await saver.waitFor(`saved ${next}`);
        allowed = [newName];
      } else if (moment === 'just before a chosen file-system step') {
        const step = Math.floor(i / MOMENTS.length) % saveSteps.length;
        saver.send(`save ${next} hold ${step}`);
        await saver.waitFor(`held ${next} ${step} `);
        // Until the temp file is renamed over project.json, the old content stays; after, the new.
        allowed = [step <= commitStep ? oldName : newName];
      } else {
        saver.send(`save ${next}`);
        await saver.waitFor(`saving ${next}`);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * saveMs));
        allowed = [oldName, newName];
      }
      await saver.kill();

      const opened = await store.open(path);
      expect(allowed, `killed ${moment} (kill ${i})`).toContain(opened.project.name);
      seenOnDisk.add(opened.project.name);
      if (moment !== 'between saves') outcomesMidSave[opened.project.name === oldName ? 'old' : 'new']++;
    }
    // Kills in the middle of saves left the old content and the new one, and both versions were on disk.
    expect(outcomesMidSave.old).toBeGreaterThan(0);
    expect(outcomesMidSave.new).toBeGreaterThan(0);
    expect([...seenOnDisk].sort()).toEqual([...VERSIONS]);
  }, 480_000);
});
