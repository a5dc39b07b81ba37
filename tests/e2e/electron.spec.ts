import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- a plain ES module shared with scripts/start.mjs
import { findElectronBinary } from '../../scripts/electronBinary.mjs';
import { readSavedProject } from './support/savedProject';

const binary = (findElectronBinary as () => string | null)();
const SKIP_REASON = 'the Electron binary is not installed on this machine (it cannot be downloaded here); run `npm start` once on a machine with network to install it';
if (!binary) console.warn(`Electron tests skipped: ${SKIP_REASON}.`);

test.describe('Electron host', () => {
  test.skip(!binary, SKIP_REASON);

  test('opens the app, creates a project and saves it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'stepwise-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: ['.'], env: { ...process.env, STEPWISE_DATA_DIR: dataDir } });
    try {
      const page = await app.firstWindow();
      await page.getByRole('button', { name: 'New project' }).click();
      await page.getByLabel('Project name').fill('Desktop project');
      await page.getByRole('button', { name: 'Create project' }).click();
      await page.getByRole('button', { name: '+ New flow' }).click();
      await page.getByRole('menuitem', { name: 'Product Tour' }).click();
      await page.keyboard.press('Control+s');
      await expect(page.getByText('All changes saved')).toBeVisible();
      const saved = await readSavedProject(join(dataDir, 'Desktop project.stepwise'));
      expect(saved.flows).toHaveLength(1);
      // The page has no Node: only the builder API the preload exposes.
      expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
      expect(await page.evaluate(() => Object.keys((globalThis as { stepwiseHost?: object }).stepwiseHost ?? {}).sort())).toEqual(['api', 'onCommand']);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
