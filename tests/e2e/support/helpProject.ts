import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowOf } from '../../../shared/model/flow';
import { encodePng } from '../../fixtures/encodePng';
import { resourceCenterProject } from '../../fixtures/resourceCenterProject';
import { BuilderPage } from './builderPage';
import { writeEditedDemoProject } from './layoutProject';

/** A picture for the fixture's article image, as a real file of the project. */
export const helpImagePng = encodePng(240, 120, (x, y) => [40 + (x % 200), 90 + (y % 120), 200]);
export const helpImageFile = `${createHash('sha256').update(helpImagePng).digest('hex')}.png`;

/**
 * The demo project (a real screenshot of the demo site) with the resource center fixture added:
 * search, announcements, guides, three articles (one with an image), contact; English, Hebrew,
 * Turkish. Opened in the builder at `hostUrl`, with the resource center selected.
 */
export async function openHelpProject(
  page: Page,
  hostUrl: string,
  projectsDir: string,
  { withImageFile = true, edit }: { withImageFile?: boolean; edit?: (center: FlowOf<'resourceCenter'>) => void } = {},
): Promise<BuilderPage> {
  const help = resourceCenterProject();
  const center = help.flows.find((flow) => flow.kind === 'resourceCenter') as FlowOf<'resourceCenter'>;
  center.resourceCenter.images[0]!.file = helpImageFile;
  center.resourceCenter.images[0]!.bytes = helpImagePng.byteLength;
  edit?.(center);
  await writeEditedDemoProject(page, projectsDir, (project) => {
    project.locales = { defaultLocale: 'en', available: ['en', 'he', 'tr'] };
    project.flows.push(...help.flows);
  });
  if (withImageFile) writeFileSync(join(projectsDir, 'Acme onboarding.stepwise', 'images', helpImageFile), helpImagePng);
  const builder = new BuilderPage(page);
  await builder.open(hostUrl);
  await page.getByRole('button', { name: 'Open project…' }).click();
  await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: /^Acme onboarding/ }).click();
  await builder.flowRow('Help center').click();
  return builder;
}
