import { z } from 'zod';
import { projectSchema } from '../model/project';
import { captureRequestSchema, captureStatusSchema } from '../model/capture';
import { browserContractEntries as browser, browserFrameSchema, browserOpenInputSchema, browserSessionSchema, signInSummarySchema } from '../model/captureBrowser';
import { healthInputs, healthJobSchema } from '../health/flowHealth';
import { MAX_IMAGE_BYTES } from '../model/imageLimits';
import { pathSchema } from '../model/pathSchema';
import { articleImageSchema, MAX_ARTICLE_IMAGE_BYTES } from '../model/resourceCenter';
import { idSchema } from '../model/ids';
import { screenImageSchema, screenSchema } from '../model/screen';
import type { BuilderMethodName } from './methodNames';
import { BUILDER_METHOD_NAMES } from './methodNames';

const projectNameSchema = z.string().trim().min(1, 'must not be empty').max(120, 'is longer than 120 characters');
const noInput = z.object({}).strict();
const jobInput = z.object({ jobId: z.string().min(1).max(64) }).strict();
/** 50 MB of image as base64 (4 characters per 3 bytes). */
export const MAX_IMAGE_BASE64_CHARS = Math.ceil(MAX_IMAGE_BYTES / 3) * 4;

export const appInfoSchema = z.object({
  host: z.enum(['electron', 'web']),
  version: z.string(),
  platform: z.string(),
  /** Where new projects go unless the author picks another place (Electron only). */
  projectsDir: z.string(),
  /** Electron can show native open/save dialogs; the web host lists projects in projectsDir instead. */
  nativeDialogs: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const projectSummarySchema = z.object({
  path: z.string(),
  name: z.string(),
  /** ISO time of the last open or save. */
  openedAt: z.string(),
  exists: z.boolean(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const openedProjectSchema = z.object({
  path: z.string(),
  project: projectSchema,
  /** Repairs made while loading (duplicate ids renamed, older format upgraded), for a notice. */
  notices: z.array(z.string()).default([]),
  /** Loading fixed the files' content (repeated ids renewed, an unsafe font reset): the editor saves the fix. */
  repaired: z.boolean().optional(),
  /** Unsaved changes from a session that ended without saving (a crash), offered back. */
  recovery: z
    .object({
      savedAt: z.string(),
      project: projectSchema,
      /** The files changed after these edits were made (a git pull after the app closed): recovering puts older versions back. */
      filesChangedSince: z.boolean().optional(),
    })
    .optional(),
  /** What the project's files on disk look like now (project.diskVersion); changes when anyone changes them. */
  diskVersion: z.string().optional(),
});
export type OpenedProject = z.infer<typeof openedProjectSchema>;

export const savedProjectSchema = z.object({ path: z.string(), savedAt: z.string(), diskVersion: z.string().optional() });

/**
 * The builder API: every call the renderer can make, with the schemas both hosts check.
 * The Electron preload, the IPC handlers, the web host's routes and the client are all
 * generated from this one table.
 */
export const builderApiContract = {
  'app.info': { input: noInput, output: appInfoSchema },
  'projects.recent': { input: noInput, output: z.array(projectSummarySchema) },
  'projects.available': { input: noInput, output: z.array(projectSummarySchema) },
  'projects.forget': { input: z.object({ path: pathSchema }).strict(), output: z.object({}) },
  'project.create': { input: z.object({ name: projectNameSchema }).strict(), output: openedProjectSchema },
  /**
   * reload: the editor reading again the project it has open (its files changed on disk): no
   * recovery offer (the editor's own unsaved work is in memory) and no recent-projects update.
   */
  'project.open': { input: z.object({ path: pathSchema, reload: z.boolean().optional() }).strict(), output: openedProjectSchema },
  'project.save': {
    /** expectedDiskVersion: the files' version the editor merged last; when they changed since, the save is refused ('changedOnDisk') and nothing is written. */
    input: z.object({ path: pathSchema, project: projectSchema, expectedDiskVersion: z.string().max(200).optional() }).strict(),
    output: savedProjectSchema,
  },
  'project.saveAs': {
    input: z.object({ fromPath: pathSchema, name: projectNameSchema, project: projectSchema }).strict(),
    output: openedProjectSchema,
  },
  /** Unsaved work, written moments after each change, so a crash cannot lose it. */
  'project.writeJournal': {
    /** baseDiskVersion: the files' version the edits were made on, so a later open can tell when the files changed since. */
    input: z.object({ path: pathSchema, project: projectSchema, baseDiskVersion: z.string().max(200).optional() }).strict(),
    output: z.object({}),
  },
  'project.discardJournal': { input: z.object({ path: pathSchema }).strict(), output: z.object({}) },
  /**
   * A short token for the state of the project's files on disk (names, sizes, modification times).
   * The editor asks for it every few seconds: a different token than at open or save means someone
   * (a git pull, a branch switch, a teammate's editor) changed the files, and the editor reloads.
   */
  'project.diskVersion': { input: z.object({ path: pathSchema }).strict(), output: z.object({ diskVersion: z.string() }) },
  /** A screenshot of the project, as a data: URL the renderer can show without file access. */
  'project.readImage': {
    input: z.object({ path: pathSchema, file: screenImageSchema.shape.file }).strict(),
    output: z.object({ dataUrl: z.string() }),
  },
  /**
   * A screen from an image file (picked, dropped or pasted): checked (PNG, JPEG or WebP, whole,
   * at most 16,384 px a side and 50 MB) and stored in the project's images folder.
   */
  'screen.addImage': {
    input: z.object({ projectPath: pathSchema, fileName: z.string().trim().min(1).max(500), dataBase64: z.string().max(MAX_IMAGE_BASE64_CHARS, 'is larger than 50 MB') }).strict(),
    output: z.object({ screen: screenSchema }),
  },
  /**
   * An image for a resource center article (a crop of a screen, cut by the renderer): checked
   * (PNG, JPEG or WebP, whole, at most 256 kB, the cap of an image the bundle carries inline) and
   * stored in the project's images folder under its hash, like a screenshot. The document refers
   * to it only once the editor adds it to the resource center's images.
   */
  'project.addArticleImage': {
    input: z
      .object({
        projectPath: pathSchema,
        // A little over the cap, so an oversized image reaches the handler and gets its message naming both sizes.
        dataBase64: z.string().min(1, 'must not be empty').max(Math.ceil((MAX_ARTICLE_IMAGE_BYTES * 4) / 3) * 4, 'is far larger than an article image may be (256 kB)'),
      })
      .strict(),
    output: z.object({ file: articleImageSchema.shape.file, bytes: articleImageSchema.shape.bytes }),
  },
  /** The standalone review page: one HTML file with screenshots, player and bundle inlined. */
  'project.standalonePreview': {
    input: z.object({ path: pathSchema, project: projectSchema, readyOnly: z.boolean().default(false) }).strict(),
    output: z.object({ html: z.string() }),
  },
  /** Starts capturing a page into the project; answers at once with a job to poll. */
  'capture.start': {
    input: z
      .object({
        projectPath: pathSchema,
        request: captureRequestSchema,
        /** Start signed in: the web host opens the page with this project's saved sign-in (Electron's capture window always uses the project's own). */
        signIn: z.object({ projectId: idSchema }).strict().optional(),
      })
      .strict(),
    output: captureStatusSchema,
  },
  'capture.status': { input: jobInput, output: captureStatusSchema },
  'capture.cancel': { input: jobInput, output: captureStatusSchema },
  /** Electron: capture the page the author has navigated to in the capture window. */
  'capture.proceed': { input: jobInput, output: captureStatusSchema },
  /**
   * The live capture browser (web host): a page the author drives from the capture view, streamed
   * as frames (long poll: answers when a frame newer than afterSeq exists, or after waitMs).
   */
  'browser.open': { input: browserOpenInputSchema, output: browserSessionSchema },
  'browser.frame': { input: browser.frameInput, output: browserFrameSchema },
  'browser.input': { input: browser.inputInput, output: z.object({}) },
  'browser.navigate': { input: browser.navigateInput, output: browserSessionSchema },
  'browser.setViewport': { input: browser.viewportInput, output: browserSessionSchema },
  'browser.tab': { input: browser.tabInput, output: browserSessionSchema },
  /** Captures the session's current state (open menus and modals included) as a new screen: a job polled with capture.status. */
  'browser.capture': { input: browser.captureInput, output: captureStatusSchema },
  'browser.close': { input: browser.sessionInput, output: z.object({}) },
  /** The project's saved sign-in, if any ("Signed in at app.example.com, saved 3 days ago"). */
  'signIn.status': { input: browser.signInInput, output: z.object({ signIn: signInSummarySchema.nullable() }) },
  'signIn.forget': { input: browser.signInInput, output: z.object({}) },
  /** Captures a screen again from its source: loads the URL with the saved sign-in and replays its recorded path. A job. */
  'screen.recapture': { input: browser.recaptureInput, output: captureStatusSchema },
  /**
   * "Check flows": loads every screen of the plan on the live product (saved sign-in, recorded
   * path, optional base URL), resolves each anchor with the player's matching and saves the fresh
   * screenshots in the project's images folder. A job, polled with health.status.
   */
  'health.start': { input: healthInputs.start, output: healthJobSchema },
  'health.status': { input: healthInputs.job, output: healthJobSchema },
  'health.cancel': { input: healthInputs.job, output: healthJobSchema },
  /** The fresh capture of a checked screen (image and element map), to replace the screen with. */
  'health.freshScreen': { input: healthInputs.freshScreen, output: screenSchema },
  /** Native "Open project" dialog; the web host answers `unsupported`. */
  'dialog.chooseProject': { input: noInput, output: z.object({ path: z.string().nullable() }) },
} as const satisfies Record<BuilderMethodName, { input: z.ZodType; output: z.ZodType }>;

export type BuilderApiContract = typeof builderApiContract;
export type BuilderMethod = keyof BuilderApiContract;
export type BuilderInput<M extends BuilderMethod> = z.input<BuilderApiContract[M]['input']>;
/** The input after the contract's schema checked it (defaults filled in): what handlers receive. */
export type BuilderParsedInput<M extends BuilderMethod> = z.output<BuilderApiContract[M]['input']>;
export type BuilderOutput<M extends BuilderMethod> = z.output<BuilderApiContract[M]['output']>;
// `satisfies` above makes every listed name have an entry and refuses entries that are not listed.
export const BUILDER_METHODS: readonly BuilderMethod[] = BUILDER_METHOD_NAMES;

export function isBuilderMethod(name: unknown): name is BuilderMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(builderApiContract, name);
}

export { ipcChannel } from './methodNames';
