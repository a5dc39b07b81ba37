import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Project } from '../../../shared/model/project';
import { FLOWS_DIR, PROJECT_FILE, SCREENS_DIR, isProjectPartFile, loadProjectFolder } from '../../../shared/project/projectFolder';

/**
 * The project as saved in `dir`, read the way the app reads it: a folder of files since project
 * format 4 (project.json, flows/*.json, screens/*.json, element maps stored compactly), or a
 * single project.json not saved by the app yet.
 */
export async function readSavedProject(dir: string): Promise<Project> {
  const texts = new Map<string, string>([[PROJECT_FILE, await readFile(join(dir, PROJECT_FILE), 'utf8')]]);
  for (const sub of [FLOWS_DIR, SCREENS_DIR]) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[]);
    for (const name of names.filter(isProjectPartFile).sort()) texts.set(`${sub}/${name}`, await readFile(join(dir, sub, name), 'utf8'));
  }
  const loaded = loadProjectFolder(dir, texts);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.project;
}
