import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementMapExpression } from '../../../main/capture/elementMapScript';
import type { PageElementMap } from '../../../main/capture/inPage/mapElements';

/** Pages that make selectors hard to spell: each selector must still find exactly its element. */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage({ viewport: { width: 800, height: 600 } });
});
afterAll(async () => {
  await browser?.close();
});

/** Maps the page, then resolves every selector of every element in it: the problems found, and the map. */
async function mapAndResolve(html: string): Promise<{ problems: string[]; map: PageElementMap }> {
  await page.setContent(`<!doctype html><body style="font: 16px sans-serif">${html}</body>`);
  const map = (await page.evaluate(elementMapExpression({ scale: 1, fullPage: true, maxElements: 1_000, maxHeight: 10_000 }))) as PageElementMap;
  const problems = await page.evaluate((elements) => {
    const found: string[] = [];
    for (const element of elements) {
      let first: Element | undefined;
      for (const selector of [element.selector, ...element.alternates]) {
        try {
          const matches = document.querySelectorAll(selector);
          if (matches.length !== 1) found.push(`${selector}: ${matches.length} matches`);
          else if (first && matches[0] !== first) found.push(`${selector}: another element than ${element.selector}`);
          first ??= matches[0];
        } catch {
          found.push(`${selector}: not valid CSS`);
        }
      }
    }
    return found;
  }, map.elements);
  return { problems, map };
}

describe('selectors on awkward pages', () => {
  it('custom elements whose names CSS reads otherwise, ids and labels with quotes, backslashes and line breaks', async () => {
    const { problems, map } = await mapAndResolve(`
      <my-widget.v2 style="display:block;padding:8px;background:#eee">Widget</my-widget.v2>
      <my-widget.v2 style="display:block;padding:8px;background:#ddd">Widget two</my-widget.v2>
      <button id="save:draft">Save</button>
      <button aria-label='Say "hi" \\ now'>Hi</button>
      <button aria-label="Two&#13;&#10;lines&#12;">Two</button>
      <a href="https://example.com/reports/q1?x=1#top">Q1 report</a>
      <a href="https://example.com/reports/q2">Q2 report</a>`);
    expect(problems).toEqual([]);
    expect(map.elements.map((element) => element.name)).toEqual(expect.arrayContaining(['Widget', 'Widget two', 'Save', 'Say "hi" \\ now', 'Two lines', 'Q1 report', 'Q2 report']));
    // A link to another origin is found by its path, so moving the site to staging keeps it.
    expect(map.elements.find((element) => element.name === 'Q2 report')!.selector).toBe('a[href$="/reports/q2"]');
  });

  it('many lookalike items without anything stable: positions below the nearest stable ancestor, never from html', async () => {
    const items = Array.from({ length: 30 }, (_, i) => `<li><span>Item</span> <em>${i % 3}</em></li>`).join('');
    const { problems, map } = await mapAndResolve(`<div><div><ul id="list">${items}</ul></div></div><div><p>One</p><p>Two</p></div>`);
    expect(problems).toEqual([]);
    for (const element of map.elements) expect(element.selector).not.toMatch(/^html|body:nth/);
    expect(map.elements.filter((element) => element.tag === 'li').every((element) => element.selector.startsWith('#list > li:nth-of-type('))).toBe(true);
  });

  it('a table whose rows hold a link: each cell is found by its row\'s link and its column, so sorting the table keeps it', async () => {
    const rows = [17, 18, 19].map((n) => `<tr><td><a href="/orders/${n}">#${n}</a></td><td>Customer ${n}</td><td>€${n}.00</td></tr>`).join('');
    const { problems, map } = await mapAndResolve(`<table id="orders"><thead><tr><th>Order</th><th>Customer</th><th>Amount</th></tr></thead><tbody>${rows}</tbody></table>`);
    expect(problems).toEqual([]);
    const amount = map.elements.find((element) => element.name === '€18.00')!;
    expect(amount.selector).toBe('tr:has(a[href="/orders/18"]) > td:nth-of-type(3)');
    // The row itself is named by its link, never by the row after it.
    const row = map.elements.find((element) => element.tag === 'tr' && element.name?.startsWith('#18'))!;
    expect([row.selector, ...row.alternates].join(' ')).not.toContain(':has(+');
    // The next release sorts the table the other way round: the selector still finds €18.00.
    await page.evaluate(() => {
      const body = document.querySelector('tbody')!;
      for (const row of Array.from(body.rows).reverse()) body.append(row);
    });
    expect(await page.evaluate((selector) => document.querySelector(selector)?.textContent, amount.selector)).toBe('€18.00');
  });
});
