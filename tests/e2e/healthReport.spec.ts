import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { renderHealthReport } from '../../main/health/report/renderHealthReport';
import type { AnchorResult, HealthPlan, HealthReport, PlannedAnchor, ScreenResult } from '../../shared/health/flowHealth';
import { flowVerdicts } from '../../shared/health/flowVerdicts';
import type { Box } from '../../shared/model/geometry';
import { XSS_PAYLOADS } from '../fixtures/xssPayloads';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test } from '@playwright/test';

/** A small product page; the "fresh" release moved a button, renamed another and dropped the filters. */
function productPage(release: 'captured' | 'fresh'): string {
  const fresh = release === 'fresh';
  return `<!doctype html><html><head><style>
    body{margin:0;font:15px system-ui,sans-serif;background:#f6f7fb;color:#1d2433}
    nav{display:flex;gap:18px;align-items:center;padding:14px 28px;background:#1f2a44;color:#fff}
    nav b{margin-right:24px}main{padding:28px}
    .bar{display:flex;gap:12px;align-items:center;margin-bottom:20px}
    button{font:inherit;padding:9px 16px;border-radius:8px;border:1px solid #c9cfdb;background:#fff}
    .primary{background:#4f46e5;color:#fff;border-color:#4f46e5}
    table{width:100%;border-collapse:collapse;background:#fff}td,th{padding:10px 14px;border-bottom:1px solid #e5e8ef;text-align:left}
    .spacer{flex:1}
  </style></head><body>
    <nav><b>Acme Invoices</b><span>Dashboard</span><span>Customers</span><span>Reports</span></nav>
    <main>
      <div class="bar">
        <h2 style="margin:0">Invoices</h2>
        ${fresh ? '<span class="spacer"></span>' : ''}
        <button class="primary" id="new-invoice">New invoice</button>
        <button ${fresh ? 'data-testid="upload-csv"' : 'id="import-csv"'}>${fresh ? 'Upload CSV' : 'Import CSV'}</button>
        ${fresh ? '' : '<button id="filters">Filters</button>'}
      </div>
      <table><tr><th>Number</th><th>Customer</th><th>Amount</th></tr>
        ${Array.from({ length: 8 }, (_, index) => `<tr><td>INV-${1040 + index}</td><td>Customer ${index + 1}</td><td>$${(index + 3) * 125}.00</td></tr>`).join('')}
      </table>
    </main></body></html>`;
}

interface Shot {
  png: Uint8Array;
  boxes: Record<string, Box>;
}

async function shoot(page: Page, html: string, selectors: Record<string, string>): Promise<Shot> {
  await page.setContent(html);
  const boxes: Record<string, Box> = {};
  for (const [name, selector] of Object.entries(selectors)) {
    const target = page.locator(selector);
    if (await target.count()) boxes[name] = (await target.boundingBox())!;
  }
  return { png: await page.screenshot(), boxes };
}

const IDS = { invoices: 'scr-invoices', failing: 'scr-billing', onboarding: 'flow-onboarding', billing: 'flow-billing', welcome: 'flow-welcome' };

/** A check of three flows on two URL screens (one no longer loads), with every kind of status a reader must see. */
async function scenario(browser: Browser, texts: (name: string) => string = (name) => name) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const targets = { newInvoice: '#new-invoice', importCsv: 'button:has-text("CSV")', filters: '#filters' };
  const captured = await shoot(page, productPage('captured'), targets);
  const fresh = await shoot(page, productPage('fresh'), targets);
  await page.close();

  const source = { kind: 'url' as const, url: 'http://127.0.0.1:4010/invoices', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, fullPage: false };
  const anchor = (itemId: string, label: string, selector: string, box: Box, flowId = IDS.onboarding): PlannedAnchor => ({ flowId, itemId, label: texts(label), selectors: [texts(selector)], box });
  const plan: HealthPlan = {
    screens: [
      {
        screenId: IDS.invoices,
        name: texts('Invoices'),
        source,
        image: { file: `${'a'.repeat(64)}.png`, width: 1280, height: 800 },
        anchors: [
          anchor('step-1', 'Onboarding › step 1 “Create your first invoice”', '#new-invoice', captured.boxes.newInvoice!),
          anchor('step-2', 'Onboarding › step 2 “Bring your invoices”', '#import-csv', captured.boxes.importCsv!),
          anchor('step-3', 'Onboarding › step 3 “Narrow the list”', '#filters', captured.boxes.filters!),
        ],
      },
      {
        screenId: IDS.failing,
        name: texts('Billing'),
        source: { ...source, url: 'http://127.0.0.1:4010/billing' },
        image: { file: `${'b'.repeat(64)}.png`, width: 1280, height: 800 },
        anchors: [anchor('billing-1', 'Billing › step 1 “Your plan”', '#new-invoice', captured.boxes.newInvoice!, IDS.billing)],
      },
    ],
    unchecked: [{ flowId: IDS.welcome, itemId: 'welcome-1', label: texts('Welcome › step 1 “Hello”'), reason: texts('its screen was added from an image, so there is no page to load') }],
    flows: [
      { flowId: IDS.onboarding, name: texts('Onboarding') },
      { flowId: IDS.billing, name: texts('Billing') },
      { flowId: IDS.welcome, name: texts('Welcome') },
    ],
  };
  const anchors: AnchorResult[] = [
    { flowId: IDS.onboarding, itemId: 'step-1', screenId: IDS.invoices, label: plan.screens[0]!.anchors[0]!.label, status: 'moved', foundBy: 'selector', box: fresh.boxes.newInvoice!, reason: texts('found by its first selector, 820 px to the right') },
    {
      flowId: IDS.onboarding,
      itemId: 'step-2',
      screenId: IDS.invoices,
      label: plan.screens[0]!.anchors[1]!.label,
      status: 'changed',
      foundBy: 'fingerprint',
      score: 0.82,
      box: fresh.boxes.importCsv!,
      reason: texts('found by its fingerprint (0.82): the selectors find nothing'),
      suggestion: { selectors: [texts('[data-testid="upload-csv"]'), 'main .bar > button:nth-of-type(2)'] },
    },
    { flowId: IDS.onboarding, itemId: 'step-3', screenId: IDS.invoices, label: plan.screens[0]!.anchors[2]!.label, status: 'missing', reason: texts('no selector matches and nothing on the page fits its fingerprint') },
  ];
  const screens: ScreenResult[] = [
    { screenId: IDS.invoices, name: plan.screens[0]!.name, url: texts('http://127.0.0.1:4010/invoices'), status: 'checked', notices: [texts('Dismissed a dialog: “Your trial ends in 3 days”')], ms: 1840 },
    { screenId: IDS.failing, name: plan.screens[1]!.name, url: texts('http://127.0.0.1:4010/billing'), status: 'failed', error: texts('http://127.0.0.1:4010/billing went to the sign-in page (http://127.0.0.1:4010/login): sign in again in the capture browser'), notices: [], ms: 920 },
  ];
  const report: HealthReport = {
    checkedAt: '2026-12-03T14:05:00.000Z',
    baseUrl: 'http://127.0.0.1:4010',
    screens,
    anchors,
    unchecked: plan.unchecked,
    flows: flowVerdicts(plan, anchors, plan.unchecked, new Set([IDS.failing])),
    ms: 2790,
  };
  const images = { captured: captured.png, fresh: fresh.png };
  return { plan, report, images };
}

async function writeReport(browser: Browser, name: string, texts?: (name: string) => string, projectName = 'Acme onboarding') {
  const { plan, report, images } = await scenario(browser, texts);
  const html = await renderHealthReport({
    report,
    plan,
    browser,
    projectName,
    capturedImage: (screenId) => (screenId === IDS.invoices || screenId === IDS.failing ? images.captured : undefined),
    freshImage: (screenId) => (screenId === IDS.invoices ? images.fresh : undefined),
  });
  const file = test.info().outputPath(name);
  writeFileSync(file, html);
  return { file, html };
}

/** Opens the report from disk in a context with the network off; any request but the file itself is recorded. */
async function openOffline(browser: Browser, file: string, options: { colorScheme?: 'light' | 'dark' } = {}) {
  const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 }, ...options });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (request) => !request.url().startsWith('file:') && !request.url().startsWith('data:') && requests.push(request.url()));
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(pathToFileURL(file).href);
  return { context, page, requests, problems };
}

test('the health report opened offline shows the verdicts, each step with both thumbnails, and the screen that failed', async ({ browser }) => {
  const { file, html } = await writeReport(browser, 'health-report.html');
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/);
  const { context, page, requests, problems } = await openOffline(browser, file);

  await expect(page.getByRole('heading', { name: 'Acme onboarding — flow health', level: 1 })).toBeVisible();
  await expect(page.locator('.headline')).toHaveText('2 flows are broken');

  const onboarding = page.getByRole('region', { name: 'Flow Onboarding' });
  await expect(onboarding.locator('.flow-head')).toContainText('Broken');
  await expect(onboarding.locator('.counts')).toHaveText('3 anchors: 1 moved · 1 changed · 1 missing');
  await expect(page.getByRole('region', { name: 'Flow Billing' }).locator('.flow-head')).toContainText('Broken');
  await expect(page.getByRole('region', { name: 'Flow Welcome' }).locator('.flow-head')).toContainText('Not checked');

  const changed = onboarding.locator('li.step', { hasText: 'step 2' });
  await expect(changed.locator('.chip')).toHaveText('!Changed');
  await expect(changed).toContainText('found by its fingerprint (0.82): the selectors find nothing');
  await expect(changed.locator('.suggested code').first()).toHaveText('[data-testid="upload-csv"]');
  await expect(changed.locator('.current code')).toHaveText('#import-csv');

  const missing = onboarding.locator('li.step', { hasText: 'step 3' });
  await expect(missing.locator('.chip')).toHaveText('✕Missing');
  await expect(missing.getByRole('figure').filter({ hasText: 'Fresh' }).locator('.overlay')).toHaveText('Not found');

  // Both thumbnails of a step: JPEGs inline, at most 360 px wide, cropped around the element (not the whole screen).
  for (const step of [changed, missing]) {
    const images = step.getByRole('img');
    await expect(images).toHaveCount(2);
    for (const image of await images.all()) {
      expect(await image.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
      const natural = await image.evaluate((element: HTMLImageElement) => ({ width: element.naturalWidth, height: element.naturalHeight, complete: element.complete }));
      expect(natural.complete).toBe(true);
      expect(natural.width).toBeGreaterThan(200);
      expect(natural.width).toBeLessThanOrEqual(360);
      expect(natural.height).toBeGreaterThan(100);
    }
  }

  const billing = page.getByRole('listitem', { name: 'Screen Billing' });
  await expect(billing.locator('.chip')).toHaveText('Failed');
  await expect(billing).toContainText('went to the sign-in page (http://127.0.0.1:4010/login): sign in again in the capture browser');
  await expect(billing.getByRole('figure').filter({ hasText: 'Fresh' })).toContainText('The page did not load');
  const invoices = page.getByRole('listitem', { name: 'Screen Invoices' });
  await expect(invoices).toContainText('Dismissed a dialog: “Your trial ends in 3 days”');
  await expect(invoices.getByRole('img')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Flow Billing' })).toContainText('its screen could not be checked: http://127.0.0.1:4010/billing went to the sign-in page');

  await page.screenshot({ path: test.info().outputPath('health-report.png'), fullPage: true });
  await expectNoSeriousA11yViolations(page, 'the health report, light');
  await page.getByLabel('Only problems').check();
  await expect(onboarding.locator('li.step', { hasText: 'step 1' })).toBeHidden();
  await expect(changed).toBeVisible();
  await page.getByRole('button', { name: 'Use the dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoSeriousA11yViolations(page, 'the health report, dark, only problems');
  await page.screenshot({ path: test.info().outputPath('health-report-dark-problems.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: test.info().outputPath('health-report-print.png'), fullPage: true });

  expect(requests).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

test('authored and captured text in the health report stays text: names, labels, reasons, urls, notices, errors, selectors', async ({ browser }) => {
  // Every payload at once in every text the report shows.
  const payload = XSS_PAYLOADS.join(' ');
  const texts = (name: string) => `${name} ${payload}`;
  const { file, html } = await writeReport(browser, 'health-report-xss.html', texts, `Project ${payload}`);
  // The payloads are in the data block only, and cannot end its script element there.
  expect(html.match(/<\/script>/gi)?.length).toBe(2);
  const { context, page, problems } = await openOffline(browser, file);
  await expect(page.locator('.headline')).toHaveText('2 flows are broken');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Project ${payload} — flow health`);
  const onboarding = page.getByRole('region', { name: `Flow Onboarding ${payload}` });
  await expect(onboarding).toContainText(`found by its fingerprint (0.82): the selectors find nothing ${payload}`);
  await expect(onboarding.locator('.suggested code').first()).toHaveText(`[data-testid="upload-csv"] ${payload}`);
  await expect(page.getByRole('region', { name: `Flow Welcome ${payload}` })).toContainText(`so there is no page to load ${payload}`);
  await expect(page.getByRole('listitem', { name: `Screen Billing ${payload}` })).toContainText(`sign in again in the capture browser ${payload}`);
  await expect(page.getByRole('listitem', { name: `Screen Invoices ${payload}` })).toContainText(`Your trial ends in 3 days” ${payload}`);
  await expect(page.getByRole('listitem', { name: `Screen Invoices ${payload}` }).locator('.url')).toHaveText(`http://127.0.0.1:4010/invoices ${payload}`);
  // Only the report's own elements: no element, frame, handler or image came from the text.
  const injected = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    scripts: document.scripts.length,
    styles: document.querySelectorAll('style').length,
    foreign: document.querySelectorAll('iframe, svg, object, embed, b, body a:not(.url)').length,
    handlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on'))).length,
    otherImages: [...document.images].filter((image) => !image.src.startsWith('data:image/jpeg;base64,')).length,
  }));
  expect(injected).toEqual({ xss: undefined, scripts: 2, styles: 1, foreign: 0, handlers: 0, otherImages: 0 });
  await page.locator('.step-label').first().hover();
  await page.screenshot({ path: test.info().outputPath('health-report-xss.png'), fullPage: true });
  expect(problems).toEqual([]);
  await context.close();
});
