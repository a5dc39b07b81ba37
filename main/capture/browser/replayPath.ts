import type { Page } from 'playwright-core';
import type { RecordedAction, RecordedPath } from '../../../shared/model/recordedPath';
import { CaptureError } from '../capturePage';

/** How long each step waits for its target to show (as the player waits for a step's target). */
export const STEP_TIMEOUT_MS = 5_000;

/** `click "Reports"`, `fill "Email"`, `press Enter`. */
export function describeAction(action: RecordedAction): string {
  if (action.kind === 'press') return `press ${action.key}`;
  return action.name ? `${action.kind} "${action.name.slice(0, 60)}"` : action.kind;
}

const pathOf = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
};

/**
 * A recorded page that loads on another path (a redirect, most often to a sign-in page) cannot be
 * replayed: say so first, rather than a step failing later on a page it was never recorded on.
 */
export function expectNoRedirect(landedOn: string, recordedUrl: string): void {
  if (pathOf(landedOn) === pathOf(recordedUrl)) return;
  throw new CaptureError(
    `The page went to ${landedOn.slice(0, 300)} instead of ${recordedUrl.slice(0, 300)}: the saved sign-in may have expired. Open the page in the capture browser, sign in, and capture again.`,
  );
}

/** Which of the selectors first matches a visible element, polled until one does or time runs out; -1 when none. */
const firstVisibleExpression = (selectors: string[], timeoutMs: number) => `new Promise((resolve) => {
  const selectors = ${JSON.stringify(selectors)};
  const start = performance.now();
  const tick = () => {
    const index = selectors.findIndex((selector) => {
      try {
        const element = document.querySelector(selector);
        return !!element && element.getClientRects().length > 0;
      } catch { return false; }
    });
    if (index >= 0 || performance.now() - start >= ${timeoutMs}) resolve(index);
    else setTimeout(tick, 100);
  };
  tick();
})`;

async function waitForTarget(page: Page, selectors: string[], timeoutMs: number): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  // A step can start a navigation: the wait begins again in the new document, within the same time.
  while (Date.now() < deadline) {
    try {
      const index = (await page.evaluate(firstVisibleExpression(selectors, deadline - Date.now()))) as number;
      return index >= 0 ? selectors[index] : undefined;
    } catch (error) {
      if (!/context was destroyed|navigat/i.test((error as Error).message)) throw error;
      await page.waitForLoadState('domcontentloaded', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
    }
  }
  return undefined;
}

/**
 * Replays a recorded path on a freshly loaded page step by step, then scrolls to where it was
 * captured; the first step that cannot be done stops it with a message naming that step ("Step 3 of 5 (click "Reports"): ...").
 */
export async function replayPath(page: Page, path: RecordedPath, stepTimeoutMs = STEP_TIMEOUT_MS): Promise<void> {
  await replayActions(page, path.actions, stepTimeoutMs);
  // A viewport capture shows the part of the page the author had scrolled to.
  if (path.scroll) await page.evaluate(`scrollTo(${path.scroll.x}, ${path.scroll.y})`);
}

async function replayActions(page: Page, actions: readonly RecordedAction[], stepTimeoutMs: number): Promise<void> {
  const seconds = `${Math.round(stepTimeoutMs / 100) / 10} s`;
  for (const [index, action] of actions.entries()) {
    const step = `Step ${index + 1} of ${actions.length} (${describeAction(action)})`;
    if (action.kind === 'fill' && (action.secret || action.value === undefined)) {
      throw new CaptureError(`${step}: this field's value is secret and was never kept, so it cannot be typed again. Sign in in the capture browser (the sign-in is saved for the project), then capture from the signed-in page.`);
    }
    let selector: string | undefined;
    if (action.selectors) {
      selector = await waitForTarget(page, action.selectors, stepTimeoutMs);
      if (!selector) throw new CaptureError(`${step}: no element matches ${action.selectors.map((each) => `"${each}"`).join(' or ')} within ${seconds}; the page has changed since it was recorded.`);
    }
    try {
      const target = selector ? page.locator(selector).first() : undefined;
      if (action.kind === 'click') await target!.click({ timeout: stepTimeoutMs });
      else if (action.kind === 'fill') {
        const isSelect = await target!.evaluate((element) => element.localName === 'select');
        if (isSelect) await target!.selectOption(action.value!, { timeout: stepTimeoutMs });
        else await target!.fill(action.value!, { timeout: stepTimeoutMs });
      } else if (target) await target.press(action.key, { timeout: stepTimeoutMs });
      else await page.keyboard.press(action.key);
    } catch (error) {
      throw new CaptureError(`${step}: ${selector ? `"${selector}" was found but ` : ''}it could not be done (${(error as Error).message.split('\n')[0]?.slice(0, 200)}).`);
    }
  }
}
