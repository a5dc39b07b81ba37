/**
 * The builder API's method names, kept apart from the schemas so the Electron preload can list
 * them without bundling zod. contract.ts is typed against this list, so the two cannot diverge.
 */
export const BUILDER_METHOD_NAMES = [
  'app.info',
  'projects.recent',
  'projects.available',
  'projects.forget',
  'project.create',
  'project.open',
  'project.save',
  'project.saveAs',
  'project.writeJournal',
  'project.discardJournal',
  'project.diskVersion',
  'project.readImage',
  'screen.addImage',
  'project.addArticleImage',
  'project.standalonePreview',
  'capture.start',
  'capture.status',
  'capture.cancel',
  'capture.proceed',
  'browser.open',
  'browser.frame',
  'browser.input',
  'browser.navigate',
  'browser.setViewport',
  'browser.tab',
  'browser.capture',
  'browser.close',
  'health.start',
  'health.status',
  'health.cancel',
  'health.freshScreen',
  'signIn.status',
  'signIn.forget',
  'screen.recapture',
  'dialog.chooseProject',
] as const;
export type BuilderMethodName = (typeof BUILDER_METHOD_NAMES)[number];

/** The IPC channel of a method, one per contract entry. */
export function ipcChannel(method: BuilderMethodName): string {
  return `stepwise:${method}`;
}
