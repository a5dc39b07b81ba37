import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaptureJobs } from '../../../main/capture/captureJobs';
import { createPlaywrightCapture } from '../../../main/capture/playwrightCapture';
import { createProjectStore } from '../../../main/services/projectStore';
import { captureRequestSchema, type CaptureRequestInput } from '../../../shared/model/capture';
import { PROJECT_VERSION } from '../../../shared/model/project';
import type { Screen } from '../../../shared/model/screen';
import { loadProjectText } from '../../../shared/project/loadProject';
import { storeElementMap } from '../../../shared/project/storedElementMap';
import { largePageHtml } from '../../fixtures/largePage';
import { serveStatic, type StaticSite } from '../../fixtures/serveStatic';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const playwright = createPlaywrightCapture({ executablePath: CHROMIUM });
const jobs = createCaptureJobs(playwright.openPage);
let site: StaticSite;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  site = await serveStatic(fileURLToPath(new URL('../../fixtures/demo-site', import.meta.url)), { '/large.html': () => largePageHtml(5_600), '/large-columns.html': () => largePageHtml(5_600, { columns: 3 }) });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  dir = mkdtempSync(join(tmpdir(), 'stepwise-capture-'));
});
afterAll(async () => {
  await Promise.all([site.close(), browser.close(), playwright.close()]);
  rmSync(dir, { recursive: true, force: true });
});

async function capture(input: Partial<CaptureRequestInput> & { url: string }): Promise<Screen> {
  const request = captureRequestSchema.parse({ viewport: { width: 1280, height: 800 }, ...input });
  const store = createProjectStore({ projectsDir: dir });
  const { jobId } = jobs.start(request, (bytes, image) => store.saveImage(join(dir, 'p.stepwise'), bytes, image));
  const status = await jobs.settled(jobId);
  if (status.stage !== 'done') throw new Error(`capture ${status.stage}: ${status.error}`);
  return status.screen!;
}

interface Resolved {
  selector: string;
  matches: number;
  rect?: { x: number; y: number; width: number; height: number };
  clipped?: boolean;
}

/** Resolves each selector the way the player does ("a >>> b" steps into shadow roots and frames), counting matches at every step. */
async function resolveAll(url: string, selectors: string[], viewport: { width: number; height: number }, scale: number): Promise<Resolved[]> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: scale });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  // The same settled page the capture mapped: fonts in and every frame's document complete.
  await page.waitForFunction(() => document.fonts.status === 'loaded' && [...document.querySelectorAll('iframe')].every((frame) => frame.contentDocument?.readyState === 'complete'));
  const resolved = await page.evaluate((list) => {
    return list.map((selector) => {
      let scope: Document | ShadowRoot = document;
      let offsetX = 0;
      let offsetY = 0;
      let element: Element | null = null;
      const parts = selector.split(/\s*>>>\s*/);
      for (const [index, part] of parts.entries()) {
        const matches: NodeListOf<Element> = scope.querySelectorAll(part);
        if (matches.length !== 1) return { selector, matches: matches.length };
        element = matches[0]!;
        if (index === parts.length - 1) break;
        if (element.shadowRoot) scope = element.shadowRoot;
        else if (element instanceof HTMLIFrameElement && element.contentDocument) {
          const frame = element.getBoundingClientRect();
          offsetX += frame.left + element.clientLeft;
          offsetY += frame.top + element.clientTop;
          scope = element.contentDocument;
        }
      }
      const target = element as Element;
      const rect = target.getBoundingClientRect();
      let clipped = false;
      for (let parent = target.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowY !== 'visible' || style.overflowX !== 'visible') clipped = true;
      }
      return { selector, matches: 1, clipped, rect: { x: rect.x + offsetX, y: rect.y + offsetY, width: rect.width, height: rect.height } };
    });
  }, selectors);
  await context.close();
  return resolved;
}

describe('capturing the demo site', () => {
  it.each([
    ['/', 1],
    ['/invoices', 1],
    ['/customers', 2],
    ['/settings', 1],
  ])('maps %s (scale %d): every selector finds exactly one element, at the mapped box', async (path, scale) => {
    const screen = await capture({ url: site.url + path, deviceScaleFactor: scale });
    expect(screen.image.width).toBe(1280 * scale);
    expect(screen.elements.length).toBeGreaterThan(8);
    const resolved = await resolveAll(site.url + path, screen.elements.flatMap((element) => [element.selector, ...element.alternates]), { width: 1280, height: 800 }, scale);
    const bySelector = new Map(resolved.map((entry) => [entry.selector, entry]));
    for (const element of screen.elements) {
      for (const selector of [element.selector, ...element.alternates]) {
        const found = bySelector.get(selector)!;
        expect(found.matches, `${selector} matches`).toBe(1);
        const rect = found.rect!;
        const expected = {
          x: Math.round(Math.max(0, rect.x) * scale),
          y: Math.round(Math.max(0, rect.y) * scale),
          right: Math.round(Math.min(1280, rect.x + rect.width) * scale),
          bottom: Math.round(Math.min(800, rect.y + rect.height) * scale),
        };
        const box = element.box;
        if (found.clipped) {
          // Inside a scroll container the map keeps only the part that shows.
          expect(box.x).toBeGreaterThanOrEqual(expected.x - 1);
          expect(box.y + box.height).toBeLessThanOrEqual(expected.bottom + 1);
        } else {
          expect(Math.abs(box.x - expected.x), `${selector} x`).toBeLessThanOrEqual(1);
          expect(Math.abs(box.y - expected.y), `${selector} y`).toBeLessThanOrEqual(1);
          expect(Math.abs(box.x + box.width - expected.right), `${selector} right`).toBeLessThanOrEqual(1);
          expect(Math.abs(box.y + box.height - expected.bottom), `${selector} bottom`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('prefers test ids, then hand-written ids and labels, over structural paths', async () => {
    const screen = await capture({ url: `${site.url}/` });
    const byName = (name: string) => screen.elements.find((element) => element.name === name)!;
    expect(byName('New invoice').selector).toBe('[data-testid="new-invoice"]');
    // Alternates that do not break with the test id: a class path and a structure.
    expect(byName('New invoice').alternates).toEqual(['.primary', '.toolbar > button:nth-of-type(1)']);
    expect(byName('Import CSV').selector).toBe('#import-csv');
    expect(byName('Account').selector).toBe('#account-menu');
    expect(byName('Invoices').selector).toBe('[data-testid="nav-invoices"]');
    // A position only for an element with nothing stable of its own (below its nearest stable ancestor).
    const structural = screen.elements.filter((element) => /nth-(child|of-type)/.test(element.selector));
    for (const element of structural) {
      for (const stable of ['data-testid', 'id', 'aria-label', 'name']) expect(element.fingerprint?.attributes?.[stable], `${element.selector}: ${stable}`).toBeUndefined();
    }
    // Generated-looking ids never become selectors.
    expect(screen.elements.some((element) => /:r\d+:|ember\d+/.test(element.selector))).toBe(false);
  });

  it('maps into the open shadow root and the same-origin iframe, and says which', async () => {
    const screen = await capture({ url: `${site.url}/settings` });
    const chat = screen.elements.find((element) => element.name === 'Open chat')!;
    expect(chat.context).toBe('shadow');
    expect(chat.selector).toBe('acme-help-widget >>> #chat');
    const upgrade = screen.elements.find((element) => element.name === 'Upgrade')!;
    expect(upgrade.context).toBe('iframe');
    expect(upgrade.selector).toBe('#billing-frame >>> #upgrade');
  });

  it('maps a full page in document coordinates, below the fold included', async () => {
    const screen = await capture({ url: `${site.url}/`, fullPage: true });
    expect(screen.image.height).toBeGreaterThan(800);
    const feedback = screen.elements.find((element) => element.selector === '[data-testid="footer-feedback"]')!;
    expect(feedback.box.y).toBeGreaterThan(800);
    expect(feedback.box.y + feedback.box.height).toBeLessThanOrEqual(screen.image.height);
  });

  it('keeps every selector unique on a page of 5,000 elements, where finder runs out of time', async () => {
    const screen = await capture({ url: `${site.url}/large.html`, fullPage: true });
    expect(screen.elements.length).toBeGreaterThan(1_000);
    const selectors = screen.elements.flatMap((element) => [element.selector, ...element.alternates]);
    const resolved = await resolveAll(`${site.url}/large.html`, selectors, { width: 1280, height: 800 }, 1);
    expect(resolved.filter((entry) => entry.matches !== 1).map((entry) => entry.selector)).toEqual([]);
    expect(screen.elements.find((element) => element.name === 'Action 250')!.selector).toBe('[data-testid="row-250"]');
    // Within the 1 MB budget, fingerprints and the tree included.
    expect(Buffer.byteLength(JSON.stringify(screen.elements))).toBeLessThanOrEqual(1024 * 1024);
    const ids = new Set(screen.elements.map((element) => element.id));
    expect(screen.elements.every((element) => element.fingerprint && (!element.parentId || ids.has(element.parentId)))).toBe(true);
    // The page is taller than the image limit: the screenshot and the map stop at 16,384 px.
    expect(screen.image.height).toBe(16_384);
    expect(Math.max(...screen.elements.map((element) => element.box.y + element.box.height))).toBeLessThanOrEqual(16_384);
  });

  it('maps all 5,000 elements of a page that fits one screenshot within the 1 MB budget, and project.json gives them back whole', async () => {
    const screen = await capture({ url: `${site.url}/large-columns.html`, fullPage: true });
    expect(screen.elements.length).toBeGreaterThan(4_900);
    const stored = storeElementMap(screen.elements);
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThanOrEqual(1024 * 1024);
    // Read back as the app reads project.json: every entry, selector and fingerprint as captured.
    const project = { format: 'stepwise.project', version: PROJECT_VERSION, id: 'p1', name: 'Large', screens: [{ ...screen, elements: stored }] };
    const loaded = loadProjectText(JSON.stringify(project), 'project.json');
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.project.screens[0]!.elements).toEqual(screen.elements);
  });
});
