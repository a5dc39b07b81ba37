import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { BuilderApiError } from '../../shared/api/apiError';
import { baseUrlSchema, PROBLEM_STATUSES, type AnchorResult, type FlowVerdict, type HealthPlan, type HealthReport } from '../../shared/health/flowHealth';
import { planHealthCheck } from '../../shared/health/planHealthCheck';
import type { Project } from '../../shared/model/project';
import { defaultAppDataDir } from '../capture/browser/appDataDir';
import { replayedPages } from '../capture/browser/replayedPages';
import { createSignInStore } from '../capture/browser/signInStore';
import { createPlaywrightCapture, findChromium } from '../capture/playwrightCapture';
import { checkFlows } from '../health/checkFlows';
import { renderHealthReport } from '../health/report/renderHealthReport';
import { writeFileAtomic } from '../services/atomicWrite';
import type { InspectedImage } from '../services/imageFile';
import { IMAGES_DIR, projectDirOf } from '../services/projectStore';

export interface CheckOptions {
  /** The project folder or its project.json, as given. */
  target: string;
  project: Project;
  baseUrl?: string;
  screens?: string[];
  json?: boolean;
  /** List moved steps one by one. */
  verbose?: boolean;
  reportFile?: string;
  timeout?: string;
  stateDir?: string;
}

export interface CheckIo {
  out(text: string): void;
  err(text: string): void;
}

/** A mistake in how the command was called (exit 2, with the usage). */
export class CheckUsageError extends Error {}

const MAX_TIMEOUT_S = 120;

function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > MAX_TIMEOUT_S) throw new CheckUsageError(`--timeout must be a number of seconds from 1 to ${MAX_TIMEOUT_S}, not "${text}".`);
  return Math.round(seconds * 1000);
}

function checkScreens(project: Project, wanted: readonly string[] | undefined): void {
  for (const id of wanted ?? []) {
    const screen = project.screens.find((each) => each.id === id);
    if (!screen) {
      const withUrl = project.screens.filter((each) => each.source.kind === 'url').map((each) => `${each.id} (${each.name})`);
      throw new CheckUsageError(`--screen ${id}: the project has no such screen. ${withUrl.length ? `Its screens with an address: ${withUrl.join(', ')}.` : 'It has no screens with an address.'}`);
    }
    if (screen.source.kind !== 'url') throw new CheckUsageError(`--screen ${id}: "${screen.name}" was added from an image, so there is no page to check.`);
  }
}

const pad = (text: string) => text.padEnd(9);

/** The same words as the README, the app and the report. */
export const VERDICT_WORDS: Record<FlowVerdict['verdict'], string> = { ok: 'ok', attention: 'needs attention', broken: 'broken', unchecked: 'unchecked' };
/** Worst first, so the flows to fix lead. */
const VERDICT_ORDER: FlowVerdict['verdict'][] = ['broken', 'attention', 'unchecked', 'ok'];

/** "Tour › step 2 “Open”" under the flow "Tour" reads "step 2 “Open”". */
const withinFlow = (label: string, flowName: string) => (label.startsWith(`${flowName} › `) ? label.slice(flowName.length + 3) : label);

function anchorLine(result: AnchorResult, flowName: string): string {
  const suggestion = result.suggestion && result.status === 'changed' ? ` Suggested selectors: ${result.suggestion.selectors.map((selector) => JSON.stringify(selector)).join(', ')}.` : '';
  return `  ${pad(result.status)} ${withinFlow(result.label, flowName)}${result.reason ? `: ${result.reason}.` : ''}${suggestion}`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The overall result for a CI script: exit 1 on problems (steps changed, ambiguous or missing, or screens not loaded). */
export function healthSummary(report: HealthReport, plan: HealthPlan) {
  const problems = report.anchors.filter((anchor) => PROBLEM_STATUSES.includes(anchor.status)).length;
  const screensFailed = report.screens.filter((screen) => screen.status === 'failed').length;
  const count = (status: AnchorResult['status']) => report.anchors.filter((anchor) => anchor.status === status).length;
  const statuses = (['ok', 'moved', 'changed', 'ambiguous', 'missing'] as const).map((status) => `${count(status)} ${status}`).join(', ');
  const checked = `Checked ${plural(report.screens.length, 'screen')} of ${plan.screens.length}${report.baseUrl ? ` on ${report.baseUrl}` : ''} in ${(report.ms / 1000).toFixed(1)} s: ${plural(report.anchors.length, 'anchor')} (${statuses})${report.unchecked.length ? `, ${report.unchecked.length} unchecked` : ''}.`;
  // "Site down" must read differently from "tour broken".
  const notLoaded = !screensFailed
    ? ''
    : ` ${plural(screensFailed, 'screen')} could not be loaded${screensFailed === report.screens.length ? ': is the site up?' : ' (each says why above).'}`;
  const result: 'ok' | 'problems' = problems || screensFailed ? 'problems' : 'ok';
  return { result, exitCode: result === 'ok' ? 0 : 1, problems, screensFailed, summary: `${checked}${notLoaded}` };
}

export interface FormatOptions {
  /** List every moved step too (by default a count per flow). */
  verbose?: boolean;
}

/**
 * The report as text for a terminal or a CI log: the screens (why one failed), then per flow,
 * worst first, its verdict and the steps that need something done; moved steps, which still
 * play, only as a count unless verbose; a summary last.
 */
export function formatHealthReport(report: HealthReport, plan: HealthPlan, options: FormatOptions = {}): string {
  const lines: string[] = [];
  for (const screen of report.screens) {
    const seconds = `${(screen.ms / 1000).toFixed(1)} s`;
    const anchors = report.anchors.filter((anchor) => anchor.screenId === screen.screenId);
    lines.push(
      screen.status === 'failed'
        ? `Screen "${screen.name}" (${screen.url}): FAILED after ${seconds}: ${screen.error ?? 'no reason given'}`
        : `Screen "${screen.name}" (${screen.url}): checked in ${seconds}, ${plural(anchors.length, 'anchor')}${anchors.length ? `, ${anchors.filter((anchor) => anchor.status === 'ok').length} ok` : ''}`,
    );
    for (const notice of screen.notices) lines.push(`  note      ${notice}`);
  }
  if (lines.length) lines.push('');
  const failedScreens = new Set(report.screens.filter((screen) => screen.status === 'failed').map((screen) => screen.screenId));
  const flows = [...report.flows].sort((a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict));
  for (const flow of flows) {
    const counts = Object.entries(flow.counts).filter(([, count]) => count > 0).map(([status, count]) => `${count} ${status}`);
    lines.push(`Flow "${flow.name}": ${VERDICT_WORDS[flow.verdict]}${counts.length ? ` (${counts.join(', ')})` : ''}`);
    const anchors = report.anchors.filter((anchor) => anchor.flowId === flow.flowId);
    for (const anchor of anchors) if (PROBLEM_STATUSES.includes(anchor.status) || (options.verbose && anchor.status === 'moved')) lines.push(anchorLine(anchor, flow.name));
    const notLoaded = plan.screens.filter((screen) => failedScreens.has(screen.screenId)).reduce((sum, screen) => sum + screen.anchors.filter((anchor) => anchor.flowId === flow.flowId).length, 0);
    if (notLoaded) lines.push(`  ${plural(notLoaded, 'step')} not checked: ${notLoaded === 1 ? 'its' : 'their'} screen could not be loaded`);
    for (const anchor of report.unchecked) if (anchor.flowId === flow.flowId) lines.push(`  ${pad('unchecked')} ${withinFlow(anchor.label, flow.name)}: ${anchor.reason}.`);
    const moved = anchors.filter((anchor) => anchor.status === 'moved').length;
    if (moved && !options.verbose) lines.push(`  ${plural(moved, 'step')} moved (${moved === 1 ? 'it still plays' : 'they still play'}; --verbose lists them)`);
  }
  lines.push(healthSummary(report, plan).summary);
  return lines.join('\n');
}

/** Exit 1 when a user would meet a broken or recovered step, or a screen could not be checked. */
export function hasProblems(report: HealthReport): boolean {
  return report.anchors.some((anchor) => PROBLEM_STATUSES.includes(anchor.status)) || report.screens.some((screen) => screen.status === 'failed');
}

/**
 * The project's saved sign-in, refused with the reason when the file is not what the app writes
 * (a raw Playwright storage state copied in by hand would otherwise be ignored without a word).
 */
async function checkSignInFile(file: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new BuilderApiError({ code: 'io', message: `Could not read the saved sign-in ${file}: ${(error as Error).message}` });
  }
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    throw new BuilderApiError({ code: 'io', message: `The saved sign-in ${file} is not JSON: sign in again in the capture browser, or delete the file to check without a sign-in.` });
  }
  const record = (saved ?? {}) as { savedAt?: unknown; state?: { cookies?: unknown; origins?: unknown }; cookies?: unknown; origins?: unknown };
  if (typeof record.savedAt === 'string' && Array.isArray(record.state?.cookies) && Array.isArray(record.state?.origins)) return;
  const raw = Array.isArray(record.cookies) && Array.isArray(record.origins);
  throw new BuilderApiError({
    code: 'io',
    message: `The saved sign-in ${file} is not in the app's format, {"savedAt": "<ISO date>", "state": {"cookies": [...], "origins": [...]}}${raw ? ': it is a bare browser storage state; put it under "state" with a "savedAt" date' : ''}. Sign in again in the capture browser, or delete the file to check without a sign-in.`,
  });
}

/** "the saved sign-in is for app.example.com; staging.example.com gets none", once, when --base-url leaves the signed-in sites. */
function signInElsewhere(sites: readonly string[], baseUrl: string): string | undefined {
  if (!sites.length) return undefined;
  const host = new URL(baseUrl).hostname;
  if (sites.some((site) => host === site || host.endsWith(`.${site}`))) return undefined;
  return `Note: the saved sign-in is for ${sites.join(', ')}; ${host} gets none: sign in there once in the capture browser, or give --state-dir a folder with a sign-in made there. Screens behind a sign-in will fail.`;
}

/** In memory only: the CLI never writes into the project. */
async function imageInMemory(bytes: Uint8Array, image: InspectedImage) {
  return { file: `${createHash('sha256').update(bytes).digest('hex')}.${image.extension}`, width: image.width, height: image.height };
}

/**
 * `stepwise check`: loads every screen that has an address with the project's saved sign-in and its
 * recorded path, resolves every anchor with the player's matching, prints the result (or JSON) and
 * writes the HTML report. Returns true when there are problems.
 */
export async function runCheck(options: CheckOptions, io: CheckIo): Promise<boolean> {
  let baseUrl: string | undefined;
  if (options.baseUrl !== undefined) {
    const parsed = baseUrlSchema.safeParse(options.baseUrl);
    if (!parsed.success) throw new CheckUsageError(`--base-url ${parsed.error.issues[0]?.message ?? 'is not valid'} (got "${options.baseUrl.slice(0, 200)}").`);
    baseUrl = parsed.data;
  }
  const timeoutMs = parseTimeout(options.timeout);
  checkScreens(options.project, options.screens);
  const projectDir = projectDirOf(options.target);
  const reportFile = options.reportFile === undefined ? undefined : resolve(options.reportFile);
  if (reportFile) {
    const inside = relative(projectDir, reportFile);
    if (!inside.startsWith('..') && !isAbsolute(inside)) throw new CheckUsageError(`--report ${options.reportFile}: the report must not be written into the project folder (${projectDir}); put it elsewhere, e.g. next to it.`);
    if (!/\.html?$/i.test(reportFile)) throw new CheckUsageError(`--report ${options.reportFile}: the report is an HTML file; give it a name ending in .html.`);
  }

  const plan = planHealthCheck(options.project, options.screens?.length ? { screenIds: options.screens } : {});
  // Chromium missing is an environment problem (exit 2), not a failed screen per page.
  const executablePath = findChromium();
  const signIn = createSignInStore(resolve(options.stateDir ?? defaultAppDataDir()));
  await checkSignInFile(signIn.fileOf(options.project.id));
  const elsewhere = baseUrl ? signInElsewhere((await signIn.status(options.project.id))?.sites ?? [], baseUrl) : undefined;
  // With --json, stdout stays one JSON document.
  if (elsewhere && options.json) io.err(elsewhere);
  else if (elsewhere) io.out(elsewhere);
  const playwright = createPlaywrightCapture({ executablePath });
  try {
    const { report, fresh } = await checkFlows({
      plan,
      ...(baseUrl ? { baseUrl } : {}),
      openPage: replayedPages({ browser: playwright.browser, storageState: () => signIn.load(options.project.id) }),
      saveImage: imageInMemory,
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    // The overall result first, so a CI script need not work it out; the report's own fields follow unchanged.
    if (options.json) io.out(JSON.stringify({ ...healthSummary(report, plan), ...report }, null, 2));
    else io.out(plan.screens.length || report.unchecked.length ? formatHealthReport(report, plan, { verbose: Boolean(options.verbose) }) : 'Nothing to check: the project has no screens with an address and no anchored steps.');
    if (reportFile) {
      const imageOf = new Map(plan.screens.map((screen) => [screen.screenId, screen.image.file]));
      const html = await renderHealthReport({
        report,
        plan,
        capturedImage: async (screenId) => {
          const file = imageOf.get(screenId);
          return file ? readFile(join(projectDir, IMAGES_DIR, file)).catch(() => undefined) : undefined;
        },
        freshImage: (screenId) => fresh.get(screenId)?.bytes,
        browser: await playwright.browser(),
        projectName: options.project.name,
      });
      await mkdir(dirname(reportFile), { recursive: true });
      try {
        await writeFileAtomic(reportFile, html);
      } catch (error) {
        throw new BuilderApiError({ code: 'io', message: `Could not write the report to ${reportFile}: ${(error as Error).message}` });
      }
      const wrote = `Wrote the report to ${reportFile}.`;
      // With --json, stdout stays one JSON document.
      if (options.json) io.err(wrote);
      else io.out(wrote);
    }
    return hasProblems(report);
  } finally {
    await playwright.close();
  }
}
