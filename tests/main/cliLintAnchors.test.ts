import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/runCli';
import { createProjectStore } from '../../main/services/projectStore';
import { createFlow } from '../../shared/model/create';
import { DASHBOARD_MAP } from '../fixtures/bootstrap-dashboard/dashboardMap';
import { dashboardScreenProject } from '../fixtures/bootstrap-dashboard/dashboardScreenProject';

describe('stepwise lint --strict and fragile anchors', () => {
  it('fails on a step anchored by an nth-of-type chain, naming the step and the map\'s better selector', async () => {
    const project = dashboardScreenProject(structuredClone(DASHBOARD_MAP), { width: 1280, height: 800 });
    const tour = createFlow('tour', 'Open Tables', 'en');
    tour.tour.steps[0]!.type = 'tooltip';
    tour.tour.steps[0]!.anchor = { screenId: 'screen_dashboard', elementId: 'nav-tables', selectors: ['html > body:nth-of-type(1) > div:nth-of-type(1) > ul > li:nth-of-type(6) > a'], box: DASHBOARD_MAP.find((entry) => entry.id === 'nav-tables')!.box };
    project.flows.push(tour);
    const path = (await createProjectStore({ projectsDir: mkdtempSync(join(tmpdir(), 'stepwise-cli-')) }).create(project.name, project)).path;

    const out: string[] = [];
    const code = await runCli(['lint', path, '--strict'], { out: (text) => out.push(text), err: (text) => out.push(text) });
    expect(code).toBe(1);
    expect(out.join('\n')).not.toContain('No problems found');
    expect(out.join('\n')).toContain('warning  “Open Tables” step 1: the selector "html > body:nth-of-type(1) > div:nth-of-type(1) > ul > li:nth-of-type(6) > a" is fragile');
    expect(out.join('\n')).toContain('Use "a[href="tables.html"]" from the screen\'s map instead.');
    expect(await runCli(['lint', path], { out: () => {}, err: () => {} })).toBe(0);
  });
});
