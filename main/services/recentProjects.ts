import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ProjectSummary } from '../../shared/api/contract';
import { writeFileAtomic } from './atomicWrite';
import { PROJECT_FILE } from './projectStore';

const MAX_RECENT = 12;
const recentListSchema = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }));
type RecentEntry = z.infer<typeof recentListSchema>[number];

/** The recently opened projects, newest first, kept in the host's state folder. */
export function createRecentProjects(stateDir: string) {
  const file = join(stateDir, 'recent-projects.json');

  async function read(): Promise<RecentEntry[]> {
    try {
      const parsed = recentListSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      // A damaged list is only a convenience lost: start a new one rather than fail.
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  async function write(entries: RecentEntry[]): Promise<void> {
    await fs.mkdir(stateDir, { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify(entries, null, 2)}\n`);
  }

  return {
    async list(): Promise<ProjectSummary[]> {
      const entries = await read();
      return Promise.all(
        entries.map(async (entry) => ({
          ...entry,
          exists: await fs.access(join(entry.path, PROJECT_FILE)).then(
            () => true,
            () => false,
          ),
        })),
      );
    },
    async touch(path: string, name: string): Promise<void> {
      const entries = (await read()).filter((entry) => entry.path !== path);
      await write([{ path, name, openedAt: new Date().toISOString() }, ...entries].slice(0, MAX_RECENT));
    },
    async forget(path: string): Promise<void> {
      await write((await read()).filter((entry) => entry.path !== path));
    },
  };
}

export type RecentProjects = ReturnType<typeof createRecentProjects>;
