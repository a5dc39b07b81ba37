import type { CDPSession, Page } from 'playwright-core';
import type { CapturePage } from '../capturePage';
import { screenshotOf } from '../playwrightCapture';

/**
 * The capture pipeline's view of a live session page: load() does not navigate (the author got
 * the page where it is), and close() leaves it open (the session owns it).
 */
export class LiveCapturePage implements CapturePage {
  readonly notices: string[] = [];

  constructor(
    private readonly page: Page,
    /** Set when the scale was changed after the context was made: Playwright's screenshots would keep the old one, CDP's follow the page. */
    private readonly scaledCdp?: CDPSession,
  ) {}

  async load(_url: string, timeoutMs: number): Promise<void> {
    // A page still loading is captured once it has loaded (or as it is, after the timeout).
    await this.page.waitForLoadState('load', { timeout: timeoutMs }).catch(() => undefined);
  }

  evaluate(expression: string): Promise<unknown> {
    return this.page.evaluate(expression);
  }

  async screenshot(options: { fullPage: boolean; maxHeight: number }): Promise<Uint8Array> {
    if (!this.scaledCdp) return screenshotOf(this.page, options);
    const size = (await this.page.evaluate('({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight, viewportWidth: innerWidth, viewportHeight: innerHeight })')) as Record<'width' | 'height' | 'viewportWidth' | 'viewportHeight', number>;
    const clip = options.fullPage
      ? { x: 0, y: 0, width: Math.max(size.width, size.viewportWidth), height: Math.min(Math.max(size.height, size.viewportHeight), options.maxHeight), scale: 1 }
      : undefined;
    const { data } = await this.scaledCdp.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: options.fullPage, ...(clip ? { clip } : {}) });
    return Buffer.from(data, 'base64');
  }

  url(): string {
    return this.page.url();
  }

  async close(): Promise<void> {
    /* the session's page: it stays open */
  }
}
