import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { LOGIN_EMAIL, LOGIN_PASSWORD, startLoginSite, type LoginSite } from '../fixtures/loginSite/server';
import { expectNoSeriousA11yViolations } from './support/axe';
import { BuilderPage } from './support/builderPage';
import { expect, test as hostTest } from './support/webHostFixture';

/** Where the screenshots go: SHOTS_DIR when set (to look at them), else the test's output folder. */
const shot = (name: string) => (process.env.SHOTS_DIR ? join(process.env.SHOTS_DIR, name) : test.info().outputPath(name));

const VIEWPORT = { width: 1280, height: 800 };

/** The login fixture site beside the web host (whose app data folder, webHost.stateDir, holds saved sign-ins). */
const test = hostTest.extend<{ loginSite: LoginSite }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this destructuring
  loginSite: async ({}, use) => {
    const site = await startLoginSite();
    await use(site);
    await site.close();
  },
});

type PagePoints = Record<string, { x: number; y: number }>;

/**
 * Where things are on the login site at the capture viewport, read from a page of the test's own
 * (same Chromium, same size, so the same layout): what the author sees in the streamed view.
 */
async function layoutOfLoginSite(browser: Browser, site: LoginSite): Promise<PagePoints> {
  const reference = await browser.newPage({ viewport: VIEWPORT });
  const centre = async (locator: Locator) => {
    const box = (await locator.boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  await reference.goto(`${site.url}/login`);
  const points: PagePoints = {
    email: await centre(reference.getByLabel('Email')),
    password: await centre(reference.getByLabel('Password')),
  };
  await reference.getByLabel('Email').fill(LOGIN_EMAIL);
  await reference.getByLabel('Password').fill(LOGIN_PASSWORD);
  await reference.getByRole('button', { name: 'Sign in' }).click();
  await reference.waitForURL(/\/dashboard$/);
  points.reports = await centre(reference.getByRole('button', { name: 'Reports' }));
  await reference.close();
  return points;
}

/** The capture browser's dialog and its parts, named as a person (or a screen reader) finds them. */
function captureBrowser(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Capture browser' });
  return {
    dialog,
    view: dialog.getByRole('application', { name: /^Live page/ }),
    address: dialog.getByRole('textbox', { name: 'Page address' }),
    /** Clicks a point of the page (its CSS pixels) where the streamed view shows it. */
    async click(point: { x: number; y: number }) {
      const box = (await this.view.boundingBox())!;
      await page.mouse.click(box.x + (point.x * box.width) / VIEWPORT.width, box.y + (point.y * box.height) / VIEWPORT.height);
    },
    async capture() {
      await dialog.getByRole('button', { name: 'Capture', exact: true }).click();
      await expect(dialog.getByRole('status').filter({ hasText: /^Added “/ })).toBeVisible({ timeout: 30_000 });
    },
  };
}

/** Opens the capture browser from the Screens panel's Capture, on `url` at the laptop viewport. */
async function browse(page: Page, url: string) {
  await page.getByRole('button', { name: 'Capture', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Capture a screen' });
  await dialog.getByLabel('Page address').fill(url);
  await dialog.getByRole('combobox', { name: /^Viewport/ }).selectOption('laptop');
  await dialog.getByRole('button', { name: 'Browse first…' }).click();
  const browser = captureBrowser(page);
  await expect(browser.view.locator('img')).toBeVisible({ timeout: 20_000 });
  return browser;
}

/** Every file under `dir`, with its text. */
async function filesUnder(dir: string): Promise<Array<{ path: string; text: string }>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (path) => ({ path, text: (await readFile(path)).toString('latin1') })));
}

test('sign in and open the menu in the streamed page, capture, anchor to the open menu; the sign-in lasts, is forgotten, and re-capture replays the path', async ({ page, browser, webHost, loginSite }) => {
  test.setTimeout(240_000);
  const points = await layoutOfLoginSite(browser, loginSite);
  await page.setViewportSize({ width: 1600, height: 1000 });
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Acme analytics');

  // No sign-in yet: the Capture dialog says so; the dashboard sends the browser to /login.
  await page.getByRole('button', { name: 'Capture', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Capture a screen' })).toContainText('Not signed in: sign in here and Stepwise keeps the session for this project (never your password).');
  await page.keyboard.press('Escape');
  let live = await browse(page, `${loginSite.url}/dashboard`);
  await expect(live.address).toHaveValue(`${loginSite.url}/login`);

  // Sign in in the streamed view: the email pasted from the clipboard, Tab to the page's next field
  // (not the builder's), the password typed, Enter.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), LOGIN_EMAIL);
  await live.click(points.email!);
  await expect(live.view).toBeFocused();
  await page.keyboard.press('ControlOrMeta+V');
  await page.keyboard.press('Tab');
  await expect(live.view).toBeFocused();
  await page.keyboard.type(LOGIN_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(live.address).toHaveValue(`${loginSite.url}/dashboard`, { timeout: 15_000 });
  // The sign-in is kept as soon as the signed-in page loads, before any capture or close, and the line says so.
  await expect(live.dialog).toContainText(/Signed in at 127\.0\.0\.1, saved just now/);
  await page.screenshot({ path: shot('capture-browser-signed-in.png') });

  // Open the Reports dropdown by clicking it in the view; the click is recorded for re-capture.
  await live.click(points.reports!);
  await expect(live.dialog).toContainText('Recorded since this page loaded, for capturing again: 1 step (click “Reports”).');
  await page.screenshot({ path: shot('capture-browser-signed-in-dropdown.png') });
  await expectNoSeriousA11yViolations(page, 'the capture browser');
  await live.capture();
  // The capture keeps the session (cookies and storage) as the project's sign-in.
  await expect(live.dialog).toContainText(/Signed in at 127\.0\.0\.1, saved just now/);
  await page.screenshot({ path: shot('capture-browser-after-capture.png') });
  // The recorded click would be lost: Close asks first.
  await live.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('dialog', { name: 'Close the browser?' }).getByRole('button', { name: 'Close the browser' }).click();
  await expect(live.dialog).toBeHidden();

  // The screen has the open menu's items; a tour step is anchored to one by picking it on the canvas.
  const screens = page.getByRole('list', { name: 'Screens' });
  await expect(screens.getByRole('listitem')).toHaveCount(1);
  await screens.getByRole('button', { name: /^Dashboard · Acme Analytics/ }).dblclick();
  await page.getByLabel('New name for Dashboard · Acme Analytics').fill('Reports menu');
  await page.keyboard.press('Enter');
  const weekly = await builder.elementCenter('Weekly summary');
  await builder.addFlow('Product Tour');
  await builder.itemList('Product tour').getByRole('button', { name: /^1\b/ }).click();
  await page.getByRole('combobox', { name: 'Type' }).selectOption('tooltip');
  await page.getByRole('button', { name: 'Pick on canvas' }).click();
  await page.mouse.move(weekly.x, weekly.y);
  await page.mouse.down();
  await page.mouse.up();
  await expect(page.getByRole('region', { name: 'Step 1 of 1' })).toContainText('Weekly summary');
  await page.screenshot({ path: shot('capture-browser-anchored-to-menu.png') });
  await expect(builder.saveState).toHaveText('All changes saved', { timeout: 15_000 });

  // Close the app and open it again: the sign-in is reused, the dashboard opens (and captures) directly.
  await page.reload();
  await page.getByRole('button', { name: /^Acme analytics/ }).first().click();
  await expect(screens.getByRole('listitem')).toHaveCount(1);
  live = await browse(page, `${loginSite.url}/dashboard`);
  await expect(live.address).toHaveValue(`${loginSite.url}/dashboard`);
  await expect(live.dialog).toContainText(/Signed in at 127\.0\.0\.1, saved/);
  await live.capture();
  await live.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(screens.getByRole('listitem')).toHaveCount(2);

  // Capture again replays the recorded click: the open menu is back, the anchor still on it.
  const first = screens.getByRole('listitem').first();
  const firstName = 'Reports menu';
  await page.getByRole('button', { name: `Capture ${firstName} again` }).click();
  const recapture = page.getByRole('dialog', { name: `Capture “${firstName}” again` });
  await expect(recapture).toContainText('Loads the page, then replays 1 step (click “Reports”).');
  await expect(recapture).toContainText(/Signed in at 127\.0\.0\.1/);
  await expectNoSeriousA11yViolations(page, 'the Capture again dialog');
  await page.screenshot({ path: shot('recapture-dialog.png') });
  await recapture.getByRole('button', { name: 'Capture again' }).click();
  await expect(recapture).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText(`“${firstName}” was captured again.`)).toBeVisible();
  await first.getByRole('button').first().click();
  await page.getByLabel('Find an element').fill('Weekly summary');
  await expect(page.getByRole('list', { name: 'Mapped elements' }).getByRole('button', { name: /^Weekly summary/ })).toBeVisible();
  await page.getByLabel('Find an element').fill('');
  await builder.flowRow('Product tour').click();
  await builder.itemList('Product tour').getByRole('button', { name: /^1\b/ }).click();
  await expect(page.getByRole('region', { name: 'Step 1 of 1' })).toContainText('Weekly summary');

  // The saved sign-in lives in the app's data folder; no file anywhere holds the password.
  const saved = await filesUnder(webHost.stateDir);
  expect(saved.some((file) => [...loginSite.sessions].some((token) => file.text.includes(token))), 'the sign-in is saved in the app data folder').toBe(true);
  const projectFiles = await filesUnder(webHost.projectsDir);
  for (const file of [...saved, ...projectFiles]) {
    expect(file.text.includes(LOGIN_PASSWORD), `${file.path} holds the password`).toBe(false);
    expect([...loginSite.sessions].some((token) => file.text.includes(token)) && projectFiles.includes(file), `${file.path} (in the projects folder) holds the session cookie`).toBe(false);
  }

  // Forget (asked first) in the live browser: it starts again on the same page, signed out, and
  // closing it does not save the old sign-in back; the next session lands on the sign-in page too.
  live = await browse(page, `${loginSite.url}/dashboard`);
  await expect(live.address).toHaveValue(`${loginSite.url}/dashboard`);
  await live.dialog.getByRole('button', { name: 'Forget', exact: true }).click();
  await live.dialog.getByRole('button', { name: 'Forget sign-in' }).click();
  await expect(live.address).toHaveValue(`${loginSite.url}/login`, { timeout: 20_000 });
  await expect(live.dialog).toContainText('Not signed in: sign in here');
  await live.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Capture', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Capture a screen' })).toContainText('Not signed in: sign in here');
  await page.keyboard.press('Escape');
  live = await browse(page, `${loginSite.url}/dashboard`);
  await expect(live.address).toHaveValue(`${loginSite.url}/login`);
  await live.dialog.getByRole('button', { name: 'Close', exact: true }).click();

  // Without the sign-in the page goes to the sign-in page: the message says so (not a step that found nothing); nothing changes.
  await page.getByRole('button', { name: `Capture ${firstName} again` }).click();
  await recapture.getByRole('button', { name: 'Capture again' }).click();
  await expect(recapture.getByRole('alert')).toHaveText(`The page went to ${loginSite.url}/login instead of ${loginSite.url}/dashboard: the saved sign-in may have expired. Open the page in the capture browser, sign in, and capture again.`, { timeout: 30_000 });
  await recapture.getByRole('button', { name: 'Close' }).click();
  await expect(screens.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Step 1 of 1' })).toContainText('Weekly summary');
});

test('bad input: an unreachable address, a redirect loop and a page navigating in a loop are explained, and the session goes on', async ({ page, webHost, loginSite }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Trouble');

  // Nothing listens on port 9: the browser opens anyway and says why the page is not there.
  await page.getByRole('button', { name: 'Capture', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Capture a screen' });
  await dialog.getByLabel('Page address').fill('http://127.0.0.1:9/');
  await dialog.getByRole('button', { name: 'Browse first…' }).click();
  const live = captureBrowser(page);
  await expect(live.dialog.getByRole('alert')).toContainText('127.0.0.1:9', { timeout: 30_000 });

  // The same session goes to a page that works.
  await live.address.fill(`${loginSite.url}/login`);
  await live.address.press('Enter');
  await expect(live.address).toHaveValue(`${loginSite.url}/login`);
  await expect(live.dialog.getByRole('alert')).toHaveCount(0);

  // Escape belongs to the page while the view has focus; Ctrl+Shift+Escape leaves it for the address
  // bar, and so does F6 (Windows keeps Ctrl+Shift+Escape for its Task Manager). The hint names both.
  await live.view.focus();
  await page.keyboard.press('Escape');
  await expect(live.view).toBeFocused();
  await expect(live.dialog).toBeVisible();
  await page.keyboard.press('Control+Shift+Escape');
  await expect(live.address).toBeFocused();
  await expect(live.dialog).toContainText('F6 or Ctrl+Shift+Escape leaves it.');
  await live.view.focus();
  await page.keyboard.press('F6');
  await expect(live.address).toBeFocused();
  await expect(live.dialog).toBeVisible();

  // A redirect loop, then a bad address typed in the bar: each in words, the session still there.
  await live.address.fill(`${loginSite.url}/redirect-loop`);
  await live.address.press('Enter');
  await expect(live.dialog.getByRole('alert')).toBeVisible({ timeout: 30_000 });
  // A page that navigates itself in a loop is stopped, and says so.
  await live.address.fill(`${loginSite.url}/loop`);
  await live.address.press('Enter');
  await expect(live.dialog.getByRole('alert')).toContainText('in a loop, so it was stopped', { timeout: 30_000 });
  await page.screenshot({ path: shot('capture-browser-loop-stopped.png') });
  await live.address.fill('ftp://files.example.com');
  await live.address.press('Enter');
  await expect(live.dialog.getByRole('alert')).toHaveText('ftp: addresses cannot be captured; only http and https pages can');
  await live.address.fill(`${loginSite.url}/login`);
  await live.address.press('Enter');
  await expect(live.address).toHaveValue(`${loginSite.url}/login`);
  await live.capture();
  await live.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Screens' }).getByRole('listitem')).toHaveCount(1);
});

test('a window the page opens becomes a tab of the session; a download is refused with a notice; two captures in one session', async ({ page, browser, webHost, loginSite }) => {
  test.setTimeout(120_000);
  const reference = await browser.newPage({ viewport: VIEWPORT });
  await reference.goto(`${loginSite.url}/popup`);
  const openButton = (await reference.getByRole('button', { name: 'Open a window' }).boundingBox())!;
  await reference.goto(`${loginSite.url}/download`);
  const downloadLink = (await reference.getByRole('link', { name: 'Download the report' }).boundingBox())!;
  await reference.close();
  const centre = (box: { x: number; y: number; width: number; height: number }) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

  await page.setViewportSize({ width: 1600, height: 1000 });
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Popups');
  const live = await browse(page, `${loginSite.url}/popup`);
  // The page takes the focus when the browser opens, as a browser focuses a loaded page.
  await expect(live.view).toBeFocused();
  await live.click(centre(openButton));
  const tabs = live.dialog.getByRole('list', { name: 'Browser tabs' });
  await expect(tabs.getByRole('listitem')).toHaveCount(2);
  await expect(live.address).toHaveValue(`${loginSite.url}/login`);
  // The notice takes a line kept for it: dismissing it leaves the page where it is, at the same size.
  const notice = live.dialog.getByRole('status', { name: 'Browser notice' });
  await expect(notice).toContainText('The page opened a new tab');
  const viewBox = await live.view.boundingBox();
  await page.screenshot({ path: shot('capture-browser-tabs.png') });
  await notice.getByRole('button', { name: 'Dismiss notices' }).click();
  await expect(notice).toBeHidden();
  expect(await live.view.boundingBox()).toEqual(viewBox);

  // Back to the first tab, the popup closed: one tab again, no tab strip.
  await tabs.getByRole('button', { name: 'Popup', exact: true }).click();
  await expect(live.address).toHaveValue(`${loginSite.url}/popup`);
  await tabs.getByRole('button', { name: /^Close tab Sign in/ }).click();
  await expect(tabs).toHaveCount(0);

  await live.address.fill(`${loginSite.url}/download`);
  await live.address.press('Enter');
  await expect(live.address).toHaveValue(`${loginSite.url}/download`);
  // The address changes when the navigation commits; the link is there to click once the page has loaded.
  await expect(live.dialog.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0);
  await live.click(centre(downloadLink));
  await expect(live.dialog.getByRole('status', { name: 'Browser notice' })).toContainText('The page started a download (report.csv); it was refused.');
  await page.screenshot({ path: shot('capture-browser-notice.png') });

  // Several captures in one session, each a screen and one undo step.
  await live.capture();
  await live.dialog.getByRole('button', { name: 'Capture', exact: true }).click();
  await expect(live.dialog.getByRole('status').filter({ hasText: '(2 captured in this session)' })).toBeVisible({ timeout: 30_000 });
  await live.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  // The recorded click on the download link would be lost: Close asks first.
  await page.getByRole('dialog', { name: 'Close the browser?' }).getByRole('button', { name: 'Close the browser' }).click();
  await expect(live.dialog).toBeHidden();
  const screens = page.getByRole('list', { name: 'Screens' });
  await expect(screens.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(screens.getByRole('listitem')).toHaveCount(1);
});

test('the capture browser is modal: focus stays inside, app shortcuts wait, a stray click or Escape in the address bar never ends the session, Close asks when steps would be lost', async ({ page, browser, webHost, loginSite }) => {
  test.setTimeout(120_000);
  const points = await layoutOfLoginSite(browser, loginSite);
  await page.setViewportSize({ width: 1600, height: 1000 });
  const builder = new BuilderPage(page);
  await builder.open(webHost.url);
  await builder.createProject('Modal');
  const live = await browse(page, `${loginSite.url}/login`);
  const inDialog = () => page.evaluate(() => Boolean(document.querySelector('[role="dialog"]')?.contains(document.activeElement)));
  const screens = page.getByRole('list', { name: 'Screens' });

  // Capture keeps the focus on its button while it works (not the page behind), then Tab walks the dialog's own controls.
  const captureButton = live.dialog.getByRole('button', { name: /^Captur/ });
  await captureButton.click();
  await expect(captureButton).toBeFocused();
  await expect(live.dialog.getByRole('status').filter({ hasText: /^Added “/ })).toBeVisible({ timeout: 30_000 });
  await expect(screens.getByRole('listitem')).toHaveCount(1);
  for (let press = 0; press < 4; press += 1) {
    await page.keyboard.press('Tab');
    expect(await inDialog()).toBe(true);
  }
  // The app's Undo shortcut waits while the dialog is open: the capture stays.
  await captureButton.focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(screens.getByRole('listitem')).toHaveCount(1);

  // A click on the margin around the browser does nothing.
  await page.mouse.click(4, 4);
  await expect(live.dialog).toBeVisible();

  // Escape in the address bar restores the address and keeps the focus there; a second Escape does not close.
  await live.address.fill('half typed');
  await live.address.press('Escape');
  await expect(live.address).toHaveValue(`${loginSite.url}/login`);
  await expect(live.address).toBeFocused();
  await live.address.press('Escape');
  await expect(live.dialog).toBeVisible();
  await expect(live.address).toBeFocused();

  // A step recorded in the page: Close (and Escape in the toolbar) ask before losing it.
  await live.click(points.email!);
  await page.keyboard.type('someone');
  await page.keyboard.press('F6');
  await expect(live.dialog).toContainText(/Recorded since this page loaded, for capturing again: \d+ steps?/);
  const confirm = page.getByRole('dialog', { name: 'Close the browser?' });
  await live.dialog.getByRole('button', { name: 'Reload' }).focus();
  await page.keyboard.press('Escape');
  await expect(confirm).toContainText("The page's state and the steps recorded since it loaded are lost; the sign-in is kept.");
  await page.screenshot({ path: shot('capture-browser-confirm-close.png') });
  await confirm.getByRole('button', { name: 'Keep browsing' }).click();
  await expect(confirm).toBeHidden();
  await expect(live.dialog).toBeVisible();
  await live.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await confirm.getByRole('button', { name: 'Close the browser' }).click();
  await expect(live.dialog).toBeHidden();
  await expect(screens.getByRole('listitem')).toHaveCount(1);
});
