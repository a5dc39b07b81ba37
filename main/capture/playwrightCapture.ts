import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import type { CaptureRequest } from '../../shared/model/capture';
import { CaptureError, type CapturePage, type OpenCapturePage } from './capturePage';
import { navigationError, statusError } from './navigationErrors';

/** Where Chromium or Chrome usually is; STEPWISE_CHROMIUM wins. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.STEPWISE_CHROMIUM ?? CANDIDATES.find((candidate) => existsSync(candidate));
  if (!chosen || !existsSync(chosen)) {
    throw new CaptureError(
      env.STEPWISE_CHROMIUM
        ? `STEPWISE_CHROMIUM points at ${env.STEPWISE_CHROMIUM}, which does not exist.`
        : 'Capturing needs Chromium or Chrome, and none was found. Install chromium, or set STEPWISE_CHROMIUM to its path.',
    );
  }
  return chosen;
}

function describeDialog(type: string, message: string): string {
  return `The page showed ${type === 'alert' ? 'an alert' : `a ${type} dialog`} ("${message.slice(0, 120)}"); it was dismissed.`;
}

/** Every page Stepwise opens dismisses dialogs and refuses downloads, telling the author through `notice`. */
export function dismissDialogsAndRefuseDownloads(page: Page, notice: (text: string) => void): void {
  page.on('dialog', (dialog) => {
    notice(describeDialog(dialog.type(), dialog.message()));
    dialog.dismiss().catch(() => undefined);
  });
  page.on('download', (download) => {
    notice(`The page started a download (${download.suggestedFilename()}); it was refused.`);
    download.cancel().catch(() => undefined);
  });
}

/** A PNG of the viewport, or of the whole page cut at `maxHeight` CSS pixels. */
export async function screenshotOf(page: Page, { fullPage, maxHeight }: { fullPage: boolean; maxHeight: number }): Promise<Uint8Array> {
  if (!fullPage) return page.screenshot({ type: 'png', animations: 'disabled', caret: 'hide' });
  const size = (await page.evaluate('({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })')) as { width: number; height: number };
  const clip = size.height > maxHeight ? { x: 0, y: 0, width: size.width, height: maxHeight } : undefined;
  return page.screenshot({ type: 'png', fullPage: true, animations: 'disabled', caret: 'hide', ...(clip ? { clip } : {}) });
}

export class PlaywrightCapturePage implements CapturePage {
  readonly notices: string[] = [];

  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    /** Runs once the page has loaded (re-capture replays the recorded path here). */
    private readonly afterLoad?: (page: Page) => Promise<void>,
  ) {
    dismissDialogsAndRefuseDownloads(page, (text) => this.notices.push(text));
    context.on('page', (popup) => {
      if (popup === page) return;
      this.notices.push(`The page opened a popup window${popup.url() && popup.url() !== 'about:blank' ? ` (${popup.url()})` : ''}; it was closed.`);
      popup.close().catch(() => undefined);
    });
  }

  async load(url: string, timeoutMs: number): Promise<void> {
    let response: Response | null;
    try {
      response = await this.page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    } catch (error) {
      throw navigationError(url, error, timeoutMs);
    }
    if (response && response.status() >= 400) throw statusError(url, response.status(), response.statusText());
    await this.afterLoad?.(this.page);
  }

  evaluate(expression: string): Promise<unknown> {
    return this.page.evaluate(expression);
  }

  screenshot(options: { fullPage: boolean; maxHeight: number }): Promise<Uint8Array> {
    return screenshotOf(this.page, options);
  }

  url(): string {
    return this.page.url();
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}

export interface PlaywrightCapture {
  openPage: OpenCapturePage;
  /** The shared browser, started on first use (the capture browser's sessions are contexts in it). */
  browser(): Promise<Browser>;
  /** Closes the shared browser (on host shutdown). */
  close(): Promise<void>;
}

/**
 * Capture for the web host: one headless Chromium, started on first use and kept for later
 * captures (starting it costs more than a capture); each capture gets a fresh context, so
 * cookies and storage never leak between captures.
 */
export function createPlaywrightCapture(options: { executablePath?: string } = {}): PlaywrightCapture {
  let browser: Promise<Browser> | null = null;

  async function launch(): Promise<Browser> {
    const executablePath = options.executablePath ?? findChromium();
    const { chromium } = await import('playwright-core');
    // Chromium refuses its sandbox when run as root (containers, CI); elsewhere it keeps it.
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const launched = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...(asRoot ? ['--no-sandbox'] : [])],
    });
    launched.on('disconnected', () => {
      browser = null;
    });
    return launched;
  }

  function shared(): Promise<Browser> {
    browser ??= launch().catch((error: unknown) => {
      browser = null;
      throw error instanceof CaptureError ? error : new CaptureError(`Chromium could not be started for capture: ${(error as Error).message.split('\n')[0]}`);
    });
    return browser;
  }

  return {
    browser: shared,
    async openPage(request: CaptureRequest): Promise<CapturePage> {
      const context = await (await shared()).newContext({
        viewport: request.viewport,
        deviceScaleFactor: request.deviceScaleFactor,
        acceptDownloads: false,
        serviceWorkers: 'block',
      });
      const page = await context.newPage();
      return new PlaywrightCapturePage(context, page);
    },
    async close() {
      const current = browser;
      browser = null;
      if (current) await (await current.catch(() => null))?.close().catch(() => undefined);
    },
  };
}
