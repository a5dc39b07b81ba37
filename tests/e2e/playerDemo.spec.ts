import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';

test('the player demo: the demo site wired as a developer would, flows starting from the bundle', async ({ page }) => {
  const server = spawn(process.execPath, ['--import', 'tsx', 'player/demo/serve.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => {
        const match = /Demo site with Stepwise: (\S+)/.exec(chunk.toString());
        if (match) resolve(match[1]!);
      });
      server.once('exit', (code) => reject(new Error(`the demo server exited with ${code}`)));
    });
    const analytics: string[] = [];
    page.on('console', (message) => message.text().startsWith('[analytics]') && analytics.push(message.text().split(' ')[1]!));
    await page.goto(url);
    const overlay = page.locator('[data-stepwise-player]');
    await expect(overlay.getByRole('button', { name: /Get started/ })).toBeVisible(); // checklist on page load
    await expect(overlay.getByRole('button', { name: 'New here?' })).toBeVisible(); // hotspot on "/"
    await page.getByRole('button', { name: /Take the dashboard tour/ }).click();
    await expect(overlay.getByRole('dialog', { name: 'New invoice' })).toBeVisible();
    await expect.poll(() => analytics).toEqual(expect.arrayContaining(['flow_started', 'step_viewed']));
  } finally {
    server.kill();
  }
});
