import type { Browser } from 'playwright-core';
import type { HealthPlan, HealthReport } from '../../../shared/health/flowHealth';

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
 * The flow health check's report: one self-contained, offline HTML file (`stepwise check --report`).
 * Being built (issue 14, part B): this signature is the contract the CLI calls.
 */
export async function renderHealthReport(input: HealthReportInput): Promise<string> {
  void input;
  throw new Error('The flow health report is not built yet (issue 14).');
}
