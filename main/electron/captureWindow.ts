import { BrowserWindow, Menu, session as electronSession, type WebContents } from 'electron';
import type { CaptureRequest } from '../../shared/model/capture';
import { CaptureError, type CapturePage, type OpenCapturePage } from '../capture/capturePage';
import { navigationError, statusError } from '../capture/navigationErrors';

/**
 * Capture windows keep a persistent session per project (`persist:stepwise-<projectId>`), so a
 * sign-in lasts between captures and app restarts and never crosses projects; nothing else uses
 * them. Without a project id, one shared partition (as before sign-ins were per project).
 */
export function capturePartition(projectId?: string): string {
  return projectId ? `persist:stepwise-${projectId}` : 'persist:stepwise-capture';
}

function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Locks the capture session down once: no permissions, no downloads. */
function captureSession(partition: string, notices: () => string[]) {
  const captured = electronSession.fromPartition(partition);
  captured.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  captured.on('will-download', (event, item) => {
    event.preventDefault();
    notices().push(`The page started a download (${item.getFilename()}); it was refused.`);
  });
  return captured;
}

/**
 * Electron's capture: a real window on the author's product, where they can log in and navigate,
 * then press Capture (in its menu, or "Capture now" in the builder). The page runs with no
 * preload, no Node, in its own partition; only http(s) navigation, no popups, no downloads.
 */
class CaptureWindowPage implements CapturePage {
  readonly notices: string[] = [];
  private readonly window: BrowserWindow;
  private readonly contents: WebContents;
  private authorReady: () => void = () => undefined;
  private authorGone: (error: Error) => void = () => undefined;
  private lastStatus = 0;

  constructor(
    private readonly request: CaptureRequest,
    partition: string,
  ) {
    const session = captureSession(partition, () => this.notices);
    this.window = new BrowserWindow({
      width: request.viewport.width,
      height: request.viewport.height,
      useContentSize: true,
      title: 'Stepwise capture — navigate, then press Capture (Ctrl/Cmd+Enter)',
      webPreferences: { session, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
    });
    this.contents = this.window.webContents;
    this.contents.setWindowOpenHandler(({ url }) => {
      this.notices.push(`The page tried to open a popup (${url.slice(0, 200)}); it was refused.`);
      return { action: 'deny' };
    });
    const refuseNonWeb = (event: { preventDefault(): void }, url: string) => {
      if (!isWebUrl(url)) {
        event.preventDefault();
        this.notices.push(`The page tried to go to ${url.slice(0, 200)}; only http and https pages can be captured.`);
      }
    };
    this.contents.on('will-navigate', refuseNonWeb);
    this.contents.on('will-redirect', refuseNonWeb);
    this.contents.on('did-navigate', (_event, _url, httpResponseCode) => {
      this.lastStatus = httpResponseCode;
    });
    this.window.setMenu(
      Menu.buildFromTemplate([
        {
          label: 'Capture',
          submenu: [
            { label: 'Capture this page', accelerator: 'CmdOrCtrl+Return', click: () => this.authorReady() },
            { label: 'Cancel', accelerator: 'Escape', click: () => this.window.close() },
          ],
        },
      ]),
    );
    this.window.on('closed', () => this.authorGone(new CaptureError('The capture window was closed before capturing.')));
  }

  async load(url: string, timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.contents.loadURL(url),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        }),
      ]);
    } catch (error) {
      throw navigationError(url, error, timeoutMs);
    } finally {
      clearTimeout(timer);
    }
    if (this.lastStatus >= 400) throw statusError(url, this.lastStatus, '');
    // Emulate the chosen viewport and scale exactly, whatever the window's size and screen.
    this.contents.debugger.attach('1.3');
    await this.contents.debugger.sendCommand('Emulation.setDeviceMetricsOverride', {
      width: this.request.viewport.width,
      height: this.request.viewport.height,
      deviceScaleFactor: this.request.deviceScaleFactor,
      mobile: this.request.viewport.width < 500,
    });
  }

  waitForAuthor(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.authorReady = resolve;
      this.authorGone = reject;
    });
  }

  proceed(): void {
    this.authorReady();
  }

  evaluate(expression: string): Promise<unknown> {
    return this.contents.executeJavaScript(expression, true);
  }

  async screenshot({ fullPage, maxHeight }: { fullPage: boolean; maxHeight: number }): Promise<Uint8Array> {
    const size = (await this.evaluate('({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })')) as { width: number; height: number };
    const clip = fullPage ? { x: 0, y: 0, width: size.width, height: Math.min(size.height, maxHeight), scale: 1 } : undefined;
    const result = (await this.contents.debugger.sendCommand('Page.captureScreenshot', { format: 'png', captureBeyondViewport: fullPage, ...(clip ? { clip } : {}) })) as { data: string };
    return Buffer.from(result.data, 'base64');
  }

  url(): string {
    return this.contents.getURL();
  }

  async close(): Promise<void> {
    if (!this.window.isDestroyed()) this.window.destroy();
  }
}

/** Opens capture windows in one partition (a project's, for its sign-in). */
export function openCaptureWindowIn(partition: string): OpenCapturePage {
  return async (request) => {
    if (!isWebUrl(request.url)) throw new CaptureError('Only http and https pages can be captured.');
    return new CaptureWindowPage(request, partition);
  };
}

export const openCaptureWindow: OpenCapturePage = openCaptureWindowIn(capturePartition());
