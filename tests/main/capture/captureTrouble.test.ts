import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaptureJobs } from '../../../main/capture/captureJobs';
import { createPlaywrightCapture } from '../../../main/capture/playwrightCapture';
import { createProjectStore } from '../../../main/services/projectStore';
import { captureRequestSchema, type CaptureRequestInput } from '../../../shared/model/capture';
import { closedPortUrl, serveTroublePages } from '../../fixtures/troublePages';

const playwright = createPlaywrightCapture({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const jobs = createCaptureJobs(playwright.openPage);
let pages: Awaited<ReturnType<typeof serveTroublePages>>;
let dir: string;
const imagesDir = () => join(dir, 'p.stepwise', 'images');
const images = () => {
  try {
    return readdirSync(imagesDir());
  } catch {
    return [];
  }
};

beforeAll(async () => {
  pages = await serveTroublePages();
  dir = mkdtempSync(join(tmpdir(), 'stepwise-trouble-'));
});
afterAll(async () => {
  await Promise.all([pages.close(), playwright.close()]);
  rmSync(dir, { recursive: true, force: true });
});

function start(input: Partial<CaptureRequestInput> & { url: string }) {
  const request = captureRequestSchema.parse({ viewport: { width: 800, height: 600 }, ...input });
  const store = createProjectStore({ projectsDir: dir });
  return jobs.start(request, (bytes, image) => store.saveImage(join(dir, 'p.stepwise'), bytes, image));
}

async function failure(input: Partial<CaptureRequestInput> & { url: string }): Promise<string> {
  const status = await jobs.settled(start(input).jobId);
  expect(status.stage).toBe('failed');
  expect(status.screen).toBeUndefined();
  return status.error!;
}

describe('capture refuses bad input with a message and leaves nothing behind', () => {
  it('refuses addresses that are not http or https before anything starts', () => {
    for (const [url, message] of [
      ['file:///etc/passwd', 'file: addresses cannot be captured; only http and https pages can'],
      ['javascript:alert(1)', 'javascript: addresses cannot be captured'],
      ['not a url', '"not a url" is not a web address'],
    ] as const) {
      const parsed = captureRequestSchema.safeParse({ url, viewport: { width: 800, height: 600 } });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]!.message).toContain(message);
    }
  });

  it('an unreachable host', async () => {
    expect(await failure({ url: 'http://stepwise-does-not-exist.invalid/' })).toMatch(/stepwise-does-not-exist\.invalid (could not be found|cannot be reached)/);
    expect(await failure({ url: await closedPortUrl() })).toMatch(/refused the connection\. Is the site running\?/);
  });

  it('HTTP error statuses', async () => {
    expect(await failure({ url: `${pages.url}/not-found` })).toBe(`${pages.url}/not-found answered 404 Not Found, so there is no page to capture.`);
    expect(await failure({ url: `${pages.url}/server-error` })).toMatch(/answered 500 Internal Server Error/);
  });

  it('a redirect loop', async () => {
    expect(await failure({ url: `${pages.url}/redirect-loop` })).toMatch(/redirects in a loop/);
  });

  it('a navigation timeout', async () => {
    expect(await failure({ url: `${pages.url}/hangs`, timeoutMs: 1_500 })).toBe(`${pages.url}/hangs did not finish loading within 2 s. Try again, or raise the timeout.`);
  });

  it('a page that never settles, and the way around it', async () => {
    expect(await failure({ url: `${pages.url}/never-settles`, timeoutMs: 2_000 })).toMatch(/kept changing for 2 s and never settled\. Set "Wait" to a fixed time/);
    const withWait = await jobs.settled(start({ url: `${pages.url}/never-settles`, waitMs: 200 }).jobId);
    expect(withWait.stage).toBe('done');
  });

  it('a wait-for selector that is not valid or never shows', async () => {
    expect(await failure({ url: `${pages.url}/ok`, waitForSelector: 'button[' })).toBe('"button[" is not a valid CSS selector, so there is nothing to wait for.');
    expect(await failure({ url: `${pages.url}/ok`, waitForSelector: '#missing', timeoutMs: 1_000 })).toBe('No visible element matched "#missing" within 1 s.');
    const late = await jobs.settled(start({ url: `${pages.url}/late`, waitForSelector: '#ready' }).jobId);
    expect(late.screen!.elements.some((element) => element.selector === '#ready')).toBe(true);
  });

  it('alert and confirm dialogs are dismissed and reported', async () => {
    const status = await jobs.settled(start({ url: `${pages.url}/alert` }).jobId);
    expect(status.stage).toBe('done');
    expect(status.notices).toEqual([
      'The page showed an alert ("Your session expired"); it was dismissed.',
      'The page showed a confirm dialog ("Stay signed in?"); it was dismissed.',
    ]);
  });

  it('popups are closed and reported', async () => {
    const status = await jobs.settled(start({ url: `${pages.url}/popup` }).jobId);
    expect(status.stage).toBe('done');
    expect(status.notices.join('\n')).toMatch(/opened a popup window.*it was closed/);
  });

  it('cancel stops the capture and writes nothing', async () => {
    const before = images();
    const { jobId } = start({ url: `${pages.url}/hangs`, timeoutMs: 20_000 });
    // Cancel while the page is loading (it never answers), as an author tired of waiting would.
    await expect.poll(() => jobs.status(jobId).stage, { timeout: 15_000 }).toBe('loading');
    jobs.cancel(jobId);
    const status = await jobs.settled(jobId);
    expect(status.stage).toBe('cancelled');
    expect(images()).toEqual(before);
  });

  it('failures write no image', async () => {
    const before = images();
    await failure({ url: `${pages.url}/not-found` });
    expect(images()).toEqual(before);
  });
});
