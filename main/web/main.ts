import { spawn } from 'node:child_process';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultProjectsDir, STEPWISE_VERSION } from '../hostPaths';
import { createDispatcher } from '../services/apiDispatcher';
import { createBuilderHandlers } from '../services/builderHandlers';
import { confinedTo } from '../services/pathPolicy';
import { defaultAppDataDir } from '../capture/browser/appDataDir';
import { createCaptureBrowser } from '../capture/browser/captureBrowser';
import { createSignInStore } from '../capture/browser/signInStore';
import { createCaptureJobs } from '../capture/captureJobs';
import { createPlaywrightCapture } from '../capture/playwrightCapture';
import { keepServingOnUnexpectedErrors } from './processGuards';
import { startWebHost } from './webHost';

const USAGE = `Usage: stepwise-web [--port N] [--data-dir DIR] [--state-dir DIR] [--open]
  --port N         listen on 127.0.0.1:N (default: a free port)
  --data-dir DIR   where projects live (default: $STEPWISE_DATA_DIR or ~/Stepwise)
  --state-dir DIR  the app's own data, e.g. saved sign-ins, never inside a project
                   (default: $STEPWISE_STATE_DIR, else the OS's app-data folder)
  --open           open the app in the default browser`;

function openInBrowser(url: string): void {
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay || process.env.CI) return;
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined); // no browser: the printed URL is enough
  child.unref();
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'state-dir': { type: 'string' }, open: { type: 'boolean' }, help: { type: 'boolean' } } }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${args.port}".\n${USAGE}`);
    process.exit(2);
  }
  const projectsDir = resolve(args['data-dir'] ?? defaultProjectsDir());
  const appDataDir = resolve(args['state-dir'] ?? defaultAppDataDir());
  // Projects go into git and get shared; saved sign-ins must never be among them.
  const fromProjects = relative(projectsDir, appDataDir);
  if (!fromProjects || (!fromProjects.startsWith('..') && !isAbsolute(fromProjects))) {
    console.error(`The app data folder (${appDataDir}) must not be inside the projects folder (${projectsDir}): saved sign-ins would end up in projects. Use --state-dir or STEPWISE_STATE_DIR to put it elsewhere.`);
    process.exit(2);
  }
  const playwright = createPlaywrightCapture();
  const captureJobs = createCaptureJobs(playwright.openPage);
  const signIn = createSignInStore(appDataDir);
  const captureBrowser = createCaptureBrowser({ browser: playwright.browser, jobs: captureJobs, signIn });
  const handlers = createBuilderHandlers({
    host: 'web',
    version: STEPWISE_VERSION,
    projectsDir,
    stateDir: join(projectsDir, '.stepwise-state'),
    paths: confinedTo(projectsDir),
    capture: captureJobs,
    captureBrowser,
    signIn: { status: signIn.status, forget: captureBrowser.forgetSignIn },
  });
  const rendererDir = resolve(import.meta.dirname, '../renderer');
  keepServingOnUnexpectedErrors();
  const host = await startWebHost({ dispatch: createDispatcher(handlers), rendererDir, port });
  console.log(`Stepwise web host: ${host.url}`);
  console.log(`Projects folder: ${projectsDir}`);
  console.log(`App data (sign-ins): ${appDataDir}`);
  if (args.open) openInBrowser(host.url);
  // Sessions save their sign-ins before the browser goes.
  const stop = () => void Promise.all([host.close(), captureBrowser.closeAll().then(() => playwright.close())]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Stepwise web host could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
