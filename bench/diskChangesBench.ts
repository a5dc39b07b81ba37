import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectStore } from '../main/services/projectStore';
import type { Project } from '../shared/model/project';
import { mergeReloaded } from '../shared/project/mergeReloaded';
import { generateProject } from './generateProject';
import { measure, ms, printTable } from './measure';

const renamed = (project: Project, index: number, name: string): Project => ({
  ...project,
  flows: project.flows.map((flow, at) => (at === index ? { ...flow, name } : flow)),
});

/**
 * What noticing changes on disk costs on the generated 200 x 50 project: the poll the editor sends
 * every 2 s (project.diskVersion), and a reload (read the folder again, merge three ways).
 */
export async function runDiskChangesBench(): Promise<void> {
  const project = generateProject(200, 50);
  const work = mkdtempSync(join(tmpdir(), 'stepwise-bench-disk-'));
  const store = createProjectStore({ projectsDir: work });
  const { path } = await store.create('Bench', project);
  const poll = await measure('poll: project.diskVersion (a stat a file)', () => store.diskVersion(path), 21);
  const disk = renamed((await store.open(path)).project, 150, 'Renamed on disk');
  const mine = renamed(project, 20, 'Renamed here');
  const quiet = await measure('merge, nothing edited here', () => mergeReloaded(project, project, disk));
  const merge = await measure('merge, one flow edited here, another on disk', () => mergeReloaded(project, mine, disk));
  const reload = await measure('reload: open the folder again + merge', async () => mergeReloaded(project, mine, (await store.open(path)).project));
  rmSync(work, { recursive: true, force: true });
  printTable('Changes on disk — generated project of 200 flows x 50 steps (201 files)', [
    { name: poll.name, value: ms(poll.medianMs), budget: 'well under the 2 s between polls' },
    { name: quiet.name, value: ms(quiet.medianMs) },
    { name: merge.name, value: ms(merge.medianMs) },
    { name: reload.name, value: ms(reload.medianMs), budget: '< 1000 ms, as opening' },
  ]);
}
