import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const BLOCKING = new Set(['serious', 'critical']);

/** One line per violation: impact, rule, what it means and where (the first few nodes). */
function describe(violations: Result[]): string {
  return violations
    .map((violation) => {
      const where = violation.nodes
        .slice(0, 3)
        .map((node) => `    at ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`)
        .join('\n');
      return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.nodes.length} element(s))\n${where}`;
    })
    .join('\n');
}

/**
 * Waits for the fades running now (a card fades in over .2 s) to end: mid-fade, axe blends the
 * card with the page behind and reports contrast no user sees once it has settled. Endless ones
 * (a hotspot's pulse) are left running.
 */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const roots: Array<Document | ShadowRoot> = [document];
    for (const element of document.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    const finite = roots.flatMap((root) => root.getAnimations()).filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
  });
}

/**
 * Runs axe-core on the page (or only inside `within`, e.g. the player's host element) and fails
 * (softly, so the test goes on to the other views) with a readable list when it finds a serious or critical violation. Minor and moderate ones are
 * returned, so a test can report them without blocking on them.
 */
export async function expectNoSeriousA11yViolations(page: Page, what: string, within?: string): Promise<Result[]> {
  await settleAnimations(page);
  let builder = new AxeBuilder({ page });
  if (within) builder = builder.include(within);
  const { violations } = await builder.analyze();
  const blocking = violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  // Soft: one run lists the problems of every view, not only the first view's.
  expect.soft(blocking.map((violation) => violation.id), `axe found serious or critical problems in ${what}:\n${describe(blocking)}`).toEqual([]);
  const minor = violations.filter((violation) => !BLOCKING.has(violation.impact ?? ''));
  if (minor.length) test.info().annotations.push({ type: 'axe (moderate or minor)', description: `${what}:\n${describe(minor)}` });
  return minor;
}
