import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ProjectSummary } from '../../shared/api/contract';
import { writeFileAtomic } from './atomicWrite';
import { PROJECT_FILE } from './projectStore';

const MAX_RECENT = 12;
const recentListSchema = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }));
type RecentEntry = z.infer<typeof recentListSchema>[number];

/**
 * The web host keeps its state inside the projects folder, which a team may keep in its repository:
 * the list (absolute paths, times) is this machine's, so the folder tells git to ignore all of it.
 * Written once; a .gitignore already there (the user's own) is left as it is.
 */
async function ignoreInGit(dir: string): Promise<void> {
  await fs.writeFile(join(dir, '.gitignore'), '# Stepwise state of this machine: not for the repository.\n*\n', { flag: 'wx' }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
}

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
    await ignoreInGit(stateDir);
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
