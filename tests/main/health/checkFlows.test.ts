import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFlows } from '../../../main/health/checkFlows';
import type { HealthPlan, PlannedAnchor } from '../../../shared/health/flowHealth';
import type { RecordedPath } from '../../../shared/model/recordedPath';
import type { Screen } from '../../../shared/model/screen';
import { closedPortUrl, serveTroublePages } from '../../fixtures/troublePages';
import { captureSettings, checkBrowser, elementNamed, PRODUCTION, RELEASE, serveRelease, SETTINGS_VIEWPORT, STEP_NAMES, type Site } from './releaseSite';

const { capturePage, openPage, saveImage, close } = checkBrowser();

let production: Site;
let staging: Site;
let captured: Screen;

function anchorsOf(screen: Screen): PlannedAnchor[] {
  return STEP_NAMES.map((name, index) => {
    const element = elementNamed(screen, name);
    return { flowId: 'tour', itemId: `step${index + 1}`, label: `Tour › step ${index + 1} “${name}”`, selectors: [element.selector, ...element.alternates], fingerprint: element.fingerprint!, box: element.box };
  });
}

const planOf = (screens: { id: string; url: string; anchors: PlannedAnchor[]; path?: RecordedPath }[]): HealthPlan => ({
  screens: screens.map(({ id, url, anchors, path }) => ({
    screenId: id,
    name: `Screen ${id}`,
    source: { kind: 'url', url, viewport: SETTINGS_VIEWPORT, deviceScaleFactor: 1, fullPage: false, ...(path ? { path } : {}) },
    image: captured.image,
    anchors,
  })),
  unchecked: [],
  flows: [{ flowId: 'tour', name: 'Tour' }],
});

beforeAll(async () => {
  [production, staging] = await Promise.all([serveRelease(PRODUCTION), serveRelease(RELEASE)]);
  captured = await captureSettings(capturePage, `${production.url}/settings`, saveImage);
}, 60_000);
afterAll(async () => {
  await Promise.all([production?.close(), staging?.close(), close()]);
});

describe('checkFlows', { timeout: 60_000 }, () => {
  it('finds every anchor ok on the release it was captured on', async () => {
    const { report, fresh } = await checkFlows({ plan: planOf([{ id: 'settings', url: `${production.url}/settings`, anchors: anchorsOf(captured) }]), openPage, saveImage });
    expect(report.screens).toMatchObject([{ screenId: 'settings', status: 'checked', url: `${production.url}/settings` }]);
    expect(report.anchors.map((anchor) => anchor.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(report.flows).toMatchObject([{ flowId: 'tour', verdict: 'ok', counts: { ok: 5 } }]);
    // The fresh capture can replace the screen: same id and source, a new map.
    expect(fresh.get('settings')?.screen).toMatchObject({ id: 'settings', name: 'Screen settings', source: { url: `${production.url}/settings` } });
    expect(fresh.get('settings')?.screen.elements.length).toBeGreaterThan(5);
  });

  it('on the next release (--base-url): ok, moved, changed with new selectors, missing and ambiguous, each for real', async () => {
    const plan = planOf([{ id: 'settings', url: `${production.url}/settings`, anchors: anchorsOf(captured) }]);
    const { report, fresh } = await checkFlows({ plan, baseUrl: staging.url, openPage, saveImage });
    expect(report.baseUrl).toBe(staging.url);
    expect(report.screens[0]).toMatchObject({ status: 'checked', url: `${staging.url}/settings` });
    const [save, reports, exportButton, deleteAccount, upgrade] = report.anchors;
    expect(save).toMatchObject({ status: 'ok', foundBy: 'selector' });
    expect(reports).toMatchObject({ status: 'moved', foundBy: 'selector' });
    expect(reports!.reason).toMatch(/^it moved 2\d\d px right$/);
    expect(reports!.box!.x - plan.screens[0]!.anchors[1]!.box.x).toBeGreaterThan(200);

    expect(exportButton).toMatchObject({ status: 'changed' });
    expect(exportButton!.reason).toMatch(/^found by (a fallback selector|what it looks like)/);
    // The suggestion is what capture makes of the element now, and it is the fresh map's entry.
    const suggested = fresh.get('settings')!.screen.elements.find((element) => element.id === exportButton!.suggestion?.elementId);
    expect(suggested?.name).toBe('Export invoices');
    const made = [suggested!.selector, ...suggested!.alternates];
    expect(exportButton!.suggestion!.selectors.slice(0, made.length)).toEqual(made);
    // The selectors that still hold on production stay after the fresh ones (the fingerprint keeps them honest).
    expect(exportButton!.suggestion!.selectors.slice(made.length)).toEqual(plan.screens[0]!.anchors[2]!.selectors.filter((selector) => !made.includes(selector)).slice(0, 5 - made.length));

    expect(deleteAccount).toMatchObject({ status: 'missing', reason: 'its selectors find nothing and nothing on the page looks like it' });
    expect(deleteAccount!.box).toBeUndefined();
    expect(upgrade).toMatchObject({ status: 'ambiguous' });
    expect(report.flows[0]).toMatchObject({ verdict: 'broken', counts: { ok: 1, moved: 1, changed: 1, missing: 1, ambiguous: 1, unchecked: 0 } });
  });

  it('a screen that cannot be loaded fails with the capture\'s own words, and the next screen is still checked', async () => {
    const unreachable = await closedPortUrl();
    const plan = planOf([
      { id: 'gone', url: unreachable, anchors: anchorsOf(captured).slice(0, 1) },
      { id: 'hangs', url: `${production.url}/hangs`, anchors: anchorsOf(captured).slice(0, 1) },
      { id: 'settings', url: `${production.url}/settings`, anchors: anchorsOf(captured).slice(0, 1) },
    ]);
    const { report } = await checkFlows({ plan, openPage, saveImage, timeoutMs: 1_500, concurrency: 2 });
    expect(report.screens.map((screen) => [screen.screenId, screen.status])).toEqual([
      ['gone', 'failed'],
      ['hangs', 'failed'],
      ['settings', 'checked'],
    ]);
    expect(report.screens[0]!.error).toMatch(/refused the connection/);
    expect(report.screens[1]!.error).toMatch(/did not finish loading within 2 s/);
    expect(report.anchors).toMatchObject([{ screenId: 'settings', status: 'ok' }]);
    expect(report.flows[0]).toMatchObject({ verdict: 'broken', counts: { ok: 1, unchecked: 2 } });
  });

  it('replays the screen\'s recorded path first (on the --base-url origin); without it a step in a closed menu is missing as hidden; a step that cannot be done fails the screen', async () => {
    const archive: PlannedAnchor = { flowId: 'tour', itemId: 'archive', label: 'Tour › “Archive”', selectors: ['#archive'], fingerprint: { tag: 'button', text: 'Archive' }, box: { x: 0, y: 0, width: 10, height: 10 } };
    const settings = `${production.url}/settings`;
    const plan = planOf([
      { id: 'menu-open', url: settings, anchors: [archive], path: { url: settings, actions: [{ kind: 'click', name: 'More', selectors: ['#more'] }] } },
      { id: 'menu-closed', url: settings, anchors: [archive] },
      { id: 'step-fails', url: settings, anchors: [archive], path: { url: settings, actions: [{ kind: 'click', name: 'Gone', selectors: ['#gone'] }] } },
    ]);
    const { report } = await checkFlows({ plan, baseUrl: staging.url, openPage, saveImage, concurrency: 2 });
    expect(report.screens.map((screen) => [screen.screenId, screen.status, screen.url])).toEqual([
      ['menu-open', 'checked', `${staging.url}/settings`],
      ['menu-closed', 'checked', `${staging.url}/settings`],
      ['step-fails', 'failed', `${staging.url}/settings`],
    ]);
    expect(report.anchors[0]).toMatchObject({ screenId: 'menu-open', foundBy: 'selector' });
    expect(report.anchors[0]!.status).not.toBe('missing');
    expect(report.anchors[1]).toMatchObject({ screenId: 'menu-closed', status: 'missing', reason: 'only hidden elements match (a closed menu?)' });
    expect(report.screens[2]!.error).toMatch(/^Step 1 of 1 \(click "Gone"\): no element matches "#gone" within 1 s/);
  });

  it('hostile pages behave as in capture: dialogs and popups dismissed and told, a page that never settles or redirects in a loop fails with its reason', async () => {
    const trouble = await serveTroublePages();
    try {
      const save = anchorsOf(captured).slice(0, 1);
      const planFor = (ids: string[]) => planOf(ids.map((id) => ({ id, url: `${trouble.url}/${id}`, anchors: save })));
      // Pages that load get room on a busy machine; the two that must fail get the short limit the
      // messages name (a 2 s limit also failed a slow alert page under full load).
      const loading = await checkFlows({ plan: planFor(['alert', 'popup', 'not-found']), openPage, saveImage, timeoutMs: 20_000, concurrency: 3 });
      const failing = await checkFlows({ plan: planFor(['never-settles', 'redirect-loop']), openPage, saveImage, timeoutMs: 2_000, concurrency: 2 });
      const report = { anchors: loading.report.anchors };
      const byId = Object.fromEntries([...loading.report.screens, ...failing.report.screens].map((screen) => [screen.screenId, screen]));
      expect(byId.alert).toMatchObject({ status: 'checked' });
      expect(byId.alert!.notices).toContain('The page showed an alert ("Your session expired"); it was dismissed.');
      expect(byId.popup).toMatchObject({ status: 'checked' });
      expect(byId.popup!.notices.join(' ')).toContain('opened a popup window');
      expect(byId['never-settles']).toMatchObject({ status: 'failed' });
      expect(byId['never-settles']!.error).toMatch(/^The page kept changing for 2 s and never settled/);
      expect(byId['redirect-loop']).toMatchObject({ status: 'failed', error: expect.stringMatching(/redirects in a loop/) });
      expect(byId['not-found']).toMatchObject({ status: 'failed', error: expect.stringMatching(/answered 404/) });
      // The checked pages still got their anchors resolved.
      expect(report.anchors.filter((anchor) => anchor.screenId === 'alert' || anchor.screenId === 'popup').map((anchor) => anchor.status)).toEqual(['missing', 'missing']);
    } finally {
      await trouble.close();
    }
  });

  it('a screen without an address in the plan (the renderer is not trusted) fails by itself', async () => {
    const plan = planOf([{ id: 'settings', url: `${production.url}/settings`, anchors: anchorsOf(captured).slice(0, 1) }]);
    plan.screens.unshift({ ...plan.screens[0]!, screenId: 'image', source: { kind: 'image', originalName: 'shot.png' } });
    const { report } = await checkFlows({ plan, openPage, saveImage });
    expect(report.screens.map((screen) => [screen.screenId, screen.status, screen.error])).toEqual([
      ['image', 'failed', 'This screen was added from an image, so there is no page to check.'],
      ['settings', 'checked', undefined],
    ]);
  });

  it('stops when cancelled: screens not checked leave their anchors unchecked', async () => {
    const controller = new AbortController();
    const plan = planOf([
      { id: 'hangs', url: `${production.url}/hangs`, anchors: anchorsOf(captured).slice(0, 2) },
      { id: 'settings', url: `${production.url}/settings`, anchors: anchorsOf(captured).slice(0, 1) },
    ]);
    const { report } = await checkFlows({
      plan,
      openPage,
      saveImage,
      concurrency: 1,
      signal: controller.signal,
      onProgress: ({ current }) => {
        if (current.includes('Screen hangs')) controller.abort();
      },
    });
    expect(report.screens).toEqual([]);
    expect(report.unchecked).toHaveLength(3);
    expect(report.unchecked[0]!.reason).toBe('the check was cancelled before its screen was loaded');
    expect(report.flows[0]).toMatchObject({ verdict: 'unchecked', counts: { unchecked: 3 } });
  });
});
