import { z } from 'zod';
import { healthPlanSchema, healthReportSchema } from '../../../shared/health/flowHealth';
import type { FinishedCheck } from './healthCheckStore';

/**
 * The last check of each project, kept in the renderer's local storage (never in the project file:
 * it is about the live site on one machine, not the document), so reopening the project shows
 * "Checked 2 hours ago" instead of nothing.
 */
const KEY_PREFIX = 'stepwise.lastHealthCheck.';
/** A huge project's report is not worth filling the origin's storage (about 5 MB) for. */
const MAX_CHARS = 2_000_000;

const rememberedSchema = z.object({ plan: healthPlanSchema, report: healthReportSchema, cancelled: z.boolean() });

export function rememberCheck(projectId: string, check: FinishedCheck): void {
  try {
    const text = JSON.stringify({ plan: check.plan, report: check.report, cancelled: check.cancelled });
    if (text.length > MAX_CHARS) localStorage.removeItem(KEY_PREFIX + projectId);
    else localStorage.setItem(KEY_PREFIX + projectId, text);
  } catch {
    // Storage full or unavailable: the results still show until the project closes.
  }
}

/**
 * The remembered check, or null. Storage is anyone's on this origin: what does not parse as a
 * report is dropped. Its fresh captures are gone from the host (it keeps them 30 minutes), so a
 * remembered check cannot replace screens.
 */
export function recallCheck(projectId: string): FinishedCheck | null {
  try {
    const text = localStorage.getItem(KEY_PREFIX + projectId);
    if (!text) return null;
    const parsed = rememberedSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      localStorage.removeItem(KEY_PREFIX + projectId);
      return null;
    }
    return { jobId: '', ...parsed.data, remembered: true };
  } catch {
    return null;
  }
}
