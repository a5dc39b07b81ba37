import { buildSync } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createProjectStore } from '../../main/services/projectStore';
import { createProject } from '../../shared/model/create';

const KILLS = 200;

describe('a save killed at any moment', () => {
  it(`leaves a project that opens with the old or the new content (${KILLS} kills)`, async () => {
    const work = mkdtempSync(join(tmpdir(), 'stepwise-kill-'));
    const child = join(work, 'saveForever.mjs');
    buildSync({ entryPoints: [fileURLToPath(new URL('../fixtures/saveForever.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile: child, mainFields: ['module', 'main'], logLevel: 'error' });
    const store = createProjectStore({ projectsDir: work });
    const { path } = await store.create('Kill test', { ...createProject('Version A'), id: 'kill_test' });
    const seen = new Set<string>();
    for (let i = 0; i < KILLS; i++) {
      const saver = spawn(process.execPath, [child, path, work], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => saver.stdout!.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
      const exited = new Promise((resolve) => saver.once('exit', resolve));
      saver.kill('SIGKILL');
      await exited;
      const opened = await store.open(path);
      expect(['Version A', 'Version B']).toContain(opened.project.name);
      seen.add(opened.project.name);
    }
    // The kills landed at different moments: both versions were found on disk.
    expect(seen.size).toBe(2);
  }, 240_000);
});
