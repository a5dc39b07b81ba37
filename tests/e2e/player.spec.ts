import { demoBundle } from '../fixtures/demoProject';
import { gapBetween } from './support/boxes';
import { expect, PlayerPage, test } from './support/demoSiteFixture';

test.describe('@stepwise/player on the demo site', () => {
  test('plays a tour: tooltips sit at their targets, Next and Back move, the last Next completes', async ({ page, demoSite }) => {
    const player = new PlayerPage(page, demoSite);
    await player.open('/', demoBundle());
    await player.call('start', 'tour_dashboard');
    const card = player.card;
    await expect(card).toHaveAccessibleName('New invoice');
    await expect(card.getByText('1/3')).toBeVisible();
    const target = (await page.getByTestId('new-invoice').boundingBox())!;
    expect(gapBetween((await card.boundingBox())!, target)).toBeLessThanOrEqual(24);

    await card.getByRole('button', { name: 'Next' }).click();
    await expect(card).toHaveAccessibleName('Revenue'); // found through its fallback selector
    await card.getByRole('button', { name: 'Back' }).click();
    await expect(card).toHaveAccessibleName('New invoice');
    await card.getByRole('button', { name: 'Next' }).click();
    await card.getByRole('button', { name: 'Next' }).click();
    // The third target is inside a scroll container below the fold: it is scrolled into view.
    await expect(card).toHaveAccessibleName('Activity feed');
    await expect(page.getByTestId('load-more')).toBeInViewport();
    await card.getByRole('button', { name: 'Done' }).click();
    await expect(card).toHaveCount(0);
    expect(await player.eventTypes()).toEqual([
      'flow_started',
      'step_viewed',
      'step_completed',
      'step_viewed',
      'step_viewed',
      'step_completed',
      'step_viewed',
      'step_completed',
      'step_viewed',
      'step_completed',
      'flow_completed',
    ]);
    const viewed = (await player.events()).find((event) => event.type === 'step_viewed')!;
    expect(viewed).toMatchObject({ flowId: 'tour_dashboard', flowKind: 'tour', flowName: 'Dashboard tour', stepId: 'step_new_invoice', stepIndex: 0, stepCount: 3 });
  });
});

function withTour(steps: Partial<ReturnType<typeof demoBundle>['flows'][number]>[] | ((bundle: ReturnType<typeof demoBundle>) => void)) {
  const bundle = demoBundle();
  if (typeof steps === 'function') steps(bundle);
  return bundle;
}

function tourOf(bundle: ReturnType<typeof demoBundle>) {
  const tour = bundle.flows[0]!;
  if (tour.kind !== 'tour') throw new Error('fixture changed');
  return tour;
}

test.describe('resilience', () => {
  test('waits for an element that appears 2 s late', async ({ page, demoSite }) => {
    const bundle = withTour((b) => {
      const step = tourOf(b).tour.steps[0]!;
      step.anchor = { selectors: ['[data-testid="whats-new"]'] };
      step.missingTarget = { waitMs: 5_000, then: 'end' };
    });
    const player = new PlayerPage(page, demoSite);
    await player.open('/?late=1', bundle);
    await player.call('start', 'tour_dashboard');
    await expect(player.card).toHaveAccessibleName('New invoice', { timeout: 6_000 });
    const banner = (await page.getByTestId('whats-new').boundingBox())!;
    expect(gapBetween((await player.card.boundingBox())!, banner)).toBeLessThanOrEqual(24);
    expect(await player.eventTypes()).not.toContain('target_not_found');
  });

  for (const [then, expected] of [
    ['skip', 'Revenue'],
    ['center', 'New invoice'],
  ] as const) {
    test(`a missing target with "${then}" reports target_not_found and ${then === 'skip' ? 'skips the step' : 'shows the step centred'}`, async ({ page, demoSite }) => {
      const bundle = withTour((b) => {
        const step = tourOf(b).tour.steps[0]!;
        step.anchor = { selectors: ['#nowhere', '.not-here'] };
        step.missingTarget = { waitMs: 300, then };
      });
      const player = new PlayerPage(page, demoSite);
      await player.open('/', bundle);
      await player.call('start', 'tour_dashboard');
      await expect(player.card).toHaveAccessibleName(expected);
      expect((await player.events()).find((event) => event.type === 'target_not_found')).toMatchObject({ stepId: 'step_new_invoice', selectors: ['#nowhere', '.not-here'], action: then });
      if (then === 'center') await expect(player.card).toHaveAttribute('aria-modal', 'true');
    });
  }

  test('a missing target with "end" ends the flow with a reason', async ({ page, demoSite }) => {
    const bundle = withTour((b) => {
      const step = tourOf(b).tour.steps[0]!;
      step.anchor = { selectors: ['#nowhere'] };
      step.missingTarget = { waitMs: 0, then: 'end' };
    });
    const player = new PlayerPage(page, demoSite);
    await player.open('/', bundle);
    await player.call('start', 'tour_dashboard');
    await expect.poll(() => player.eventTypes()).toEqual(['flow_started', 'target_not_found', 'flow_dismissed']);
    expect((await player.events())[2]).toMatchObject({ reason: 'target_not_found', stepId: 'step_new_invoice' });
    await expect(player.card).toHaveCount(0);
  });

  test('reaches into open shadow roots and above a modal dialog in the top layer', async ({ page, demoSite }) => {
    const bundle = withTour((b) => {
      const tour = tourOf(b);
      tour.tour.steps[0]!.anchor = { selectors: ['acme-help-widget >>> #chat'] };
      tour.tour.steps[1]!.anchor = { selectors: ['[data-testid="dialog-confirm"]'] };
    });
    const player = new PlayerPage(page, demoSite);
    await player.open('/settings', bundle);
    await player.call('start', 'tour_dashboard');
    await expect(player.card).toHaveAccessibleName('New invoice');
    const chat = (await page.locator('acme-help-widget').getByRole('button', { name: 'Open chat' }).boundingBox())!;
    expect(gapBetween((await player.card.boundingBox())!, chat)).toBeLessThanOrEqual(24);

    // A modal <dialog> opens (the tour's card covers its button, so open it as the app would): the rest of the page is inert.
    await page.evaluate(() => (document.getElementById('confirm-dialog') as HTMLDialogElement).showModal());
    await player.call('next');
    await expect(player.card).toHaveAccessibleName('Revenue');
    // The card is usable although a modal dialog is open: it was moved into the dialog.
    await player.card.getByRole('button', { name: 'Back' }).click();
    await expect(player.card).toHaveAccessibleName('New invoice');
  });

  test('reaches into a same-origin iframe, and scrolls a target out from under the sticky header', async ({ page, demoSite }) => {
    const bundle = withTour((b) => {
      const tour = tourOf(b);
      tour.tour.steps[0]!.anchor = { selectors: ['iframe#billing-frame >>> #upgrade'] };
      tour.tour.steps[1]!.anchor = { selectors: ['#delete-account'] };
    });
    const player = new PlayerPage(page, demoSite);
    await page.setViewportSize({ width: 1280, height: 500 });
    await player.open('/settings', bundle);
    await player.call('start', 'tour_dashboard');
    await expect(player.card).toHaveAccessibleName('New invoice');
    const upgrade = (await page.frameLocator('#billing-frame').getByRole('button', { name: 'Upgrade' }).boundingBox())!;
    expect(gapBetween((await player.card.boundingBox())!, upgrade)).toBeLessThanOrEqual(24);

    await player.call('stop');
    // Scroll so that "Delete account" sits under the 56 px sticky header: on screen, but covered.
    await page.evaluate(() => {
      const button = document.getElementById('delete-account')!;
      window.scrollBy(0, button.getBoundingClientRect().top - 20);
    });
    await player.call('start', 'tour_dashboard');
    await player.call('next');
    await expect(player.card).toHaveAccessibleName('Revenue');
    await expect.poll(async () => (await page.locator('#delete-account').boundingBox())!.y).toBeGreaterThan(56);
  });

  test('never throws into the page: a broken analytics handler and calls after destroy are harmless', async ({ page, demoSite }) => {
    const player = new PlayerPage(page, demoSite);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await player.open('/', demoBundle());
    await page.evaluate(() => {
      const w = window as any;
      w.brokenListenerSaw = [];
      w.player.on('step_viewed', (event: { stepId: string }) => {
        w.brokenListenerSaw.push(event.stepId);
        throw new Error('analytics bug');
      });
    });
    const brokenListenerSaw = () => page.evaluate(() => (window as any).brokenListenerSaw as string[]);
    await player.call('start', 'tour_dashboard');
    await expect(player.card).toHaveAccessibleName('New invoice');
    // The listener ran and threw; the player went on: Next works, and the other listeners still hear every event.
    await expect.poll(brokenListenerSaw).toEqual(['step_new_invoice']);
    await player.card.getByRole('button', { name: 'Next' }).click();
    await expect(player.card).toHaveAccessibleName('Revenue');
    await expect.poll(brokenListenerSaw).toEqual(['step_new_invoice', 'step_revenue']);
    expect(await player.eventTypes()).toEqual(['flow_started', 'step_viewed', 'step_completed', 'step_viewed']);
    await player.call('destroy');
    await expect(player.overlay).toHaveCount(0);
    expect(await player.call('start', 'tour_dashboard')).toBe(false);
    await player.call('next');
    expect(errors).toEqual([]);
  });
});

test.describe('triggers and targeting', () => {
  test('an SPA route change starts the flow whose URL rule now matches', async ({ page, demoSite }) => {
    const bundle = withTour((b) => {
      const tour = tourOf(b);
      tour.trigger = { kind: 'pageLoad' };
      tour.targeting.urls = [{ match: 'glob', value: '/invoices', exclude: false }];
      tour.tour.steps = [{ ...tour.tour.steps[0]!, anchor: { selectors: ['[data-testid="export-invoices"]'] } }];
      // A witness: a hotspot shown on /invoices once per session. When it starts, the player has
      // evaluated that visit's flows, so the tour's absence then means something.
      const witness = b.flows[1]!;
      witness.trigger = { kind: 'pageLoad' };
      witness.frequency = 'everySession';
      witness.targeting.urls = [{ match: 'glob', value: '/invoices', exclude: false }];
    });
    const player = new PlayerPage(page, demoSite);
    const started = async (flowId: string) => (await player.events()).filter((event) => event.type === 'flow_started' && event.flowId === flowId).length;
    await player.open('/', bundle);
    await expect(player.card).toHaveCount(0);
    await page.getByTestId('nav-invoices').click();
    await expect(player.card).toHaveAccessibleName('New invoice');
    expect(await started('hotspot_help')).toBe(1);
    // Frequency "once": it does not start again on the next visit, even in a new session.
    await player.card.getByRole('button', { name: 'Done' }).click();
    await expect(player.card).toHaveCount(0);
    await page.getByTestId('nav-dashboard').click();
    await page.evaluate(() => sessionStorage.clear());
    await page.getByTestId('nav-invoices').click();
    await expect.poll(() => started('hotspot_help')).toBe(2);
    await expect(player.card).toHaveCount(0);
    expect(await started('tour_dashboard')).toBe(1);
  });

  test('user rules, delay and click triggers', async ({ page, demoSite }) => {
    const bundle = withTour((b) => {
      const tour = tourOf(b);
      tour.trigger = { kind: 'click', selector: '#import-csv' };
      tour.targeting.users = [{ attribute: 'plan', operator: 'equals', value: 'pro' }];
      const survey = b.flows[3]!;
      survey.trigger = { kind: 'delay', ms: 1_500 }; // late enough that the click below comes first
    });
    const player = new PlayerPage(page, demoSite);
    await player.open('/', bundle, { user: { id: 'u1', traits: { plan: 'free' } } });
    await page.locator('#import-csv').dispatchEvent('click'); // no actionability wait: the survey's dim may already cover it
    await expect(page.getByRole('dialog', { name: /recommend/ })).toBeVisible(); // the delayed survey
    expect(await player.eventTypes()).toEqual(['flow_started']); // the tour is for "pro" users only

    await player.open('/', bundle, { user: { id: 'u2', traits: { plan: 'pro' } } });
    await page.locator('#import-csv').dispatchEvent('click'); // no actionability wait: the survey's dim may already cover it
    await expect(player.card.filter({ hasText: 'New invoice' })).toBeVisible();
  });
});

test.describe('every flow kind', () => {
  test('hotspot: a beacon on the target opens its tooltip; closing it completes the hotspot', async ({ page, demoSite }) => {
    const player = new PlayerPage(page, demoSite);
    await player.open('/', demoBundle());
    await player.call('start', 'hotspot_help');
    const beacon = player.overlay.getByRole('button', { name: 'New here?' });
    await expect(beacon).toBeVisible();
    const help = (await page.locator('#help-button').boundingBox())!;
    expect(gapBetween((await beacon.boundingBox())!, help)).toBeLessThanOrEqual(4);
    await beacon.click();
    await expect(beacon).toHaveAttribute('aria-expanded', 'true');
    await player.card.getByRole('button', { name: 'Close' }).click();
    await expect(beacon).toHaveCount(0);
    expect(await player.eventTypes()).toEqual(['flow_started', 'flow_completed']);
  });

  test('checklist: an item starts the tour and completes with it; a URL visit and a tracked event complete the others', async ({ page, demoSite }) => {
    const player = new PlayerPage(page, demoSite);
    await player.open('/', demoBundle());
    await player.call('start', 'checklist_start');
    const launcher = player.overlay.getByRole('button', { name: /Get started/ });
    await expect(launcher).toContainText('0/3');
    await page.getByRole('button', { name: /Take the dashboard tour/ }).click();
    for (let step = 0; step < 3; step++) await player.card.getByRole('button', { name: /^(Next|Done)$/ }).click();
    await expect(launcher).toContainText('1/3');
    await page.getByTestId('nav-invoices').click();
    await expect(launcher).toContainText('2/3');
    await player.call('track', 'invoice_sent');
    await expect(launcher).toContainText('3/3');
    await expect(page.getByRole('dialog', { name: 'Get started' }).getByRole('status')).toHaveText('All done. Nice work!');
    const types = await player.eventTypes();
    expect(types.filter((type) => type === 'checklist_item_completed')).toHaveLength(3);
    expect(types.at(-1)).toBe('flow_completed');
    // Progress is remembered for this user.
    await player.open('/', demoBundle());
    await player.call('start', 'checklist_start');
    await expect(player.overlay.getByRole('button', { name: /Get started/ })).toContainText('3/3');
  });

  for (const [score, band, followUp] of [
    [3, 'detractor', 'What could we do better?'],
    [7, 'passive', 'What would make us a 10?'],
    [10, 'promoter', 'What do you like most?'],
  ] as const) {
    test(`NPS survey: ${score} asks the ${band} follow-up and reports the answer`, async ({ page, demoSite }) => {
      const player = new PlayerPage(page, demoSite);
      await player.open('/', demoBundle());
      await player.call('start', 'survey_nps');
      const survey = page.getByRole('dialog', { name: /recommend/ });
      await survey.getByRole('radio', { name: String(score), exact: true }).click();
      await expect(page.getByRole('dialog', { name: followUp })).toBeVisible();
      await page.getByRole('textbox', { name: followUp }).fill(`Because ${band}`);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(page.getByRole('status')).toHaveText('Thank you for your feedback!');
      expect((await player.events()).find((event) => event.type === 'survey_answered')).toMatchObject({ score, band, comment: `Because ${band}` });
    });
  }
});

test.describe('accessibility', () => {
  test('a tour is completed with the keyboard only', async ({ page, demoSite }) => {
    const player = new PlayerPage(page, demoSite);
    await player.open('/', demoBundle());
    await player.call('start', 'tour_dashboard');
    await expect(player.card.getByRole('button', { name: 'Next' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(player.card).toHaveAccessibleName('Revenue');
    await page.keyboard.press('ArrowRight');
    await expect(player.card).toHaveAccessibleName('Activity feed');
    await page.keyboard.press('ArrowLeft');
    await expect(player.card).toHaveAccessibleName('Revenue');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+Tab'); // to Back
    await page.keyboard.press('Tab'); // back to Next
    await page.keyboard.press('Enter');
    await expect(player.card).toHaveCount(0);
    expect((await player.eventTypes()).at(-1)).toBe('flow_completed');
  });

  test('Escape closes a closable step and reports it dismissed', async ({ page, demoSite }) => {
    const player = new PlayerPage(page, demoSite);
    await player.open('/', demoBundle());
    await player.call('start', 'tour_dashboard');
    await expect(player.card).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(player.card).toHaveCount(0);
    expect((await player.events()).at(-1)).toMatchObject({ type: 'flow_dismissed', reason: 'close', stepIndex: 0 });
  });

  test('an NPS survey is answered with the keyboard only: arrows along the scale, Enter, type, send', async ({ page, demoSite }) => {
    const player = new PlayerPage(page, demoSite);
    await player.open('/', demoBundle());
    await player.call('start', 'survey_nps');
    await page.keyboard.press('Tab'); // from the card to the close button
    await page.keyboard.press('Tab'); // into the scale
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: '8', exact: true })).toBeFocused();
    await expect(page.getByRole('radio', { name: '8', exact: true })).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Faster exports');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await player.events()).find((event) => event.type === 'survey_answered')).toMatchObject({ score: 8, band: 'passive', comment: 'Faster exports' });
  });

  test('right-to-left locales mirror the overlay and pick the Hebrew text', async ({ page, demoSite }) => {
    const player = new PlayerPage(page, demoSite);
    await player.open('/', demoBundle(), { locale: 'he-IL' });
    await player.call('start', 'tour_dashboard');
    await expect(player.card).toHaveAccessibleName('עברית: New invoice');
    await expect(player.card).toHaveAttribute('dir', 'rtl');
    await expect(player.overlay).toHaveAttribute('dir', 'rtl');
    await expect(player.card.getByRole('button', { name: 'הבא' })).toBeVisible();
    await page.keyboard.press('ArrowLeft'); // forward in right-to-left
    await expect(player.card).toHaveAccessibleName('עברית: Revenue');
    await player.call('start', 'checklist_start');
    const launcher = (await player.overlay.getByRole('button', { name: /Get started/ }).boundingBox())!;
    expect(launcher.x).toBeLessThan(100); // bottom-right becomes bottom-left
  });
});
