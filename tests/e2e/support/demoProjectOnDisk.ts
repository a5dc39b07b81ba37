import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Project } from '../../../shared/model/project';
import { stableStringify } from '../../../shared/stableJson';
import { demoProject } from '../../fixtures/demoProject';

/**
 * Writes the demo project into a projects folder with a real screenshot of the demo site, its
 * anchors' boxes measured on that page: what capture produces, without the capture feature.
 */
export async function writeDemoProjectWithScreenshot(page: Page, siteUrl: string, projectsDir: string): Promise<{ project: Project; dir: string }> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(siteUrl);
  const png = await page.screenshot();
  const file = `${createHash('sha256').update(png).digest('hex')}.png`;
  const project = demoProject();
  const screen = project.screens[0]!;
  screen.image = { file, width: 1280, height: 800 };
  screen.source = { kind: 'url', url: siteUrl, viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, fullPage: false };
  for (const flow of project.flows) {
    const anchors = flow.kind === 'tour' ? flow.tour.steps.map((step) => step.anchor) : flow.kind === 'hotspot' ? [flow.hotspot.anchor] : [];
    for (const anchor of anchors) {
      if (!anchor) continue;
      const selector = anchor.selectors.find((candidate) => !candidate.startsWith('#does-not'))!;
      const box = await page.locator(selector).first().boundingBox();
      if (box) anchor.box = { x: box.x, y: box.y, width: box.width, height: box.height };
    }
  }
  const dir = join(projectsDir, 'Acme onboarding.stepwise');
  await mkdir(join(dir, 'images'), { recursive: true });
  await writeFile(join(dir, 'images', file), png);
  await writeFile(join(dir, 'project.json'), stableStringify(project));
  return { project, dir };
}
