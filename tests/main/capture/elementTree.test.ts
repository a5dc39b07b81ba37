import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementMapExpression } from '../../../main/capture/elementMapScript';
import type { PageElement, PageElementMap } from '../../../main/capture/inPage/mapElements';
import { DRIFT_VIEWPORT, serveDriftSite } from '../../fixtures/drift/driftCorpus';
import type { StaticSite } from '../../fixtures/serveStatic';

/** What an author can pick on the captured Bootstrap dashboard (the drift corpus's base page), and how the picks nest. */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser: Browser;
let page: Page;
let site: StaticSite;
let map: PageElementMap;

async function mapPage(options: { scale?: number; fullPage?: boolean } = {}): Promise<PageElementMap> {
  return (await page.evaluate(elementMapExpression({ scale: options.scale ?? 1, fullPage: options.fullPage ?? true, maxElements: 6_000, maxHeight: 16_384 }))) as PageElementMap;
}

beforeAll(async () => {
  site = await serveDriftSite({ keys: false });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage({ viewport: DRIFT_VIEWPORT });
  await page.goto(`${site.url}/base/index.html`, { waitUntil: 'load' });
  map = await mapPage();
});
afterAll(async () => {
  await Promise.all([browser?.close(), site?.close()]);
});

const named = (name: string, tag?: string) => {
  const found = map.elements.filter((element) => element.name === name && (!tag || element.tag === tag));
  expect(found, `one ${tag ?? 'element'} named "${name}"`).toHaveLength(1);
  return found[0]!;
};
const parentOf = (element: PageElement) => (element.parent === undefined ? undefined : map.elements[element.parent]);
/** The names up the tree: what the inspector's breadcrumb shows. */
const chain = (element: PageElement) => {
  const names: string[] = [];
  for (let parent = parentOf(element); parent; parent = parentOf(parent)) names.push(parent.name ?? parent.tag);
  return names;
};
const inside = (inner: PageElement, outer: PageElement) =>
  inner.box.x >= outer.box.x && inner.box.y >= outer.box.y && inner.box.x + inner.box.width <= outer.box.x + outer.box.width && inner.box.y + inner.box.height <= outer.box.y + outer.box.height;

describe('mapping everything a person could point at', () => {
  it('a KPI card and the number in it are each one pick, the number a child of the card', () => {
    const card = named('Earnings (Monthly) $40,000');
    expect(card.fingerprint.classes).toContain('card');
    const number = named('$40,000');
    const title = named('Earnings (Monthly)');
    expect(chain(number)).toContain('Earnings (Monthly) $40,000');
    expect(chain(title)).toContain('Earnings (Monthly) $40,000');
    expect(inside(number, card) && number.box.height < card.box.height / 2).toBe(true);
    // Not its decorative (aria-hidden) icon: four cards carry the same one, and nothing tells them apart after a release.
    expect(map.elements.filter((element) => element.tag === 'svg' && parentOf(element) === card)).toEqual([]);
    // The layout columns between the content area and the card are not in the list.
    expect(parentOf(card)!.selector).toBe('#content');
  });

  it('charts and their panels, headings, list items with their badges, table rows and cells', () => {
    const chart = named('Earnings by month', 'svg');
    // The chart's panel is its own pick between the chart and its card.
    const panel = parentOf(chart)!;
    expect(panel.selector).not.toBe('#earnings-overview');
    expect(inside(chart, panel) && panel.box.height > chart.box.height).toBe(true);
    expect(chain(chart)).toContain(map.elements.find((element) => element.selector === '#earnings-overview')!.name);
    expect(named('Revenue by source', 'canvas')).toBeDefined();
    expect(named('Dashboard', 'h1')).toBeDefined();
    expect(named('Employees', 'h6')).toBeDefined();

    const item = named('Invoice #1042 paid $1,200', 'li');
    expect(parentOf(named('$1,200'))).toBe(item);

    const row = map.elements.find((element) => element.tag === 'tr' && element.name?.startsWith('Tiger Nixon System Architect'))!;
    expect(row).toBeDefined();
    const cell = map.elements.find((element) => element.tag === 'td' && element.name === 'System Architect')!;
    expect(parentOf(cell)).toBe(row);
    expect(map.elements.filter((element) => element.tag === 'td')).toHaveLength(5 * 6);
  });

  it("a link's count badge is its own pick inside the link; the link's icon is part of the link", () => {
    const badge = named('3+');
    const alerts = parentOf(badge)!;
    expect(alerts.selector).toBe('#alertsDropdown');
    expect(map.elements.filter((element) => element.parent === map.elements.indexOf(alerts))).toEqual([badge]);
  });

  it('leaves out what a person cannot see: closed dropdowns and collapsed menus', () => {
    const names = new Set(map.elements.map((element) => element.name));
    for (const hidden of ['Alerts Center', 'Show All Alerts', 'Profile', 'Logout', 'Custom Components:', 'Buttons', 'Another action']) expect(names.has(hidden), hidden).toBe(false);
    // And the top bar is not named after its closed alerts menu.
    const topbar = map.elements.find((element) => element.tag === 'nav')!;
    expect(topbar.name ?? '').not.toContain('Alerts Center');
  });

  it('skips wrappers that only repeat their child: a sidebar item is its link', () => {
    const tables = map.elements.find((element) => element.selector === 'a[href="tables.html"]')!;
    expect(tables.name).toBe('Tables');
    expect(parentOf(tables)!.selector).toBe('#accordionSidebar');
    for (const element of map.elements) {
      const parent = parentOf(element);
      if (!parent || element.tag === 'svg' || element.tag === 'canvas') continue;
      const same = element.box.x === parent.box.x && element.box.y === parent.box.y && element.box.width === parent.box.width && element.box.height === parent.box.height;
      if (same) expect(['a', 'button', 'input', 'select', 'textarea', 'label'].includes(element.tag) || element.fingerprint.attributes !== undefined, `${element.selector} repeats ${parent.selector}`).toBe(true);
    }
  });

  it('every parent comes before its children, so the tree has no loops', () => {
    map.elements.forEach((element, index) => {
      if (element.parent !== undefined) expect(element.parent).toBeLessThan(index);
    });
    expect(map.elements.filter((element) => element.parent === undefined).length).toBeLessThan(5);
  });
});

describe('fingerprints', () => {
  it("every element carries one, read by the player's describeElement (link paths, labels, visible text, component classes)", () => {
    expect(map.elements.every((element) => element.fingerprint && element.fingerprint.tag === element.tag)).toBe(true);
    const tables = map.elements.find((element) => element.selector === 'a[href="tables.html"]')!;
    expect(tables.fingerprint).toMatchObject({ tag: 'a', role: 'link', text: 'Tables', attributes: { href: 'tables.html' }, classes: ['nav-link'] });
    expect(tables.fingerprint.ancestors![0]).toMatchObject({ tag: 'li', classes: ['nav-item'] });
    // Utility classes are not part of what an element is.
    const report = map.elements.find((element) => element.fingerprint.attributes?.href === 'report.html')!;
    expect(report.fingerprint.classes).toContain('btn-primary');
    for (const utility of ['d-none', 'd-sm-inline-block', 'shadow-sm']) expect(report.fingerprint.classes).not.toContain(utility);
  });

  it('boxes are CSS pixels of the document, whatever the screenshot scale and scroll', async () => {
    await page.evaluate(() => window.scrollTo(0, 300));
    const scrolled = await mapPage({ scale: 2, fullPage: false });
    await page.evaluate(() => window.scrollTo(0, 0));
    const employees = scrolled.elements.find((element) => element.selector === '#employees')!;
    const documentBox = await page.evaluate(() => {
      const rect = document.querySelector('#employees')!.getBoundingClientRect();
      return { x: rect.x + scrollX, y: rect.y + scrollY, width: rect.width, height: rect.height };
    });
    expect(employees.fingerprint.box).toEqual({ x: Math.round(documentBox.x), y: Math.round(documentBox.y), width: Math.round(documentBox.width), height: Math.round(documentBox.height) });
    // The map's box is in screenshot pixels of what was in view.
    expect(employees.box.x).toBe(Math.round(documentBox.x * 2));
    expect(employees.box.y).toBe(Math.max(0, Math.round((documentBox.y - 300) * 2)));
  });
});
