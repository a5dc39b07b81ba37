import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { STEPWISE_VERSION } from '../hostPaths';
import { createDispatcher } from '../services/apiDispatcher';
import { createBuilderHandlers } from '../services/builderHandlers';
import { createRecentProjects } from '../services/recentProjects';
import { userGrantedPaths } from '../services/userGrantedPaths';
import { createCaptureJobs } from '../capture/captureJobs';
import { buildApplicationMenu } from './applicationMenu';
import { capturePartition, openCaptureWindow, openCaptureWindowIn } from './captureWindow';
import { createElectronSignIn } from './electronSignIn';
import { openExternalWebLink } from './openExternal';
import { rememberBounds, restoredBounds } from './windowState';
import { registerBuilderIpc } from './builderIpc';

const rendererIndex = join(__dirname, '../renderer/index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
let mainWindow: BrowserWindow | null = null;

function registerApi(): void {
  const projectsDir = process.env.STEPWISE_DATA_DIR ?? join(app.getPath('documents'), 'Stepwise');
  const stateDir = app.getPath('userData');
  const recent = createRecentProjects(stateDir);
  // The renderer is untrusted: it may only name what the user picked, opened before, or the projects folder.
  const paths = userGrantedPaths({ projectsDir, recentProjectDirs: async () => (await recent.list()).map((entry) => entry.path) });
  const handlers = createBuilderHandlers({
    host: 'electron',
    version: STEPWISE_VERSION,
    projectsDir,
    stateDir,
    paths,
    capture: createCaptureJobs(openCaptureWindow),
    captureInProject: (projectId) => openCaptureWindowIn(capturePartition(projectId)),
    signIn: createElectronSignIn(),
    onProjectOpened: (path) => app.addRecentDocument(path),
    async chooseProject() {
      const result = await dialog.showOpenDialog(mainWindow!, {
        title: 'Open Stepwise project',
        properties: ['openDirectory', 'openFile'],
        filters: [{ name: 'Stepwise project', extensions: ['json'] }],
      });
      const picked = result.canceled ? null : (result.filePaths[0] ?? null);
      if (picked) await paths.grant(picked);
      return picked;
    },
  });
  registerBuilderIpc(ipcMain, createDispatcher(handlers), rendererUrl);
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    ...restoredBounds(app.getPath('userData')),
    minWidth: 960,
    minHeight: 600,
    title: 'Stepwise',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  rememberBounds(mainWindow, app.getPath('userData'));
  // The renderer refuses to unload while there are unsaved changes; ask before closing anyway.
  mainWindow.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(mainWindow!, {
      type: 'question',
      buttons: ['Close without saving', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      message: 'This project has unsaved changes.',
      detail: 'Changes are saved automatically a moment after you stop typing; closing now loses the last ones.',
    });
    if (choice === 0) event.preventDefault();
  });
  // Links open in the user's browser (http/https only), never in an app window.
  mainWindow.webContents.setWindowOpenHandler(({ url }) => {
    openExternalWebLink(url);
    return { action: 'deny' };
  });
  mainWindow.webContents.on('will-navigate', (event) => event.preventDefault());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadFile(rendererIndex);
}

app.whenReady().then(() => {
  // Refuse every permission (camera, notifications, ...): the builder needs none.
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  registerApi();
  Menu.setApplicationMenu(buildApplicationMenu(() => mainWindow ?? BrowserWindow.getFocusedWindow()));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
