import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningWebHost {
  /** The address the host printed, token included. */
  url: string;
  projectsDir: string;
  /** The app's own data folder (saved sign-ins), apart from the projects folder as in real use. */
  stateDir: string;
}

/** Starts the built web host (dist/main/web-host.js) on a free port with fresh projects and app data folders. */
async function startBuiltWebHost(projectsDir: string, stateDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['dist/main/web-host.js', '--data-dir', projectsDir, '--state-dir', stateDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web host did not start within 15 s. It printed:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Stepwise web host: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The web host exited with code ${code}. Did you run "npm run build"? It printed:\n${output}`)));
  });
  return { child, url };
}

export const test = base.extend<{ webHost: RunningWebHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this destructuring
  webHost: async ({}, use) => {
    const projectsDir = await mkdtemp(join(tmpdir(), 'stepwise-e2e-'));
    const stateDir = await mkdtemp(join(tmpdir(), 'stepwise-e2e-state-'));
    const { child, url } = await startBuiltWebHost(projectsDir, stateDir);
    await use({ url, projectsDir, stateDir });
    // The host may still be writing (an autosave, a sign-in saved on close) until it has exited.
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
    child.kill();
    await exited;
    await rm(projectsDir, { recursive: true, force: true, maxRetries: 3 });
    await rm(stateDir, { recursive: true, force: true, maxRetries: 3 });
  },
});

export { expect } from '@playwright/test';
