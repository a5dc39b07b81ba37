import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { BuilderApiError } from '../../../shared/api/apiError';
import type { BrowserInputEvent, BrowserSession } from '../../../shared/model/captureBrowser';
import { newId } from '../../../shared/model/ids';
import { recordedActionSchema, type RecordedPath } from '../../../shared/model/recordedPath';
import type { Viewport } from '../../../shared/model/screen';
import { navigationError } from '../navigationErrors';
import { dismissDialogsAndRefuseDownloads } from '../playwrightCapture';
import { InputForwarder } from './inputEvents';
import { RECORDER_BINDING, recorderInitScript } from './recorderScript';
import type { RecorderMessage } from './inPage/recorder';
import { Screencast, type ScreencastFrame } from './screencast';
import type { SignInStore, StorageState } from './signInStore';

export interface SessionSettings {
  projectId: string;
  viewport: Viewport;
  deviceScaleFactor: number;
  useSignIn: boolean;
  /** How long a navigation may take before the session reports it never loaded. */
  navigationTimeoutMs: number;
}

interface Tab {
  id: string;
  page: Page;
  cdp: CDPSession;
  screencast: Screencast;
  title: string;
  recorded: RecordedPath | null;
  /** Times of recent main-frame navigations, to stop a page that navigates in a loop. */
  navigations: number[];
}

const MAX_TABS = 5;
const MAX_NOTICES = 20;
const MAX_RECORDED = 200;
/** More main-frame navigations than this within LOOP_WINDOW_MS is a loop, not a person. */
const LOOP_NAVIGATIONS = 15;
const LOOP_WINDOW_MS = 2_000;
/** Page loads save the sign-in at most this often (a site that reloads itself does not rewrite the file each time). */
const SIGN_IN_SAVE_GAP_MS = 3_000;

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);
/** Pages Chromium itself shows (blank, its error page): neither refused nor recorded. */
const isBrowserPage = (url: string) => url === '' || url.startsWith('about:') || url.startsWith('chrome-error:');

/**
 * One live capture browser: its own browser context (cookies and storage apart from every other
 * session), its tabs (popups open as tabs), the active tab's screencast, input forwarded as
 * trusted events, and the path the author took since the active tab's last page load.
 */
export class CaptureBrowserSession {
  readonly id = newId();
  lastUsed = Date.now();
  /** Long polls waiting now: a session someone is watching is in use. */
  watchers = 0;
  private readonly tabs = new Map<string, Tab>();
  private activeId = '';
  private seq = 0;
  private readonly notices: string[] = [];
  private error: string | undefined;
  private loading = false;
  /** Counts navigations this session started, so a superseded one does not report its failure. */
  private navigationCount = 0;
  private readonly waiters = new Set<() => void>();
  private readonly nonce = randomBytes(16).toString('hex');
  private readonly input = new InputForwarder(() => this.active().cdp);
  private readonly createdScale: number;
  private closed = false;
  private keepSignIn = true;
  /** Saves run one after another, so Forget can wait for one already on its way. */
  private saving: Promise<void> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSaveAt = 0;
  /** What this session saved (or started with) last, so an unchanged sign-in is not written again after a page load. */
  private lastSaved = '';
  /** Pages this session opens itself (not popups), whose 'page' event comes before newPage() returns. */
  private ownPagesComing = 0;

  private constructor(
    readonly settings: SessionSettings,
    private readonly context: BrowserContext,
    private readonly signIn: SignInStore,
  ) {
    this.createdScale = settings.deviceScaleFactor;
  }

  static async open(browser: Browser, settings: SessionSettings, url: string, signIn: SignInStore): Promise<CaptureBrowserSession> {
    const storageState = settings.useSignIn ? await signIn.load(settings.projectId) : undefined;
    const context = await browser.newContext({
      viewport: settings.viewport,
      deviceScaleFactor: settings.deviceScaleFactor,
      acceptDownloads: false,
      serviceWorkers: 'block',
      permissions: [],
      ...(storageState ? { storageState } : {}),
    });
    const session = new CaptureBrowserSession(settings, context, signIn);
    // The sign-in it started with is saved already: loading a page with it changes nothing to save.
    if (storageState) session.lastSaved = JSON.stringify(storageState);
    try {
      await session.setUp();
      await session.newTab();
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
    session.go(url);
    return session;
  }

  private async setUp(): Promise<void> {
    await this.context.exposeBinding(RECORDER_BINDING, (source, message: RecorderMessage) => {
      // Only the recorder's own messages count: from a tab's top document, with this session's nonce.
      const tab = [...this.tabs.values()].find((candidate) => candidate.page === source.page);
      if (!tab || source.frame !== tab.page.mainFrame() || message?.nonce !== this.nonce) return;
      this.record(tab, message);
    });
    await this.context.addInitScript(recorderInitScript(this.nonce));
    this.context.on('page', (page) => {
      if (this.ownPagesComing > 0) {
        this.ownPagesComing--;
        return;
      }
      if (this.tabs.size >= MAX_TABS) {
        this.notice(`The page opened another window${isWebUrl(page.url()) ? ` (${page.url().slice(0, 200)})` : ''}; it was refused (at most ${MAX_TABS} tabs).`);
        page.close().catch(() => undefined);
        return;
      }
      void this.addTab(page, true)
        .then(() => this.notice(`The page opened a new tab${isWebUrl(page.url()) ? ` (${page.url().slice(0, 200)})` : ''}; it is shown now.`))
        .catch(() => undefined);
    });
  }

  private async newTab(): Promise<Tab> {
    this.ownPagesComing++;
    return this.addTab(await this.context.newPage(), true);
  }

  private async addTab(page: Page, activate = this.tabs.size === 0): Promise<Tab> {
    const cdp = await this.context.newCDPSession(page);
    const id = newId();
    const tab: Tab = {
      id,
      page,
      cdp,
      title: '',
      recorded: null,
      navigations: [],
      screencast: new Screencast(cdp, this.settings.viewport, () => ++this.seq, (frame) => this.onFrame(id, frame)),
    };
    this.tabs.set(id, tab);
    dismissDialogsAndRefuseDownloads(page, (text) => this.notice(text));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.onNavigated(tab);
    });
    page.on('load', () => {
      this.refreshTitle(tab);
      if (tab.id === this.activeId) this.saveSignInSoon();
    });
    page.on('domcontentloaded', () => this.refreshTitle(tab));
    page.on('close', () => this.onTabClosed(tab));
    // A popup can finish loading before these listeners exist: read the title it has now as well.
    this.refreshTitle(tab);
    if (activate) await this.activate(id);
    return tab;
  }

  // ---- state -------------------------------------------------------------------------------

  private active(): Tab {
    const tab = this.tabs.get(this.activeId);
    if (!tab) throw new BuilderApiError({ code: 'invalid', message: 'The capture browser has no open tab.' });
    return tab;
  }

  private changed(): void {
    for (const wake of [...this.waiters]) wake();
  }

  private notice(text: string): void {
    this.notices.push(text);
    if (this.notices.length > MAX_NOTICES) this.notices.splice(0, this.notices.length - MAX_NOTICES);
    this.changed();
  }

  private onFrame(tabId: string, _frame: ScreencastFrame): void {
    if (tabId === this.activeId) this.changed();
  }

  private refreshTitle(tab: Tab): void {
    tab.page
      .title()
      .then((title) => {
        tab.title = title;
        this.changed();
      })
      .catch(() => undefined);
  }

  private onNavigated(tab: Tab): void {
    const url = tab.page.url();
    if (!isWebUrl(url) && !isBrowserPage(url)) {
      this.notice(`The page tried to go to ${url.slice(0, 200)}; only http and https pages can be opened.`);
      tab.page.goto('about:blank').catch(() => undefined);
      return;
    }
    if (isBrowserPage(url)) return;
    const now = Date.now();
    tab.navigations = [...tab.navigations.filter((time) => now - time < LOOP_WINDOW_MS), now];
    if (tab.navigations.length > LOOP_NAVIGATIONS) {
      tab.navigations = [];
      this.error = `${hostOf(url)} navigated ${LOOP_NAVIGATIONS} times in ${LOOP_WINDOW_MS / 1000} s, in a loop, so it was stopped. Check the address, or open it in a browser to see where it goes.`;
      tab.recorded = null;
      tab.page.goto('about:blank').catch(() => undefined);
    }
    this.changed();
  }

  private onTabClosed(tab: Tab): void {
    tab.screencast.dispose();
    this.tabs.delete(tab.id);
    if (this.closed) return;
    if (tab.id === this.activeId) {
      const next = [...this.tabs.keys()].at(-1);
      if (next) void this.activate(next).catch(() => undefined);
      else {
        this.notice('The page closed its own window; a blank tab took its place.');
        void this.newTab().catch(() => undefined);
      }
    }
    this.changed();
  }

  private record(tab: Tab, message: RecorderMessage): void {
    if (message.type === 'load') {
      tab.recorded = isWebUrl(message.url) ? { url: message.url.slice(0, 4_096), actions: [] } : null;
    } else if (tab.recorded) {
      const parsed = recordedActionSchema.safeParse(message.action);
      if (!parsed.success) return;
      const action = parsed.data;
      const actions = tab.recorded.actions;
      const last = actions.at(-1);
      // Typing is one fill per field, not one per key.
      if (action.kind === 'fill' && last?.kind === 'fill' && last.selectors[0] === action.selectors[0]) actions[actions.length - 1] = action;
      else if (actions.length < MAX_RECORDED) actions.push(action);
      else if (actions.length === MAX_RECORDED) {
        this.notice(`More than ${MAX_RECORDED} actions since the page loaded; the rest are not recorded, so re-capture cannot replay past them.`);
        return;
      }
    }
    this.changed();
  }

  async state(): Promise<BrowserSession> {
    const tab = this.tabs.get(this.activeId);
    let history = { currentIndex: 0, entries: [] as Array<{ url: string }> };
    if (tab) history = await tab.cdp.send('Page.getNavigationHistory').catch(() => history);
    // The blank page every tab starts on is nothing to go back to.
    const web = (entries: Array<{ url: string }>) => entries.some((entry) => isWebUrl(entry.url));
    return {
      sessionId: this.id,
      url: tab?.page.url() ?? '',
      title: tab?.title ?? '',
      loading: this.loading,
      canGoBack: web(history.entries.slice(0, history.currentIndex)),
      canGoForward: web(history.entries.slice(history.currentIndex + 1)),
      viewport: this.settings.viewport,
      deviceScaleFactor: this.settings.deviceScaleFactor,
      tabs: [...this.tabs.values()].map((each) => ({ tabId: each.id, url: each.page.url(), title: each.title, active: each.id === this.activeId })),
      notices: [...this.notices],
      recorded: tab?.recorded ? { url: tab.recorded.url, actions: [...tab.recorded.actions] } : null,
      ...(this.error ? { error: this.error } : {}),
      signIn: this.settings.useSignIn ? await this.signIn.status(this.settings.projectId).catch(() => null) : null,
    };
  }

  /** The newest frame after `afterSeq`; waits up to waitMs for one (or for the session to change). */
  async frame(afterSeq: number, waitMs: number): Promise<{ seq: number; frame?: { dataUrl: string; width: number; height: number } }> {
    const newer = () => {
      const frame = this.tabs.get(this.activeId)?.screencast.frame;
      return frame && frame.seq > afterSeq ? frame : undefined;
    };
    if (!newer() && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        this.waiters.add(done);
      });
    }
    const frame = newer();
    return frame ? { seq: frame.seq, frame: { dataUrl: frame.dataUrl, width: frame.width, height: frame.height } } : { seq: Math.max(afterSeq, this.seq) };
  }

  // ---- actions -------------------------------------------------------------------------------

  async dispatch(events: BrowserInputEvent[]): Promise<void> {
    for (const event of events) await this.input.dispatch(event);
  }

  /** Starts a navigation; its end (or failure) shows in the session's state. */
  go(url: string): void {
    const tab = this.active();
    this.navigate(tab, () => tab.page.goto(url, { waitUntil: 'load', timeout: this.settings.navigationTimeoutMs }), url);
  }

  back(): void {
    const tab = this.active();
    this.navigate(tab, () => tab.page.goBack({ waitUntil: 'load', timeout: this.settings.navigationTimeoutMs }), tab.page.url());
  }

  forward(): void {
    const tab = this.active();
    this.navigate(tab, () => tab.page.goForward({ waitUntil: 'load', timeout: this.settings.navigationTimeoutMs }), tab.page.url());
  }

  reload(): void {
    const tab = this.active();
    this.navigate(tab, () => tab.page.reload({ waitUntil: 'load', timeout: this.settings.navigationTimeoutMs }), tab.page.url());
  }

  private navigate(tab: Tab, run: () => Promise<unknown>, url: string): void {
    const count = ++this.navigationCount;
    this.loading = true;
    this.error = undefined;
    tab.navigations = [];
    this.changed();
    run()
      .catch((error: unknown) => {
        if (count !== this.navigationCount || this.closed) return;
        // The page went on to another address itself (a script redirect): that is a load, not a failure.
        if (/interrupted by another navigation/i.test((error as Error)?.message ?? '')) return;
        // A loop already said what happened; anything else gets the capture's own words.
        if (!this.error) this.error = navigationError(url, error, this.settings.navigationTimeoutMs).message;
        // A page that never answers would keep spinning: stop it, keep what is shown.
        tab.cdp.send('Page.stopLoading').catch(() => undefined);
      })
      .finally(() => {
        if (count !== this.navigationCount) return;
        this.loading = false;
        this.changed();
      });
  }

  /** Resolves when no navigation this session started is in progress (for tests and the bench). */
  async idle(timeoutMs = 30_000): Promise<BrowserSession> {
    const deadline = Date.now() + timeoutMs;
    while (this.loading && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.waiters.delete(done);
          resolve();
        };
        this.waiters.add(done);
        setTimeout(done, 200);
      });
    }
    return this.state();
  }

  async setViewport(viewport: Viewport, deviceScaleFactor: number): Promise<void> {
    this.settings.viewport = viewport;
    this.settings.deviceScaleFactor = deviceScaleFactor;
    for (const tab of this.tabs.values()) {
      await tab.page.setViewportSize(viewport);
      await tab.cdp.send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor, mobile: false });
    }
    await this.active().screencast.start(viewport);
    this.changed();
  }

  async tab(tabId: string, action: 'activate' | 'close'): Promise<void> {
    const tab = this.tabs.get(tabId);
    if (!tab) throw new BuilderApiError({ code: 'notFound', message: `The capture browser has no tab ${tabId.slice(0, 64)} (it may have closed).` });
    if (action === 'activate') return this.activate(tabId);
    if (this.tabs.size === 1) throw new BuilderApiError({ code: 'invalid', message: 'This is the only tab; close the capture browser instead.' });
    await tab.page.close();
  }

  private async activate(tabId: string): Promise<void> {
    const previous = this.tabs.get(this.activeId);
    const next = this.tabs.get(tabId);
    if (!next) return;
    if (previous && previous !== next) await previous.screencast.stop();
    this.activeId = tabId;
    await next.page.bringToFront().catch(() => undefined);
    await next.screencast.start(this.settings.viewport);
    this.changed();
  }

  /** The active tab's page, for capturing its current state. */
  activePage(): Page {
    return this.active().page;
  }

  /** The active tab's CDP session when the scale differs from the one the context was made with, else undefined. */
  scaledCdp(): CDPSession | undefined {
    return this.settings.deviceScaleFactor !== this.createdScale ? this.active().cdp : undefined;
  }

  /** The path recorded on the active tab since its last page load. */
  recordedPath(): RecordedPath | null {
    const recorded = this.tabs.get(this.activeId)?.recorded;
    return recorded ? { url: recorded.url, actions: [...recorded.actions] } : null;
  }

  /**
   * The author chose "Forget" while this session was open: what it holds is not saved back.
   * Resolves once a save already on its way has finished, so the forgetting comes after it.
   */
  dropSignIn(): Promise<void> {
    this.keepSignIn = false;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    return this.saving;
  }

  /**
   * After a page load: the author has probably just signed in, and the sign-in line should say
   * so before any capture or close. At most once every SIGN_IN_SAVE_GAP_MS, and only with cookies.
   */
  private saveSignInSoon(): void {
    if (!this.settings.useSignIn || !this.keepSignIn || this.closed || this.saveTimer) return;
    const wait = Math.max(0, this.lastSaveAt + SIGN_IN_SAVE_GAP_MS - Date.now());
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.saveSignIn({ afterPageLoad: true }).catch(() => undefined);
    }, wait);
  }

  /**
   * Keeps the session's cookies and storage as the project's sign-in (only when it was opened to
   * use one). After a page load only when there are cookies and they changed; a capture or close
   * always saves (the author got where they wanted with it).
   */
  saveSignIn(options: { afterPageLoad?: boolean } = {}): Promise<void> {
    const run = this.saving.then(() => this.writeSignIn(options.afterPageLoad ?? false));
    this.saving = run.catch(() => undefined);
    return run;
  }

  private async writeSignIn(afterPageLoad: boolean): Promise<void> {
    if (!this.settings.useSignIn || !this.keepSignIn || this.closed) return;
    const state = (await this.context.storageState()) as StorageState;
    // Forget may have come while the state was read.
    if (!this.keepSignIn || this.closed) return;
    const text = JSON.stringify(state);
    if (afterPageLoad && (state.cookies.length === 0 || text === this.lastSaved)) return;
    await this.signIn.save(this.settings.projectId, state);
    this.lastSaved = text;
    this.lastSaveAt = Date.now();
    // The state carries the sign-in's summary: a waiting frame poll tells the view now.
    this.changed();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.saveSignIn().catch(() => undefined);
    this.closed = true;
    this.changed();
    await this.context.close().catch(() => undefined);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
