import type { Bundle } from '../../shared/bundle/bundleSchema';
import { demoBundle } from '../fixtures/demoProject';
import { XSS_PAYLOADS } from '../fixtures/xssPayloads';
import { expect, PlayerPage, test } from './support/demoSiteFixture';

/** Puts a payload into every authored text of every flow (URLs stay valid: a javascript: URL is refused by createPlayer, tested below). */
function poisoned(payload: string): Bundle {
  const bundle = demoBundle();
  const all = (text: Record<string, string>) => {
    for (const locale of Object.keys(text)) text[locale] = payload;
    text.en = payload;
  };
  for (const flow of bundle.flows) {
    flow.name = payload;
    if (flow.kind === 'tour') {
      for (const step of flow.tour.steps) {
        all(step.title);
        all(step.body);
        step.buttons = [
          { action: 'next', label: { en: payload } },
          { action: 'link', label: { en: payload }, url: 'https://example.com/help' },
        ];
      }
    } else if (flow.kind === 'hotspot') {
      all(flow.hotspot.title);
      all(flow.hotspot.body);
    } else if (flow.kind === 'checklist') {
      [flow.checklist.title, flow.checklist.description, flow.checklist.completionMessage, flow.checklist.launcher.label].forEach(all);
      for (const item of flow.checklist.items) [item.label, item.description].forEach(all);
    } else if (flow.kind === 'survey') {
      [flow.survey.question, flow.survey.lowLabel, flow.survey.highLabel, flow.survey.thankYou, flow.survey.followUps.detractor].forEach(all);
    }
  }
  return bundle;
}

test('a corpus of XSS payloads in every text field is rendered as inert text', async ({ page, demoSite }) => {
  const player = new PlayerPage(page, demoSite);
  for (const payload of XSS_PAYLOADS) {
    await player.open('/', poisoned(payload));
    for (const flow of ['tour_dashboard', 'hotspot_help', 'checklist_start', 'survey_nps']) await player.call('start', flow);
    // Open the hotspot's tooltip and answer the survey, so their texts are drawn too.
    await page.locator('[data-stepwise-player] .beacon').dispatchEvent('click');
    await page.getByRole('radio', { name: '2', exact: true }).dispatchEvent('click');
    await expect(page.getByRole('textbox')).toBeVisible();
    // Links only ever get http(s)/mailto addresses; markdown links to javascript: stay text.
    const hrefs = await page.locator('[data-stepwise-player] a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.filter((href) => !/^(https?:|mailto:)/.test(href ?? ''))).toEqual([]);
    expect(await page.locator('[data-stepwise-player] img').count()).toBe(0);
    expect(await page.locator('[data-stepwise-player] script, [data-stepwise-player] iframe, [data-stepwise-player] svg, [data-stepwise-player] [onerror]').count()).toBe(0);
    await expect(page.locator('[data-stepwise-player]').getByText(payload, { exact: true }).first()).toBeVisible();
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  }
});

test('a malformed bundle makes createPlayer fail with one error naming the path', async ({ page, demoSite }) => {
  await page.goto(demoSite.url);
  await page.addScriptTag({ url: '/stepwise-player.iife.js' });
  const bundle = demoBundle() as any;
  const attempt = (value: unknown) =>
    page.evaluate((b) => {
      try {
        (window as any).Stepwise.createPlayer({ bundle: b });
        return 'created';
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    }, value);
  const broken = structuredClone(bundle);
  broken.flows[0].tour.steps[1].anchor.selectors = '#one';
  expect(await attempt(broken)).toBe('StepwiseBundleError: Stepwise: the bundle at $.flows[0].tour.steps[1].anchor.selectors should be a list, not "#one".');
  const unknownKind = structuredClone(bundle);
  unknownKind.flows[2].kind = 'popup';
  expect(await attempt(unknownKind)).toBe('StepwiseBundleError: Stepwise: the bundle at $.flows[2].kind is "popup", which is not one of tour, hotspot, checklist, survey, resourceCenter.');
  expect(await attempt({ ...bundle, version: 4 })).toBe(
    'StepwiseBundleError: Stepwise: the bundle at $.version is 4: the bundle was made by a newer Stepwise, and this player reads bundle versions up to 3. Update @stepwise/player.',
  );
  const scriptImage = structuredClone(bundle);
  scriptImage.flows[0].tour.steps[0].imageUrl = 'javascript:window.__xss=100';
  expect(await attempt(scriptImage)).toMatch(/^StepwiseBundleError: Stepwise: the bundle at \$\.flows\[0\]\.tour\.steps\[0\]\.imageUrl /);
  const scriptLink = structuredClone(bundle);
  scriptLink.flows[0].tour.steps[0].buttons = [{ action: 'link', label: { en: 'Go' }, url: 'javascript:window.__xss=101' }];
  expect(await attempt(scriptLink)).toMatch(/^StepwiseBundleError: Stepwise: the bundle at \$\.flows\[0\]\.tour\.steps\[0\]\.buttons\[0\]\.url /);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(await attempt({ hello: 'world' })).toBe('StepwiseBundleError: Stepwise: the bundle at $.format should be "stepwise.bundle": this is not a Stepwise bundle.');
  expect(await attempt(bundle)).toBe('created');
});
