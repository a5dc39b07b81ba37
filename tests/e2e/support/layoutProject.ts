import type { Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Project } from '../../../shared/model/project';
import { stableStringify } from '../../../shared/stableJson';
import { serveStatic } from '../../fixtures/serveStatic';
import { writeDemoProjectWithScreenshot } from './demoProjectOnDisk';

/**
 * The demo project on disk, changed by `edit` first: e.g. English only (so Hebrew can be added),
 * a fourth step anchored at the top right (where the inspector's tabs are, outside Play).
 */
export async function writeEditedDemoProject(page: Page, projectsDir: string, edit: (project: Project) => void): Promise<Project> {
  const site = await serveStatic(fileURLToPath(new URL('../../fixtures/demo-site', import.meta.url)));
  const { dir } = await writeDemoProjectWithScreenshot(page, site.url, projectsDir);
  await site.close();
  const file = join(dir, 'project.json');
  const project = JSON.parse(await readFile(file, 'utf8')) as Project;
  edit(project);
  await writeFile(file, stableStringify(project));
  return project;
}

/** Step 4 of the demo tour: a tooltip on the screenshot's top-right corner. */
export function addTopRightStep(project: Project): void {
  const tour = project.flows.find((flow) => flow.id === 'tour_dashboard');
  if (tour?.kind !== 'tour') throw new Error('the demo project has no tour_dashboard');
  const first = tour.tour.steps[0]!;
  tour.tour.steps.push({
    ...structuredClone(first),
    id: 'step_account',
    title: { en: 'Your account', he: 'החשבון שלך' },
    body: { en: 'Settings and sign-out live here.', he: 'הגדרות ויציאה.' },
    anchor: { ...first.anchor!, selectors: ['[data-testid="nav-settings"]'], box: { x: 1120, y: 4, width: 150, height: 36 } },
  });
}

/** Only English, so a test can add Hebrew as a new user does: no Hebrew texts either. */
export function englishOnly(project: Project): void {
  project.locales = { defaultLocale: 'en', available: ['en'] };
  const dropHebrew = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if (!Array.isArray(value)) delete (value as Record<string, unknown>).he;
    Object.values(value).forEach(dropHebrew);
  };
  dropHebrew(project.flows);
}
