import { test as base, expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import type { Bundle } from '../../../shared/bundle/bundleSchema';
import { serveStatic, type StaticSite } from '../../fixtures/serveStatic';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** The demo product site with the built player at /stepwise-player.iife.js. */
export const test = base.extend<{ demoSite: StaticSite }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this destructuring
  demoSite: async ({}, use) => {
    const site = await serveStatic(root('tests/fixtures/demo-site'), { '/stepwise-player.iife.js': root('player/dist/stepwise-player.iife.js') });
    await use(site);
    await site.close();
  },
});
export { expect };

/** Drives @stepwise/player on a page the way a developer wires it: script tag, createPlayer, events. */
export class PlayerPage {
  constructor(
    readonly page: Page,
    readonly site: StaticSite,
  ) {}

  async open(path: string, bundle: Bundle | unknown, options: { locale?: string; autoStart?: boolean; user?: object } = {}): Promise<void> {
    await this.page.goto(this.site.url + path);
    await this.page.addScriptTag({ url: '/stepwise-player.iife.js' });
    await this.page.evaluate(
      ([bundleValue, opts]) => {
        const w = window as unknown as { events: unknown[]; player: unknown; Stepwise: { createPlayer(o: object): unknown } };
        w.events = [];
        w.player = w.Stepwise.createPlayer({ bundle: bundleValue, onEvent: (event: unknown) => w.events.push(event), ...opts });
      },
      [bundle, options] as const,
    );
  }

  /** Calls a player method in the page. */
  call(method: string, ...args: unknown[]): Promise<unknown> {
    return this.page.evaluate(([name, rest]) => (window as any).player[name as string](...(rest as unknown[])), [method, args] as const);
  }

  async events(): Promise<{ type: string; [key: string]: unknown }[]> {
    return this.page.evaluate(() => (window as any).events);
  }

  async eventTypes(): Promise<string[]> {
    return (await this.events()).map((event) => event.type);
  }

  /** The overlay (in the player's shadow root), pierced by Playwright's CSS locators. */
  get overlay() {
    return this.page.locator('[data-stepwise-player]');
  }

  /** The tooltip or modal card of the step on screen. */
  get card() {
    return this.overlay.getByRole('dialog').filter({ has: this.page.locator('h2') });
  }
}
