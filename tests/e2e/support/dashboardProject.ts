import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createProject } from '../../../shared/model/create';
import type { Project } from '../../../shared/model/project';
import type { MappedElement, Screen } from '../../../shared/model/screen';
import { stableStringify } from '../../../shared/stableJson';
import { DASHBOARD_MAP } from '../../fixtures/bootstrap-dashboard/dashboardMap';
import { DRIFT_VIEWPORT, serveDriftSite } from '../../fixtures/drift/driftCorpus';

/**
 * A project with one screen of the drift corpus's Bootstrap dashboard: its real screenshot and
 * the hand-made map of DASHBOARD_MAP with boxes measured on the page (what capture would give),
 * plus the flows `flows` makes for that screen. Each map selector must find exactly one element.
 */
export async function writeDashboardProject(page: Page, projectsDir: string, flows: (screen: Screen) => Project['flows']): Promise<Project> {
  const site = await serveDriftSite({ keys: false });
  await page.setViewportSize(DRIFT_VIEWPORT);
  const url = `${site.url}/base/index.html`;
  await page.goto(url);
  const png = await page.screenshot();
  const measured = await page.evaluate((map: MappedElement[]) => {
    return map.map((entry) => {
      for (const selector of [entry.selector, ...entry.alternates]) {
        const found = document.querySelectorAll(selector);
        if (found.length !== 1 || found[0] !== document.querySelector(entry.selector)) {
          throw new Error(`Map entry ${entry.id}: "${selector}" finds ${found.length} elements on the dashboard, or another one than its first selector; each must find exactly that element.`);
        }
      }
      const rect = document.querySelector(entry.selector)!.getBoundingClientRect();
      const right = Math.min(rect.right, innerWidth);
      const bottom = Math.min(rect.bottom, innerHeight);
      return { ...entry, box: { x: Math.round(rect.left), y: Math.round(rect.top), width: Math.round(right - rect.left), height: Math.round(bottom - rect.top) } };
    });
  }, DASHBOARD_MAP);
  await site.close();

  const file = `${createHash('sha256').update(png).digest('hex')}.png`;
  const project = createProject('Admin dashboard');
  const screen: Screen = {
    id: 'screen_dashboard',
    name: 'Dashboard',
    image: { file, width: DRIFT_VIEWPORT.width, height: DRIFT_VIEWPORT.height },
    source: { kind: 'url', url, viewport: DRIFT_VIEWPORT, deviceScaleFactor: 1, fullPage: false },
    elements: measured,
  };
  project.screens.push(screen);
  project.flows.push(...flows(screen));
  const dir = join(projectsDir, 'Admin dashboard.stepwise');
  await mkdir(join(dir, 'images'), { recursive: true });
  await writeFile(join(dir, 'images', file), png);
  await writeFile(join(dir, 'project.json'), stableStringify(project));
  return project;
}
