// Drift corpus figures: anchors captured on the dashboard, played on its next releases with
// selectors only (version 1 bundles, the old player) and with fingerprint matching, side by side;
// and what matching costs: verifying a step, and a recovery search on the 5,000-element page.
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../playwright.config';
import { serveDriftSite } from '../tests/fixtures/drift/driftCorpus';
import { addHarness, measureVerifyCost, runDriftCorpus, searchCost, verifyOneCost, type Tally } from '../tests/fixtures/drift/driftHarness';
import { largePageHtml } from '../tests/fixtures/largePage';
import { serveStatic } from '../tests/fixtures/serveStatic';
import { ms, printTable } from './measure';

const cell = (tally: Tally) => `${tally.correct} / ${tally.missing} / ${tally.wrong}`;
const share = (found: number, existing: number) => `${((100 * found) / Math.max(1, existing)).toFixed(1)} %`;

export async function runDriftBench(): Promise<void> {
  const site = await serveDriftSite();
  const large = await serveStatic('bench', { '/large.html': () => largePageHtml(5_600) });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const { anchors, reports } = await runDriftCorpus(browser, site);
    console.log(`\nDrift corpus: ${anchors.length} anchors captured on the dashboard, played on each release (correct / reported missing / WRONG)`);
    const rows = reports.map((report) => ({
      name: report.variant.stretch ? `${report.variant.name} *` : report.variant.name,
      existing: String(report.existing),
      selectors: cell(report.selectorsOnly),
      matching: cell(report.matching),
      found: share(report.matching.correct, report.existing),
    }));
    const total = (key: 'selectorsOnly' | 'matching'): Tally => ({
      correct: reports.reduce((sum, report) => sum + report[key].correct, 0),
      missing: reports.reduce((sum, report) => sum + report[key].missing, 0),
      wrong: reports.reduce((sum, report) => sum + report[key].wrong, 0),
    });
    const existing = reports.reduce((sum, report) => sum + report.existing, 0);
    rows.push({ name: 'total', existing: String(existing), selectors: cell(total('selectorsOnly')), matching: cell(total('matching')), found: share(total('matching').correct, existing) });
    const header = { name: 'release', existing: 'still there', selectors: 'selectors only', matching: 'fingerprint matching', found: 'found' };
    for (const row of [header, ...rows]) console.log(`  ${row.name.padEnd(16)} ${row.existing.padStart(11)}  ${row.selectors.padStart(16)}  ${row.matching.padStart(20)}  ${row.found.padStart(7)}`);
    if (reports.some((report) => report.variant.stretch)) console.log('  * beyond the issue\'s kinds of change: held to 0 wrong, not to 95 % found');

    const verify = await measureVerifyCost(browser, site, anchors);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${large.url}/large.html`);
    await addHarness(page);
    const elements = (await page.evaluate('document.querySelectorAll("*").length')) as number;
    const verifyLarge = await verifyOneCost(page, '#target-2');
    const button = await searchCost(page, '#target-2');
    const span = await searchCost(page, 'section[data-row="300"] span');
    await page.close();
    printTable('Matching cost', [
      { name: 'verify a step, dashboard (mean of all anchors)', value: ms(verify), budget: '<= 1 ms' },
      { name: `verify a step, ${elements.toLocaleString('en')}-element page`, value: ms(verifyLarge), budget: '<= 1 ms' },
      { name: `recovery search, a button among ${elements.toLocaleString('en')} elements${button.found ? '' : ' (NOT found)'}`, value: ms(button.ms), budget: '<= 20 ms' },
      { name: `recovery search, a span (the commonest tag)${span.found ? '' : ' (ambiguous: reported missing)'}`, value: ms(span.ms), budget: '<= 20 ms' },
    ]);
  } finally {
    await browser.close();
    await site.close();
    await large.close();
  }
}
