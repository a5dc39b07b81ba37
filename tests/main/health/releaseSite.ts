import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { replayedPages } from '../../../main/capture/browser/replayedPages';
import type { OpenCapturePage } from '../../../main/capture/capturePage';
import { captureScreen, type CaptureScreenOptions } from '../../../main/capture/captureScreen';
import { createPlaywrightCapture } from '../../../main/capture/playwrightCapture';
import type { InspectedImage } from '../../../main/services/imageFile';
import type { CaptureRequest } from '../../../shared/model/capture';
import type { MappedElement, Screen } from '../../../shared/model/screen';

/**
 * A small product page as the author captured it (production) and its next release (staging), on
 * two origins with the same paths, so `--base-url` is what moves the check from one to the other.
 * The release keeps "Save" (ok), shifts "Reports" (moved), drops the Export button's id (changed),
 * removes "Delete account" (missing) and shows the Plans card twice (ambiguous). Both have a "More"
 * menu whose "Archive" shows only once it is clicked (a recorded path).
 */
const STYLE = `body { font-family: sans-serif; margin: 0 } header { display: flex; gap: 12px; padding: 12px; background: #eef }
main { padding: 16px } .card { border: 1px solid #ccc; padding: 12px; margin: 8px 0; width: 320px } .cards { display: flex; gap: 8px }`;

const page = (body: string) => `<!doctype html><html><head><title>Acme settings</title><style>${STYLE}</style></head><body>${body}</body></html>`;

export const PRODUCTION = page(`
<header><button data-testid="save">Save</button><a href="/reports" class="nav-link">Reports</a><button id="more" onclick="document.getElementById('archive').hidden = false">More</button><button id="archive" hidden>Archive</button></header>
<main>
  <section class="card billing"><h2>Billing</h2><button id="export-btn" class="btn-export">Export invoices</button></section>
  <section class="card danger"><h2>Danger zone</h2><button id="delete-account" class="btn-danger">Delete account</button></section>
  <div class="cards"><section class="card plans"><h2>Plans</h2><button class="upgrade">Upgrade</button></section></div>
</main>`);

export const RELEASE = page(`
<header><button data-testid="save">Save</button><a href="/reports" class="nav-link" style="margin-left: 240px">Reports</a><button id="more" onclick="document.getElementById('archive').hidden = false">More</button><button id="archive" hidden>Archive</button></header>
<main>
  <section class="card billing"><h2>Billing</h2><button class="btn-export">Export invoices</button></section>
  <section class="card danger"><h2>Danger zone</h2><p>Ask your administrator.</p></section>
  <div class="cards"><section class="card plans"><h2>Plans</h2><button class="upgrade">Upgrade</button></section><section class="card plans"><h2>Plans</h2><button class="upgrade">Upgrade</button></section></div>
</main>`);

export interface Site {
  url: string;
  close(): Promise<void>;
}

/** Serves `html` at /settings, a page that never answers at /hangs, and 404 elsewhere. */
export async function serveRelease(html: string): Promise<Site> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/hangs') return; // never answers
    if (path !== '/settings') return void response.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The steps of the fixture tour, by the name capture gives their element. */
export const STEP_NAMES = ['Save', 'Reports', 'Export invoices', 'Delete account', 'Upgrade'];

/** The captured element a step is anchored to (a button or link of that name). */
export function elementNamed(screen: Screen, name: string): MappedElement {
  const element = screen.elements.find((each) => each.name === name && (each.tag === 'button' || each.tag === 'a'));
  if (!element) throw new Error(`The capture mapped no "${name}" (mapped: ${screen.elements.map((each) => each.name).join(', ')})`);
  return element;
}

export const SETTINGS_VIEWPORT = { width: 1000, height: 700 };

/** Captures the settings page as the author did, with the ordinary capture. */
export async function captureSettings(openPage: OpenCapturePage, url: string, saveImage: CaptureScreenOptions['saveImage']): Promise<Screen> {
  const request: CaptureRequest = { url, viewport: SETTINGS_VIEWPORT, deviceScaleFactor: 1, fullPage: false, waitMs: 0, timeoutMs: 10_000 };
  const page = await openPage(request);
  try {
    return (await captureScreen(page, request, { signal: new AbortController().signal, onStage: () => undefined, saveImage })).screen;
  } finally {
    await page.close();
  }
}

/**
 * Chromium as the flow check uses it: pages opened without a sign-in (1 s a recorded step),
 * screenshots named by their content and not stored; `capturePage` for the author's capture.
 * One per test file, closed in afterAll.
 */
export function checkBrowser() {
  const playwright = createPlaywrightCapture({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  return {
    capturePage: playwright.openPage,
    openPage: replayedPages({ browser: playwright.browser, storageState: async () => undefined, stepTimeoutMs: 1_000 }),
    saveImage: async (bytes: Uint8Array, image: InspectedImage) => ({ file: `${createHash('sha256').update(bytes).digest('hex')}.${image.extension}`, width: image.width, height: image.height }),
    close: () => playwright.close(),
  };
}
