import { basename } from 'node:path';
import { BuilderApiError } from '../../shared/api/apiError';
import type { AppInfo, BuilderMethod, BuilderParsedInput, BuilderOutput, ProjectSummary } from '../../shared/api/contract';
import { createProject } from '../../shared/model/create';
import type { PathPolicy } from './pathPolicy';
import { createProjectStore, PROJECT_DIR_SUFFIX } from './projectStore';
import { createRecentProjects } from './recentProjects';

export type BuilderHandlers = {
  [M in BuilderMethod]: (input: BuilderParsedInput<M>) => Promise<BuilderOutput<M>>;
};

export interface BuilderServicesOptions {
  host: AppInfo['host'];
  version: string;
  projectsDir: string;
  /** Recent projects and other host state. */
  stateDir: string;
  paths: PathPolicy;
  /** Native "open project" dialog; absent in the web host. */
  chooseProject?: () => Promise<string | null>;
}

/** The builder API's behaviour, shared by both hosts; each host only adds its transport. */
export function createBuilderHandlers(options: BuilderServicesOptions): BuilderHandlers {
  const store = createProjectStore({ projectsDir: options.projectsDir });
  const recent = createRecentProjects(options.stateDir);

  return {
    async 'app.info'() {
      return {
        host: options.host,
        version: options.version,
        platform: process.platform,
        projectsDir: options.projectsDir,
        nativeDialogs: Boolean(options.chooseProject),
      };
    },
    async 'projects.recent'() {
      return recent.list();
    },
    async 'projects.available'() {
      const dirs = await store.listProjectDirs();
      const known = new Map((await recent.list()).map((entry) => [entry.path, entry]));
      return dirs.map(
        (dir): ProjectSummary =>
          known.get(dir) ?? { path: dir, name: basename(dir, PROJECT_DIR_SUFFIX), openedAt: '', exists: true },
      );
    },
    async 'projects.forget'({ path }) {
      await recent.forget(path);
      return {};
    },
    async 'project.create'({ name }) {
      const opened = await store.create(name, createProject(name));
      await recent.touch(opened.path, name);
      return opened;
    },
    async 'project.open'({ path }) {
      const opened = await store.open(await options.paths.check(path));
      await recent.touch(opened.path, opened.project.name);
      return opened;
    },
    async 'project.save'({ path, project }) {
      const saved = await store.save(await options.paths.check(path), project);
      await recent.touch(saved.path, project.name);
      return saved;
    },
    async 'project.saveAs'({ fromPath, name, project }) {
      const opened = await store.saveAs(await options.paths.check(fromPath), name, project);
      await recent.touch(opened.path, name);
      return opened;
    },
    async 'project.readImage'({ path, file }) {
      return { dataUrl: await store.readImage(await options.paths.check(path), file) };
    },
    async 'dialog.chooseProject'() {
      if (!options.chooseProject) {
        throw new BuilderApiError({ code: 'unsupported', message: 'This host has no native dialogs; pick a project from the list instead.' });
      }
      return { path: await options.chooseProject() };
    },
  };
}
