import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { captureRequestSchema } from '../../shared/model/capture';
import { recorded } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const prevented = (handler: (...args: unknown[]) => unknown, ...args: unknown[]) => {
  let stopped = false;
  handler({ preventDefault: () => (stopped = true) }, ...args);
  return stopped;
};

describe("Electron security checklist (the app's calls, recorded by a stand-in for electron)", async () => {
  process.env.STEPWISE_DATA_DIR = mkdtempSync(join(tmpdir(), 'stepwise-electron-'));
  await import('../../main/electron/main');
  // The app sets itself up once electron is ready; the app window is the last thing it makes.
  const appWindow = await vi.waitFor(() => {
    if (!recorded.windows[0]) throw new Error('The app has not opened its window yet.');
    return recorded.windows[0];
  });

  it('isolates and sandboxes the app window, with the preload as its only bridge', () => {
    expect(appWindow.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((appWindow.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(appWindow.options.webPreferences).not.toHaveProperty('allowRunningInsecureContent');
    expect(appWindow.options.webPreferences).not.toHaveProperty('experimentalFeatures');
  });

  it('never navigates the app window, and opens only http(s) links, in the user browser', () => {
    expect(prevented(appWindow.webContents.listeners.get('will-navigate')![0]!, 'https://evil.example')).toBe(true);
    const open = appWindow.webContents.windowOpenHandler!;
    expect(open({ url: 'https://docs.example.com' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(recorded.openedExternally).toEqual(['https://docs.example.com']);
  });

  it('refuses every permission by default', () => {
    const decisions: boolean[] = [];
    for (const handler of recorded.defaultPermissionHandlers) handler(null, 'media', (allowed: boolean) => decisions.push(allowed));
    expect(decisions).toEqual([false]);
  });

  it('opens the capture window in its own partition, without preload, sandboxed, http(s) only, no popups, downloads or permissions', async () => {
    const { openCaptureWindow } = await import('../../main/electron/captureWindow');
    const page = await openCaptureWindow(captureRequestSchema.parse({ url: 'https://app.example.com', viewport: { width: 1280, height: 800 } }));
    const capture = recorded.windows.at(-1)!;
    const preferences = capture.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(preferences.preload).toBeUndefined();
    const captureSession = recorded.sessions.get('persist:stepwise-capture')!;
    expect(preferences.session).toBe(captureSession);
    expect(prevented(capture.webContents.listeners.get('will-navigate')![0]!, 'file:///etc/passwd')).toBe(true);
    expect(prevented(capture.webContents.listeners.get('will-navigate')![0]!, 'https://app.example.com/login')).toBe(false);
    expect(capture.webContents.windowOpenHandler!({ url: 'https://ads.example.com' })).toEqual({ action: 'deny' });
    expect(prevented(captureSession.listeners.get('will-download')![0]!, { getFilename: () => 'x.exe' })).toBe(true);
    let allowed: boolean | null = null;
    captureSession.permissionHandler!(null, 'geolocation', (decision: boolean) => (allowed = decision));
    expect(allowed).toBe(false);
    expect(page.notices.join('\n')).toMatch(/popup.*refused[\s\S]*download \(x\.exe\).*refused/);
  });
});
