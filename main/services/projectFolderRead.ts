import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { FLOWS_DIR, PROJECT_FILE, SCREENS_DIR, isProjectPartFile } from '../../shared/project/projectFolder';

/** The project's own files (project.json, flows/*.json, screens/*.json) by path relative to the folder. */
export type FolderTexts = Map<string, string>;

async function partFiles(dir: string, sub: string): Promise<string[]> {
  const entries = await fs.readdir(join(dir, sub), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && isProjectPartFile(entry.name))
    .map((entry) => `${sub}/${entry.name}`)
    .sort();
}

/** project.json first, then flows/ and screens/ in name order: what a project folder is made of. */
export async function listProjectFiles(dir: string): Promise<string[]> {
  const [flows, screens] = await Promise.all([partFiles(dir, FLOWS_DIR), partFiles(dir, SCREENS_DIR)]);
  return [PROJECT_FILE, ...flows, ...screens];
}

/** Reads every file of the project; project.json must exist (its absence throws ENOENT for the caller to word). */
export async function readProjectFiles(dir: string): Promise<FolderTexts> {
  const names = await listProjectFiles(dir);
  const texts = await Promise.all(names.map((name) => fs.readFile(join(dir, name), 'utf8')));
  return new Map(names.map((name, index) => [name, texts[index]!]));
}

/**
 * A token for the files as they are now: names, sizes and modification times, hashed. Cheap (one
 * stat a file), so the editor can ask every few seconds; any save, git pull or checkout changes it.
 */
export async function projectDiskVersion(dir: string): Promise<string> {
  const names = await listProjectFiles(dir);
  const stats = await Promise.all(names.map((name) => fs.stat(join(dir, name)).catch(() => null)));
  const hash = createHash('sha256');
  names.forEach((name, index) => {
    const stat = stats[index];
    hash.update(`${name}\0${stat ? `${stat.size}:${stat.mtimeMs}` : 'missing'}\n`);
  });
  return hash.digest('hex').slice(0, 24);
}
