import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementMapExpression } from '../../../main/capture/elementMapScript';
import type { PageElementMap } from '../../../main/capture/inPage/mapElements';
import { DRIFT_VIEWPORT, serveDriftSite } from '../../fixtures/drift/driftCorpus';
import { largePageHtml } from '../../fixtures/largePage';
import { mappingSamplerHtml } from '../../fixtures/mappingSampler';
import type { StaticSite } from '../../fixtures/serveStatic';

/**
 * The element maps of three fixture pages, element for element (boxes, names, selectors,
 * fingerprints), as committed under snapshots/. Work on how mapping runs (speed, caches) must leave
 * them as they are. A change meant to map differently updates them on purpose:
 * `npx vitest run tests/main/capture/elementMapSnapshot.test.ts -u`, and the diff shows what changed.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  [browser, site] = await Promise.all([chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] }), serveDriftSite({ keys: false })]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), site?.close()]);
});

/**
 * The map of what the page shows. Selectors found by querying stop when their time budget is spent,
 * so on a busy machine a page could get fewer of them; with the page's clock stopped the budget
 * lasts, and the map is the same however busy the machine is.
 */
async function mapOf(page: Page): Promise<string> {
  const map = (await page.evaluate(`(() => { performance.now = () => 0; return ${elementMapExpression({ scale: 1, fullPage: true, maxElements: 5_000, maxHeight: 16_384 })}; })()`)) as PageElementMap;
  const { elements, ...rest } = map;
  // One element a line, so a diff points at the elements that changed.
  return `{\n${JSON.stringify({ ...rest, ms: 0 }).slice(1, -1)},\n"elements": [\n${elements.map((element) => JSON.stringify(element)).join(',\n')}\n]}\n`;
}

async function pageAt(viewport: { width: number; height: number }): Promise<Page> {
  return (await browser.newContext({ viewport })).newPage();
}

describe('the element map of fixture pages stays as committed', () => {
  it('the Bootstrap admin dashboard of the drift corpus', async () => {
    const page = await pageAt(DRIFT_VIEWPORT);
    await page.goto(`${site.url}/base/index.html`, { waitUntil: 'load' });
    await expect(await mapOf(page)).toMatchFileSnapshot('snapshots/driftDashboard.map.json');
    await page.context().close();
  });

  it('a sampler of shadow roots, frames, labels, menus, icons, tables and clipped rows', async () => {
    const page = await pageAt({ width: 1280, height: 800 });
    await page.setContent(mappingSamplerHtml(), { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('iframe')?.contentDocument?.querySelector('button') && document.getElementById('shadow-host')?.shadowRoot);
    await expect(await mapOf(page)).toMatchFileSnapshot('snapshots/mappingSampler.map.json');
    await page.context().close();
  });

  it('the generated large page (its first 600 elements), as the mapping bench measures it', async () => {
    const page = await pageAt({ width: 1440, height: 900 });
    await page.setContent(largePageHtml(600, { columns: 3 }), { waitUntil: 'load' });
    await expect(await mapOf(page)).toMatchFileSnapshot('snapshots/largePage.map.json');
    await page.context().close();
  });
});
