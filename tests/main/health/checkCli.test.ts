import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaywrightCapture } from '../../../main/capture/playwrightCapture';
import { runCli } from '../../../main/cli/runCli';
import { createProjectStore } from '../../../main/services/projectStore';
import { healthReportSchema } from '../../../shared/health/flowHealth';
import { createFlow, createProject, createTourStep } from '../../../shared/model/create';
import { closedPortUrl } from '../../fixtures/troublePages';
import { captureSettings, elementNamed, PRODUCTION, RELEASE, serveRelease, STEP_NAMES, type Site } from './releaseSite';

const playwright = createPlaywrightCapture({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
let production: Site;
let staging: Site;
let projectPath: string;
let stateDir: string;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A project as the author left it: the settings page captured, a tour with a step on each of its buttons, one step not placed. */
beforeAll(async () => {
  [production, staging] = await Promise.all([serveRelease(PRODUCTION), serveRelease(RELEASE)]);
  const projectsDir = mkdtempSync(join(tmpdir(), 'stepwise-check-'));
  stateDir = mkdtempSync(join(tmpdir(), 'stepwise-check-state-'));
  const store = createProjectStore({ projectsDir });
  const project = createProject('Settings tours');
  projectPath = (await store.create(project.name, project)).path;
  const screen = await captureSettings(playwright.openPage, `${production.url}/settings`, (bytes, image) => store.saveImage(projectPath, bytes, image));
  screen.id = 'settings';
  screen.name = 'Settings';
  const tour = createFlow('tour', 'Settings tour', 'en');
  tour.tour.steps = STEP_NAMES.map((name) => {
    const element = elementNamed(screen, name);
    const step = createTourStep('en');
    step.type = 'tooltip';
    step.title = { en: name };
    step.anchor = { screenId: screen.id, elementId: element.id, selectors: [element.selector, ...element.alternates], box: element.box, fingerprint: element.fingerprint! };
    return step;
  });
  const imported = createTourStep('en');
  imported.type = 'tooltip';
  imported.title = { en: 'Imported' };
  imported.anchor = { selectors: ['#imported'] };
  tour.tour.steps.push(imported);
  await store.save(projectPath, { ...project, screens: [screen], flows: [tour] });
}, 60_000);
afterAll(async () => {
  await Promise.all([production?.close(), staging?.close(), playwright.close()]);
});

describe('stepwise check', { timeout: 60_000 }, () => {
  it('exits 0 when every step is where it was, and says so per flow', async () => {
    const result = await run('check', projectPath, '--state-dir', stateDir);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Screen "Settings" \(http:\/\/127\.0\.0\.1:\d+\/settings\): checked in \d+\.\d s, 5 anchors, 5 ok$/m);
    expect(result.out).toContain('\n  unchecked step 6 “Imported”: it is not placed on a screen, so there is no page to check it on.');
    expect(result.out).toContain('Flow "Settings tour": ok (5 ok, 1 unchecked)');
    expect(result.out).toMatch(/^Checked 1 screen of 1 in \d+\.\d s: 5 anchors \(5 ok, 0 moved, 0 changed, 0 ambiguous, 0 missing\), 1 unchecked\.$/m);
  });

  it('--base-url checks the next release: exit 1, under each flow a line per step to fix (reason, suggestion), moved steps as a count', async () => {
    const result = await run('check', projectPath, '--base-url', `${staging.url}/`, '--state-dir', stateDir);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`Screen "Settings" (${staging.url}/settings): checked`);
    const flow = result.out.slice(result.out.indexOf('Flow "Settings tour"')).split('\n');
    expect(flow[0]).toBe('Flow "Settings tour": broken (1 ok, 1 moved, 1 changed, 1 ambiguous, 1 missing, 1 unchecked)');
    expect(flow[1]).toMatch(/^ {2}changed {3}step 3 “Export invoices”: found by .+\. Suggested selectors: ".+"/);
    expect(flow[2]).toBe('  missing   step 4 “Delete account”: its selectors find nothing and nothing on the page looks like it.');
    expect(flow[3]).toMatch(/^ {2}ambiguous step 5 “Upgrade”: several elements fit it equally well/);
    expect(flow).toContain('  1 step moved (it still plays; --verbose lists them)');
    expect(result.out).not.toMatch(/^ {2}(ok|moved) /m);
    expect(result.out).not.toMatch(/fingerprint|first selector|alternate selector/);
    expect(result.out).toContain(` on ${staging.url}/ in `);

    const verbose = await run('check', projectPath, '--base-url', staging.url, '--verbose', '--state-dir', stateDir);
    expect(verbose.out).toMatch(/^ {2}moved {5}step 2 “Reports”: it moved 2\d\d px right\.$/m);
    expect(verbose.out).not.toContain('still plays');
  });

  it('--json prints the report as the contract describes it', async () => {
    const result = await run('check', projectPath, '--json', '--base-url', staging.url, '--state-dir', stateDir);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.out);
    // The overall result a CI script reads without working it out.
    expect(json).toMatchObject({ result: 'problems', exitCode: 1, problems: 3, screensFailed: 0 });
    expect(json.summary).toMatch(/^Checked 1 screen of 1 on /);
    const report = healthReportSchema.parse(json);
    expect(report.anchors.map((anchor) => anchor.status)).toEqual(['ok', 'moved', 'changed', 'missing', 'ambiguous']);
    expect(report.anchors[2]!.suggestion!.selectors.length).toBeGreaterThan(0);
  });

  it('--report writes one offline HTML report outside the project, and --json keeps stdout to the JSON', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'stepwise-report-')), 'health', 'report.html');
    const result = await run('check', projectPath, '--base-url', staging.url, '--json', '--report', file, '--state-dir', stateDir);
    expect(result.code).toBe(1);
    expect(healthReportSchema.parse(JSON.parse(result.out)).anchors).toHaveLength(5);
    expect(result.err).toBe(`Wrote the report to ${file}.`);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    // Both screenshots, as thumbnails inside the file (no other file to lose).
    expect(html.match(/data:image\/jpeg;base64,/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('Settings tour › step 3 “Export invoices”');
  });

  it('a screen that cannot be loaded fails with its reason and exit 1; nothing is written into the project', async () => {
    const before = readdirSync(join(projectPath, 'images')).length;
    const projectFile = readFileSync(join(projectPath, 'project.json'), 'utf8');
    const result = await run('check', projectPath, '--base-url', (await closedPortUrl()).replace(/\/$/, ''), '--timeout', '5', '--state-dir', stateDir);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^Screen "Settings" \(http:\/\/127\.0\.0\.1:\d+\/settings\): FAILED after \d+\.\d s: 127\.0\.0\.1:\d+ refused the connection\. Is the site running\?$/m);
    expect(result.out).toContain('Flow "Settings tour": broken (6 unchecked)\n  5 steps not checked: their screen could not be loaded');
    // Site down reads differently from a broken tour.
    expect(result.out).toMatch(/\. 1 screen could not be loaded: is the site up\?$/);
    const json = JSON.parse((await run('check', projectPath, '--json', '--base-url', (await closedPortUrl()).replace(/\/$/, ''), '--timeout', '5', '--state-dir', stateDir)).out);
    expect(json).toMatchObject({ result: 'problems', exitCode: 1, problems: 0, screensFailed: 1 });
    expect(json.summary).toContain('1 screen could not be loaded: is the site up?');
    expect(readdirSync(join(projectPath, 'images'))).toHaveLength(before);
    expect(readFileSync(join(projectPath, 'project.json'), 'utf8')).toBe(projectFile);
  });

  it('usage mistakes exit 2 with words that say what to do', async () => {
    const badBase = await run('check', projectPath, '--base-url', 'https://staging.example.com/app');
    expect(badBase.code).toBe(2);
    expect(badBase.err).toContain('--base-url must be an http or https origin such as https://staging.example.com, with nothing after it (got "https://staging.example.com/app").');
    const badScreen = await run('check', projectPath, '--screen', 'nope');
    expect(badScreen.code).toBe(2);
    expect(badScreen.err).toContain('--screen nope: the project has no such screen. Its screens with an address: settings (Settings).');
    const inside = await run('check', projectPath, '--report', join(projectPath, 'report.html'));
    expect(inside.code).toBe(2);
    expect(inside.err).toContain('the report must not be written into the project folder');
    const badTimeout = await run('check', projectPath, '--timeout', 'soon');
    expect(badTimeout.code).toBe(2);
    expect(badTimeout.err).toContain('--timeout must be a number of seconds from 1 to 120, not "soon".');
    const otherCommand = await run('lint', projectPath, '--base-url', staging.url);
    expect(otherCommand.code).toBe(2);
    expect(otherCommand.err).toContain('--base-url is an option of stepwise check, not of lint.');
    const unknown = await run('check', projectPath, '--bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.err.split('\n')[0]).toBe('Unknown option --bogus.');
    const missing = await run('check', join(tmpdir(), 'no-such-project.stepwise'));
    expect(missing.code).toBe(2);
  });
});
