import { expect, test } from '@playwright/test';
import { serveDriftSite } from '../fixtures/drift/driftCorpus';
import { runDriftCorpus, type VariantReport } from '../fixtures/drift/driftHarness';

/**
 * The drift corpus: anchors captured on the dashboard with the real element-map script, played on
 * ten "next releases" of it. The player may report a target missing, never point at the wrong one.
 */
test('anchors captured on the dashboard land on the same element in every next release, or are reported missing', async ({ browser }) => {
  test.setTimeout(240_000);
  const site = await serveDriftSite();
  let reports: VariantReport[];
  let anchors: number;
  try {
    const result = await runDriftCorpus(browser, site);
    reports = result.reports;
    anchors = result.anchors.length;
  } finally {
    await site.close();
  }
  // What an author could pick on the page: controls and content blocks alike.
  expect(anchors).toBeGreaterThanOrEqual(60);
  const describe = (report: VariantReport) => report.failures.map((failure) => `${failure.matching} ${failure.key} "${failure.name ?? ''}" (${failure.how}) ${failure.selectors.join(' || ')}`).join('\n');
  for (const report of reports) {
    const { name } = report.variant;
    expect(report.matching.wrong, `${name}: wrong targets\n${describe(report)}`).toBe(0);
    if (!report.variant.stretch) expect(report.matching.correct / report.existing, `${name}: share found of the elements still there\n${describe(report)}`).toBeGreaterThanOrEqual(0.95);
  }
  // The corpus is worth having only if it breaks selectors on their own.
  expect(reports.reduce((sum, report) => sum + report.selectorsOnly.wrong, 0)).toBeGreaterThan(0);
});
