import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementMapExpression } from '../../../main/capture/elementMapScript';
import type { PageElement, PageElementMap } from '../../../main/capture/inPage/mapElements';
import { DRIFT_VIEWPORT, serveDriftSite } from '../../fixtures/drift/driftCorpus';
import { serveStatic, type StaticSite } from '../../fixtures/serveStatic';

/**
 * Selectors people can read and that survive the next release, on the demo pages: the demo site's
 * four pages and the Bootstrap admin dashboard of the drift corpus.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser: Browser;
let demo: StaticSite;
let drift: StaticSite;
const maps = new Map<string, PageElementMap>();
let page: Page;

const pages = () => [
  ...['/', '/invoices', '/customers', '/settings'].map((path) => ({ name: `demo ${path}`, url: demo.url + path, viewport: { width: 1280, height: 800 } })),
  { name: 'dashboard', url: `${drift.url}/base/index.html`, viewport: DRIFT_VIEWPORT },
];

beforeAll(async () => {
  demo = await serveStatic(fileURLToPath(new URL('../../fixtures/demo-site', import.meta.url)));
  drift = await serveDriftSite({ keys: false });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  for (const { name, url, viewport } of pages()) {
    page = await browser.newPage({ viewport });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.fonts.status === 'loaded' && [...document.querySelectorAll('iframe')].every((frame) => frame.contentDocument?.readyState === 'complete'));
    maps.set(name, (await page.evaluate(elementMapExpression({ scale: 1, fullPage: true, maxElements: 6_000, maxHeight: 16_384 }))) as PageElementMap);
    await page.close();
  }
});
afterAll(async () => {
  await Promise.all([browser?.close(), demo?.close(), drift?.close()]);
});

/**
 * The strategy a selector stands on: its last step names the element by an attribute; or it is a
 * path (a class or tag under an ancestor); or a structure of child steps from a stable ancestor.
 */
function strategy(selector: string): 'attribute' | 'path' | 'structural' {
  // What a :has() looks for is an attribute of a neighbour; its insides are not steps of the path.
  const inner = selector
    .split(/\s*>>>\s*/)
    .at(-1)!
    .replace(/"[^"]*"/g, '""')
    .replace(/:has\([^()]*\)/g, ':has()');
  const last = inner.split(/\s+>?\s*/).at(-1)!;
  if (/[[#]|:has\(\)/.test(last)) return 'attribute';
  return inner.includes('>') ? 'structural' : 'path';
}

/** Rows and cells of a data table: told apart only by their data, which CSS cannot name, so by position under the table. */
function inTableRow(map: PageElementMap, element: PageElement): boolean {
  for (let at: PageElement | undefined = element; at; at = at.parent === undefined ? undefined : map.elements[at.parent]) if (at.tag === 'tr') return true;
  return false;
}

describe('primary selectors on the demo pages', () => {
  it('at least 80 % use no nth-of-type outside data-table rows; rows and cells step by position from their table', () => {
    const counts = { all: 0, positional: 0, interface: 0, interfacePositional: 0 };
    const perPage: string[] = [];
    for (const [name, map] of maps) {
      let positional = 0;
      for (const element of map.elements) {
        const byPosition = element.selector.includes('nth-of-type');
        positional += Number(byPosition);
        if (inTableRow(map, element)) {
          // Below the table's own selector, never from body.
          if (byPosition) expect(element.selector, 'a table cell').toMatch(/^(\[data-testid="invoice-table"\]|#dataTable) > /);
          continue;
        }
        counts.interface++;
        counts.interfacePositional += Number(byPosition);
      }
      perPage.push(`${name}: ${map.elements.length - positional}/${map.elements.length}`);
      counts.all += map.elements.length;
      counts.positional += positional;
    }
    const share = 1 - counts.interfacePositional / counts.interface;
    const overall = 1 - counts.positional / counts.all;
    console.log(
      `Primary selectors without nth-of-type on the demo pages: ${(share * 100).toFixed(1)} % of ${counts.interface} outside data-table rows; ` +
        `${(overall * 100).toFixed(1)} % of all ${counts.all} (${perPage.join(', ')})`,
    );
    expect(counts.interface).toBeGreaterThan(150);
    expect(share).toBeGreaterThanOrEqual(0.8);
  });

  it('never start at html or body:nth-of-type, and a position comes only below a stable ancestor or body', () => {
    for (const map of maps.values()) {
      for (const element of map.elements) {
        for (const selector of [element.selector, ...element.alternates]) {
          expect(selector).not.toMatch(/(^|\s)html\b|body:nth/);
          const inner = selector.split(/\s*>>>\s*/).at(-1)!;
          if (inner.includes('nth-of-type')) expect(inner.split(/\s+/)[0], selector).toMatch(/^(body|#|\[|\.|[a-z0-9-]+[[.:])/);
        }
      }
    }
  });

  it('use the stable hints that are there: link paths, labels, ids, test ids', () => {
    const dashboard = maps.get('dashboard')!;
    const selectorOf = (name: string, tag?: string) => dashboard.elements.find((element) => element.name?.startsWith(name) && (!tag || element.tag === tag))?.selector;
    expect(selectorOf('Tables', 'a')).toBe('a[href="tables.html"]');
    expect(selectorOf('Charts', 'a')).toBe('a[href="charts.html"]');
    expect(selectorOf('Generate Report', 'a')).toBe('a[href="report.html"]');
    expect(selectorOf('Search', 'input')).toBe('input[aria-label="Search"]');
    expect(selectorOf('Add employee')).toBe('#add-employee');
    expect(selectorOf('Tasks done')).toBe('div[aria-label="Tasks done"]');
    // A class that names a component, never a utility.
    expect(selectorOf('SB Admin Pro is packed', 'div')).toBe('.sidebar-card');
    for (const element of dashboard.elements) expect(element.selector, 'utility classes').not.toMatch(/\.(d-|mb-|mt-|me-|ms-|text-|fw-|col-|row\b|bg-|shadow\b|small\b)/);
  });
});

describe('alternates', () => {
  it('are genuinely different strategies, not the same path twice', () => {
    let withAlternates = 0;
    for (const map of maps.values()) {
      for (const element of map.elements) {
        const strategies = [element.selector, ...element.alternates].map(strategy);
        expect(strategies.filter((each) => each === 'structural').length, element.selector).toBeLessThanOrEqual(1);
        expect(strategies.filter((each) => each === 'path').length, element.selector).toBeLessThanOrEqual(1);
        if (element.alternates.length) withAlternates++;
        // A different strategy comes first among the alternates whenever there is one.
        if (element.alternates.length && new Set(strategies).size > 1) expect(strategy(element.alternates[0]!), element.selector).not.toBe(strategies[0]);
      }
    }
    expect(withAlternates).toBeGreaterThan(100);
  });

  it('each selector of each element finds exactly that element, and nothing else, in its scope', async () => {
    for (const { name, url, viewport } of pages()) {
      page = await browser.newPage({ viewport });
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => document.fonts.status === 'loaded' && [...document.querySelectorAll('iframe')].every((frame) => frame.contentDocument?.readyState === 'complete'));
      const problems = await page.evaluate((elements) => {
        /** Resolves "host >>> inner" the way the player does, counting matches at every step. */
        const resolve = (selector: string): Element | string => {
          let scope: Document | ShadowRoot = document;
          let found: Element | undefined;
          for (const part of selector.split(/\s*>>>\s*/)) {
            const matches: NodeListOf<Element> = scope.querySelectorAll(part);
            if (matches.length !== 1) return `${matches.length} matches for ${part}`;
            const match: Element = matches[0]!;
            found = match;
            scope = match.shadowRoot ?? (match as HTMLIFrameElement).contentDocument ?? scope;
          }
          return found!;
        };
        const wrong: string[] = [];
        for (const element of elements) {
          const primary = resolve(element.selector);
          if (typeof primary === 'string') {
            wrong.push(`${element.selector}: ${primary}`);
            continue;
          }
          // The primary finds the element that was fingerprinted (same tag, same place in the document).
          const view = primary.ownerDocument.defaultView!;
          const rect = primary.getBoundingClientRect();
          const box = element.fingerprint.box!;
          if (primary.localName !== element.tag || Math.round(rect.x + view.scrollX) !== box.x || Math.round(rect.y + view.scrollY) !== box.y) wrong.push(`${element.selector}: another element`);
          for (const alternate of element.alternates) {
            const other = resolve(alternate);
            if (other !== primary) wrong.push(`${alternate} (alternate of ${element.selector}): ${typeof other === 'string' ? other : 'another element'}`);
          }
        }
        return wrong;
      }, maps.get(name)!.elements);
      await page.close();
      expect(problems, name).toEqual([]);
    }
  });
});
