import type { Page } from 'playwright-core';
import type { CapturePage } from '../capturePage';
import { screenshotOf } from '../playwrightCapture';

/**
 * The capture pipeline's view of a live session page: load() does not navigate (the author got
 * the page where it is), and close() leaves it open (the session owns it).
 */
export class LiveCapturePage implements CapturePage {
  readonly notices: string[] = [];

  constructor(private readonly page: Page) {}

  async load(_url: string, timeoutMs: number): Promise<void> {
    // A page still loading is captured once it has loaded (or as it is, after the timeout).
    await this.page.waitForLoadState('load', { timeout: timeoutMs }).catch(() => undefined);
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
    /* the session's page: it stays open */
  }
}
