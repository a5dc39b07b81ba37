import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementMapExpression } from '../../../main/capture/elementMapScript';
import type { PageElementMap } from '../../../main/capture/inPage/mapElements';

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

/** The name the element map gives the element with this id, as the inspector's element list shows it. */
async function nameOf(html: string, id: string): Promise<string | undefined> {
  await page.setContent(`<body style="font: 16px sans-serif">${html}</body>`);
  const map = (await page.evaluate(elementMapExpression({ scale: 1, fullPage: false, maxElements: 1_000, maxHeight: 10_000 }))) as PageElementMap;
  return map.elements.find((element) => element.selector === `#${id}`)?.name;
}

describe('names of icon-only controls in the element map', () => {
  it("an icon font's bell with a count badge is the bell, not the count or the tag", async () => {
    expect(await nameOf('<a id="alertsDropdown" href="#" role="button"><i class="fas fa-bell fa-fw"></i><span class="badge">3+</span></a>', 'alertsDropdown')).toBe('bell icon');
  });

  it("an icon's own label or title", async () => {
    expect(await nameOf('<button id="b1"><svg width="16" height="16" aria-label="Notifications"></svg></button>', 'b1')).toBe('Notifications');
    expect(await nameOf('<button id="b2"><span class="glyph" title="Messages">✉</span></button>', 'b2')).toBe('Messages');
  });

  it("an svg's <title>", async () => {
    expect(await nameOf('<a id="gear" href="#"><svg width="16" height="16"><title>Settings</title><circle r="4" cx="8" cy="8"/></svg></a>', 'gear')).toBe('Settings');
  });

  it('the link target when nothing else names it', async () => {
    expect(await nameOf('<a id="out" href="/account/billing" style="display:inline-block;width:20px;height:20px"></a>', 'out')).toBe('Link to /account/billing');
  });

  it('words in the element still come first', async () => {
    expect(await nameOf('<a id="inbox" href="/inbox"><i class="fa fa-envelope"></i> Inbox</a>', 'inbox')).toBe('Inbox');
  });
});

describe('hidden parts name nothing', () => {
  it('a top bar is not named by the heading of its closed dropdown', async () => {
    const html = `<nav id="topbar" style="display:flex;gap:8px">
      <a href="/alerts" id="alerts" title="Alerts">!</a>
      <div class="dropdown-menu" style="display:none"><h6>Alerts Center</h6><a href="#">A new report</a></div>
    </nav>`;
    expect(await nameOf(html, 'topbar')).toBeUndefined();
  });

  it('a card reads its visible words only: not a collapsed menu, an aria-hidden part or an invisible one', async () => {
    const html = `<div id="card" style="border:1px solid #ccc;padding:8px">
      <div>Earnings (Monthly)</div><div>$40,000</div>
      <ul hidden><li>Export</li></ul><span aria-hidden="true">decoration</span><span style="visibility:hidden">ghost</span>
    </div>`;
    expect(await nameOf(html, 'card')).toBe('Earnings (Monthly) $40,000');
  });

  it('a section takes its visible heading, not a hidden one before it', async () => {
    const html = '<section id="s"><h2 style="display:none">Old title</h2><h2>Team members</h2><p>Five people</p></section>';
    expect(await nameOf(html, 's')).toBe('Team members');
  });

  it('an icon inside a closed menu does not name the button beside it', async () => {
    const html = '<button id="menu" style="width:30px;height:30px"><span class="dropdown" style="display:none"><i class="fa fa-bell"></i></span></button>';
    expect(await nameOf(html, 'menu')).toBeUndefined();
  });
});
