import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { AnchorResult, HealthPlan, HealthReport } from '../../../shared/health/flowHealth';
import { PROBLEM_STATUSES } from '../../../shared/health/flowHealth';
import { runHealthReport, type ReportData, type ReportFlow, type ReportScreen, type ReportStep } from './inPage/reportViewer';
import { REPORT_STYLE } from './reportStyle';
import { anchorKey, makeReportThumbnails, type ReportThumbnails } from './reportThumbnails';

/** Image bytes (PNG, JPEG or WebP as stored) of one screen, or undefined when there is none. */
export type ScreenImageBytes = (screenId: string) => Uint8Array | undefined | Promise<Uint8Array | undefined>;

export interface HealthReportInput {
  report: HealthReport;
  plan: HealthPlan;
  /** The screen as captured (the project's image). */
  capturedImage: ScreenImageBytes;
  /** The fresh screenshot the check took (screens that failed have none). */
  freshImage: ScreenImageBytes;
  /** Makes the thumbnails (a canvas in a page of it); the caller keeps it open and closes it. */
  browser: Browser;
  /** Shown in the report's title, e.g. the project's name. */
  projectName?: string;
}

/**
 * The flow health check's report: one self-contained HTML file (`stepwise check --report`) that
 * works opened from disk with the network off. The data goes in as a JSON data block and the page
 * builds its DOM with textContent, so no authored or captured text becomes HTML; the
 * Content-Security-Policy allows no network and only this file's own script and style (by hash).
 */
export async function renderHealthReport(input: HealthReportInput): Promise<string> {
  const thumbnails = await makeReportThumbnails(input.plan, input.report, input.capturedImage, input.freshImage, input.browser);
  const data = reportData(input, thumbnails);
  const script = `(function(){var __name=function(f){return f};(${scriptCode(runHealthReport.toString())})(JSON.parse(document.getElementById('report-data').textContent));})();`;
  const title = escapeText(data.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src '${sha256(REPORT_STYLE)}'; script-src '${sha256(script)}'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<noscript>This report draws itself with a small script in the file; allow scripts to see it.</noscript>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}

/** What the report page shows: flows with their steps (problems first), and every screen. */
export function reportData(input: Pick<HealthReportInput, 'report' | 'plan' | 'projectName'>, thumbnails: ReportThumbnails): ReportData {
  const { report, plan } = input;
  const results = new Map<string, AnchorResult>(report.anchors.map((result) => [anchorKey(result.screenId, result.flowId, result.itemId), result]));
  const screenResults = new Map(report.screens.map((screen) => [screen.screenId, screen]));
  const stepsByFlow = new Map<string, ReportStep[]>();
  const push = (flowId: string, step: ReportStep) => stepsByFlow.set(flowId, [...(stepsByFlow.get(flowId) ?? []), step]);

  for (const screen of plan.screens) {
    const checked = screenResults.get(screen.screenId);
    for (const anchor of screen.anchors) {
      const key = anchorKey(screen.screenId, anchor.flowId, anchor.itemId);
      const result = results.get(key);
      const images = thumbnails.anchors.get(key) ?? {};
      const base = { label: anchor.label, screenName: screen.name, selectors: anchor.selectors, ...(images.captured ? { captured: images.captured } : {}) };
      if (!result) {
        const why = !checked ? 'its screen was not checked (the check was cancelled or left it out)' : checked.status === 'failed' ? `its screen could not be checked: ${checked.error ?? 'the page failed to load'}` : 'the check gave no result for it';
        push(anchor.flowId, { ...base, status: 'unchecked', reason: why });
        continue;
      }
      push(anchor.flowId, {
        ...base,
        status: result.status,
        ...(result.reason ? { reason: result.reason } : {}),
        ...(result.foundBy ? { foundBy: result.foundBy } : {}),
        ...(result.score !== undefined ? { score: result.score } : {}),
        ...(result.suggestion && PROBLEM_STATUSES.includes(result.status) ? { suggestion: result.suggestion.selectors } : {}),
        ...(images.fresh ? { fresh: images.fresh } : {}),
        ...(images.freshNotFound ? { freshNote: result.status === 'ambiguous' ? 'No single match' : 'Not found' } : {}),
      });
    }
  }
  for (const anchor of report.unchecked) push(anchor.flowId, { label: anchor.label, status: 'unchecked', reason: anchor.reason });

  const order = { broken: 0, attention: 1, unchecked: 2, ok: 3 } as const;
  const byLabel = (a: ReportStep, b: ReportStep) => a.label.localeCompare(b.label, 'en', { numeric: true });
  const flows: ReportFlow[] = report.flows
    .map((flow, index) => ({ flow, index }))
    .sort((a, b) => order[a.flow.verdict] - order[b.flow.verdict] || a.index - b.index)
    .map(({ flow }) => ({ name: flow.name, verdict: flow.verdict, counts: flow.counts, steps: (stepsByFlow.get(flow.flowId) ?? []).sort(byLabel) }));

  const screens: ReportScreen[] = report.screens.map((screen) => {
    const anchors = report.anchors.filter((result) => result.screenId === screen.screenId);
    const planned = plan.screens.find((each) => each.screenId === screen.screenId)?.anchors.length ?? anchors.length;
    const images = thumbnails.screens.get(screen.screenId) ?? {};
    return {
      name: screen.name,
      url: screen.url,
      status: screen.status,
      ...(screen.error ? { error: screen.error } : {}),
      notices: screen.notices,
      ms: screen.ms,
      anchors: planned,
      problems: anchors.filter((result) => PROBLEM_STATUSES.includes(result.status)).length,
      ...(images.captured ? { captured: images.captured } : {}),
      ...(images.fresh ? { fresh: images.fresh } : {}),
    };
  });

  return {
    title: input.projectName ? `${input.projectName} — flow health` : 'Flow health',
    checkedAt: report.checkedAt,
    ...(report.baseUrl ? { baseUrl: report.baseUrl } : {}),
    ms: report.ms,
    flows,
    screens,
    notes: thumbnails.notes,
  };
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** JSON for inside a <script> element: "</script>" or "<!--" in authored text cannot end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Code for inside a <script> element: only "</script" and "<!--" need breaking up. */
function scriptCode(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function escapeText(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
