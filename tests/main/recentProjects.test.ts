import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecentProjects } from '../../main/services/recentProjects';

const run = promisify(execFile);
let repo: string;
beforeEach(async () => {
  repo = await fs.mkdtemp(join(tmpdir(), 'stepwise-recent-'));
});
afterEach(async () => {
  await fs.rm(repo, { recursive: true, force: true });
});

describe('recent projects in a data folder kept in git', () => {
  it('leaves nothing for git to add: the state folder ignores itself', async () => {
    // A team points --data-dir at the repository folder that holds their project.
    await run('git', ['init', '-q'], { cwd: repo });
    const stateDir = join(repo, '.stepwise-state');
    const recent = createRecentProjects(stateDir);
    await recent.touch(join(repo, 'Acme.stepwise'), 'Acme');

    expect(await recent.list()).toEqual([expect.objectContaining({ name: 'Acme', path: join(repo, 'Acme.stepwise') })]);
    const { stdout } = await run('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repo });
    expect(stdout).toBe('');
  });

  it('keeps a .gitignore the user wrote there', async () => {
    const stateDir = join(repo, '.stepwise-state');
    await fs.mkdir(stateDir);
    await fs.writeFile(join(stateDir, '.gitignore'), 'recent-projects.json\n');
    await createRecentProjects(stateDir).touch(join(repo, 'A'), 'A');
    expect(await fs.readFile(join(stateDir, '.gitignore'), 'utf8')).toBe('recent-projects.json\n');
  });
});
