import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for the `electron` module that records what the app asks of it, so the Electron
 * host's security settings are tested here, where the Electron binary cannot be installed.
 */
type Listener = (...args: unknown[]) => unknown;

export const recorded = {
  windows: [] as FakeBrowserWindow[],
  defaultPermissionHandlers: [] as Listener[],
  sessions: new Map<string, FakeSession>(),
  openedExternally: [] as string[],
};

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

class FakeSession extends Emitter {
  permissionHandler: Listener | null = null;
  /** Cookies the partition holds; a test puts some here as a sign-in would. */
  cookieJar: Array<{ name: string; value: string; domain?: string }> = [];
  cleared = 0;
  readonly storagePath: string | null = null;
  readonly cookies = {
    get: async () => [...this.cookieJar],
    flushStore: async () => undefined,
  };
  constructor(readonly partition: string) {
    super();
  }
  async clearStorageData() {
    this.cookieJar = [];
    this.cleared++;
  }
  async clearCache() {}
  setPermissionRequestHandler(handler: Listener) {
    this.permissionHandler = handler;
  }
}

class FakeWebContents extends Emitter {
  windowOpenHandler: Listener | null = null;
  readonly debugger = { attach() {}, sendCommand: async () => ({ data: '' }) };
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
  loadURL = async () => undefined;
  getURL = () => '';
  executeJavaScript = async () => null;
}

class FakeBrowserWindow extends Emitter {
  readonly webContents = new FakeWebContents();
  constructor(readonly options: Record<string, unknown>) {
    super();
    recorded.windows.push(this);
  }
  loadFile = async () => undefined;
  show() {}
  setMenu() {}
  destroy() {}
  isDestroyed = () => false;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1440, height: 900 });
  static getAllWindows = () => recorded.windows;
  static getFocusedWindow = () => null;
}

const userData = mkdtempSync(join(tmpdir(), 'stepwise-fake-electron-'));

export const app = {
  whenReady: () => Promise.resolve(),
  on() {},
  quit() {},
  addRecentDocument() {},
  getPath: () => userData,
};
export const BrowserWindow = FakeBrowserWindow;
export const session = {
  defaultSession: { setPermissionRequestHandler: (handler: Listener) => recorded.defaultPermissionHandlers.push(handler) },
  fromPartition(partition: string) {
    if (!recorded.sessions.has(partition)) recorded.sessions.set(partition, new FakeSession(partition));
    return recorded.sessions.get(partition)!;
  },
};
export const Menu = { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu() {} };
export const ipcMain = { handle() {} };
export const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showMessageBoxSync: () => 1 };
export const shell = { openExternal: async (url: string) => void recorded.openedExternally.push(url) };
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
