import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BuilderApiError } from '../../shared/api/apiError';
import type { AppInfo, BuilderMethod, BuilderParsedInput, BuilderOutput, ProjectSummary } from '../../shared/api/contract';
import { BundleImageError } from '../../shared/bundle/buildBundle';
import { createProject } from '../../shared/model/create';
import { idSchema, newId } from '../../shared/model/ids';
import { screenSchema } from '../../shared/model/screen';
import type { SignInSummary } from '../../shared/model/captureBrowser';
import type { CaptureBrowser } from '../capture/browser/captureBrowser';
import type { CaptureJobs } from '../capture/captureJobs';
import type { OpenCapturePage } from '../capture/capturePage';
import { createHealthJobs, type HealthJobs } from '../health/healthJobs';
import { standalonePreviewHtml } from '../preview/standalonePreview';
import { inspectArticleImage } from './articleImageFile';
import { inspectImage } from './imageFile';
import type { PathPolicy } from './pathPolicy';
import { createProjectStore, PROJECT_DIR_SUFFIX, PROJECT_FILE, projectDirOf } from './projectStore';
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
  /** Capturing pages: headless Chromium in the web host, a capture window in Electron. */
  capture?: CaptureJobs;
  /** Told about every project opened or created (Electron adds it to the OS's recent documents). */
  onProjectOpened?: (path: string) => void;
  /** The live capture browser (web host); Electron's capture window is its own live browser. */
  captureBrowser?: CaptureBrowser;
  /** Each project's saved sign-in: a file in the app's data folder (web host), a session partition (Electron). */
  signIn?: SignInAccess;
  /** Electron: capture windows in the project's own partition, so its sign-in lasts there. */
  captureInProject?: (projectId: string) => OpenCapturePage;
  /** The flow health check's jobs (tests pass their own, with fewer pages at once). */
  health?: HealthJobs;
}

/** The project's id, read from its file; undefined when it cannot be read (the capture then uses the shared partition). */
async function projectIdOf(dir: string): Promise<string | undefined> {
  try {
    const id = (JSON.parse(await readFile(join(projectDirOf(dir), PROJECT_FILE), 'utf8')) as { id?: unknown }).id;
    return idSchema.safeParse(id).success ? (id as string) : undefined;
  } catch {
    return undefined;
  }
}

export interface SignInAccess {
  status(projectId: string): Promise<SignInSummary | null>;
  forget(projectId: string): Promise<void>;
}

/** The builder API's behaviour, shared by both hosts; each host only adds its transport. */
export function createBuilderHandlers(options: BuilderServicesOptions): BuilderHandlers {
  const store = createProjectStore({ projectsDir: options.projectsDir });
  const recent = createRecentProjects(options.stateDir);
  const health = options.health ?? createHealthJobs();
  const capture = (): CaptureJobs => {
    if (!options.capture) throw new BuilderApiError({ code: 'unsupported', message: 'This host cannot capture pages; add a screen from an image instead.' });
    return options.capture;
  };
  const liveBrowser = (): CaptureBrowser => {
    if (!options.captureBrowser) {
      throw new BuilderApiError({
        code: 'unsupported',
        message:
          options.host === 'electron'
            ? 'In the desktop app the capture window is the live browser: start a capture (capture.start) and work in that window.'
            : 'This host has no capture browser.',
      });
    }
    return options.captureBrowser;
  };
  const signIn = (): SignInAccess => {
    if (!options.signIn) throw new BuilderApiError({ code: 'unsupported', message: 'This host keeps no sign-ins.' });
    return options.signIn;
  };

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
      options.onProjectOpened?.(opened.path);
      return opened;
    },
    async 'project.open'({ path, reload }) {
      const opened = await store.open(await options.paths.check(path), { offerRecovery: !reload });
      if (reload) return opened;
      await recent.touch(opened.path, opened.project.name);
      options.onProjectOpened?.(opened.path);
      return opened;
    },
    async 'project.save'({ path, project, expectedDiskVersion }) {
      const saved = await store.save(await options.paths.check(path), project, expectedDiskVersion);
      await recent.touch(saved.path, project.name);
      return saved;
    },
    async 'project.saveAs'({ fromPath, name, project }) {
      const opened = await store.saveAs(await options.paths.check(fromPath), name, project);
      await recent.touch(opened.path, name);
      return opened;
    },
    async 'project.writeJournal'({ path, project, baseDiskVersion }) {
      await store.writeJournal(await options.paths.check(path), project, baseDiskVersion);
      return {};
    },
    async 'project.diskVersion'({ path }) {
      return { diskVersion: await store.diskVersion(await options.paths.check(path)) };
    },
    async 'project.discardJournal'({ path }) {
      await store.discardJournal(await options.paths.check(path));
      return {};
    },
    async 'project.readImage'({ path, file }) {
      return { dataUrl: await store.readImage(await options.paths.check(path), file) };
    },
    async 'screen.addImage'({ projectPath, fileName, dataBase64 }) {
      const dir = await options.paths.check(projectPath);
      const bytes = Buffer.from(dataBase64, 'base64');
      const image = await store.saveImage(dir, bytes, inspectImage(bytes, fileName));
      const name = fileName.replace(/\.[a-z0-9]+$/i, '').slice(0, 200) || 'Image';
      return { screen: screenSchema.parse({ id: newId(), name, image, source: { kind: 'image', originalName: fileName }, elements: [] }) };
    },
    async 'project.addArticleImage'({ projectPath, dataBase64 }) {
      const dir = await options.paths.check(projectPath);
      const bytes = Buffer.from(dataBase64, 'base64');
      const { file } = await store.saveImage(dir, bytes, inspectArticleImage(bytes));
      return { file, bytes: bytes.byteLength };
    },
    async 'project.standalonePreview'({ path, project, readyOnly }) {
      const dir = await options.paths.check(path);
      try {
        return { html: await standalonePreviewHtml(project, (file) => store.readImage(dir, file), { readyOnly }) };
      } catch (error) {
        // A missing article image is the author's to fix, not a failure of the host.
        if (error instanceof BundleImageError) throw new BuilderApiError({ code: 'invalid', message: error.message });
        throw error;
      }
    },
    async 'capture.start'({ projectPath, request, signIn: useSignIn }) {
      const dir = await options.paths.check(projectPath);
      const projectId = options.captureInProject || useSignIn ? await projectIdOf(dir) : undefined;
      if (useSignIn && useSignIn.projectId !== projectId) {
        throw new BuilderApiError({ code: 'invalid', message: `capture.start's signIn.projectId (${useSignIn.projectId}) is not the id of the project at ${projectPath.slice(0, 200)}.` });
      }
      const openPage = projectId && options.captureInProject ? options.captureInProject(projectId) : projectId && useSignIn && options.captureBrowser ? options.captureBrowser.signedInPages(projectId) : undefined;
      return capture().start(request, (bytes, image) => store.saveImage(dir, bytes, image), openPage ? { openPage } : {});
    },
    async 'capture.status'({ jobId }) {
      return capture().status(jobId);
    },
    async 'capture.cancel'({ jobId }) {
      return capture().cancel(jobId);
    },
    async 'capture.proceed'({ jobId }) {
      return capture().proceed(jobId);
    },
    async 'browser.open'({ projectPath, projectId, url, viewport, deviceScaleFactor, useSignIn }) {
      await options.paths.check(projectPath);
      return liveBrowser().open({ projectId, url, viewport, deviceScaleFactor, useSignIn });
    },
    async 'browser.frame'({ sessionId, afterSeq, waitMs }) {
      return liveBrowser().frame(sessionId, afterSeq, waitMs);
    },
    async 'browser.input'({ sessionId, events }) {
      await liveBrowser().input(sessionId, events);
      return {};
    },
    async 'browser.navigate'({ sessionId, action, url }) {
      return liveBrowser().navigate(sessionId, action, url);
    },
    async 'browser.setViewport'({ sessionId, viewport, deviceScaleFactor }) {
      return liveBrowser().setViewport(sessionId, viewport, deviceScaleFactor);
    },
    async 'browser.tab'({ sessionId, tabId, action }) {
      return liveBrowser().tab(sessionId, tabId, action);
    },
    async 'browser.capture'({ sessionId, projectPath, fullPage }) {
      const dir = await options.paths.check(projectPath);
      return liveBrowser().capture(sessionId, fullPage, (bytes, image) => store.saveImage(dir, bytes, image));
    },
    async 'browser.close'({ sessionId }) {
      await liveBrowser().close(sessionId);
      return {};
    },
    async 'signIn.status'({ projectId }) {
      return { signIn: await signIn().status(projectId) };
    },
    async 'signIn.forget'({ projectId }) {
      await signIn().forget(projectId);
      return {};
    },
    async 'screen.recapture'({ projectPath, projectId, source, timeoutMs }) {
      const dir = await options.paths.check(projectPath);
      if (!options.captureBrowser) {
        throw new BuilderApiError({ code: 'unsupported', message: options.host === 'electron' ? 'In the desktop app, capture the screen again from the capture window (its sign-in is kept).' : 'This host cannot capture pages.' });
      }
      return options.captureBrowser.recapture({ projectId, source, timeoutMs }, (bytes, image) => store.saveImage(dir, bytes, image));
    },
    // The flow health check (issue 14): the engine is main/health/checkFlows.ts.
    async 'health.start'({ projectPath, projectId, plan, baseUrl }) {
      const dir = await options.paths.check(projectPath);
      if (!options.captureBrowser) {
        throw new BuilderApiError({
          code: 'unsupported',
          message:
            options.host === 'electron'
              ? 'The desktop app cannot check flows yet. Run "stepwise check <project>" in a terminal (add --base-url to check staging), or check from the web host (npm run web).'
              : 'This host cannot load pages, so it cannot check flows.',
        });
      }
      // The sign-in used is the project's: a renderer must not borrow another project's.
      if ((await projectIdOf(dir)) !== projectId) {
        throw new BuilderApiError({ code: 'invalid', message: `health.start's projectId (${projectId}) is not the id of the project at ${projectPath.slice(0, 200)}.` });
      }
      return health.start({ plan, ...(baseUrl ? { baseUrl } : {}), openPage: options.captureBrowser.replayedPages(projectId), saveImage: (bytes, image) => store.saveImage(dir, bytes, image) });
    },
    async 'health.status'({ jobId }) {
      return health.status(jobId);
    },
    async 'health.cancel'({ jobId }) {
      return health.cancel(jobId);
    },
    async 'health.freshScreen'({ jobId, screenId }) {
      return health.freshScreen(jobId, screenId);
    },
    async 'dialog.chooseProject'() {
      if (!options.chooseProject) {
        throw new BuilderApiError({ code: 'unsupported', message: 'This host has no native dialogs; pick a project from the list instead.' });
      }
      return { path: await options.chooseProject() };
    },
  };
}
