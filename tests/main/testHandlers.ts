import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBuilderHandlers } from '../../main/services/builderHandlers';
import { confinedTo } from '../../main/services/pathPolicy';

/** The web host's handlers over a fresh temporary projects folder. */
export async function webHandlersInTempDir() {
  const projectsDir = await mkdtemp(join(tmpdir(), 'stepwise-host-'));
  const handlers = createBuilderHandlers({ host: 'web', version: 'test', projectsDir, stateDir: join(projectsDir, '.state'), paths: confinedTo(projectsDir) });
  return { projectsDir, handlers };
}
