import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFlows } from '../../../main/health/checkFlows';
import type { HealthPlan, PlannedAnchor } from '../../../shared/health/flowHealth';
import type { MappedElement, Screen } from '../../../shared/model/screen';
import { captureSettings, checkBrowser, serveRelease, SETTINGS_VIEWPORT, type Site } from './releaseSite';

/**
 * Re-anchoring after checking a staging release must not break production: a table row button has
 * only a positional path (tr:nth-of-type(n)), and staging has a row inserted above it, so the path
 * made there points at another row on production.
 */
const table = (rows: string[]) => `<!doctype html><html><head><title>Employees</title></head><body><h1>Employees</h1>
<table id="dataTable"><thead><tr><th>Name</th><th>Position</th><th>Office</th><th>Salary</th><th>Actions</th></tr></thead><tbody>
${rows.map((row) => `<tr><td>${row}</td><td><button class="btn">Edit</button></td></tr>`).join('\n')}
</tbody></table></body></html>`;
/** Rows as a real employee table has them: every cell but the button differs. */
const PEOPLE = ['Tiger Nixon</td><td>System Architect</td><td>Edinburgh</td><td>$320,800', 'Garrett Winters</td><td>Accountant</td><td>Tokyo</td><td>$170,750', 'Ashton Cox</td><td>Junior Technical Author</td><td>San Francisco</td><td>$86,000'];
const NEWCOMER = 'Zoe Newcomer</td><td>Designer</td><td>London</td><td>$95,000';

const { capturePage, openPage, saveImage, close } = checkBrowser();

let production: Site;
let staging: Site;
let captured: Screen;

/** The Edit button of a person's row, as capture mapped it. */
function editButtonOf(screen: Screen, person: string): MappedElement {
  const row = screen.elements.find((element) => element.tag === 'tr' && (element.name ?? element.fingerprint?.text ?? '').includes(person));
  const buttons = screen.elements.filter((element) => element.tag === 'button' && row && element.box.y >= row.box.y && element.box.y < row.box.y + row.box.height);
  if (buttons.length !== 1) throw new Error(`No single Edit button mapped in the row of ${person}`);
  return buttons[0]!;
}

const planOf = (url: string, anchor: Omit<PlannedAnchor, 'flowId' | 'itemId' | 'label' | 'box'>): HealthPlan => ({
  screens: [
    {
      screenId: 'employees',
      name: 'Employees',
      source: { kind: 'url', url, viewport: SETTINGS_VIEWPORT, deviceScaleFactor: 1, fullPage: false },
      image: captured.image,
      anchors: [{ flowId: 'tour', itemId: 'edit', label: 'Tour › step 1 “Edit”', box: editButtonOf(captured, 'Garrett Winters').box, ...anchor }],
    },
  ],
  unchecked: [],
  flows: [{ flowId: 'tour', name: 'Tour' }],
});

beforeAll(async () => {
  [production, staging] = await Promise.all([serveRelease(table(PEOPLE)), serveRelease(table([NEWCOMER, ...PEOPLE]))]);
  captured = await captureSettings(capturePage, `${production.url}/settings`, saveImage);
}, 60_000);
afterAll(async () => {
  await Promise.all([production?.close(), staging?.close(), close()]);
});

describe('the suggested anchor of a changed step', { timeout: 60_000 }, () => {
  it('finds the element on the checked release and still on the one it was captured on, and says when it leans on a position', async () => {
    const edit = editButtonOf(captured, 'Garrett Winters');
    const onStaging = await checkFlows({ plan: planOf(`${staging.url}/settings`, { selectors: [edit.selector, ...edit.alternates], fingerprint: edit.fingerprint! }), openPage, saveImage });
    const [changed] = onStaging.report.anchors;
    expect(changed).toMatchObject({ status: 'changed' });
    expect(changed!.reason).toContain('The page gives this element no stable name; the player found it by what it looks like; a data-testid on it would make it last');
    const suggestion = changed!.suggestion!;
    expect(suggestion.selectors.length).toBeLessThanOrEqual(5);
    // The fresh selectors first, then the ones that still hold on production.
    expect(suggestion.selectors).toContain(edit.selector);
    expect(suggestion.selectors.indexOf(edit.selector)).toBeGreaterThan(0);
    // On staging, the suggestion lands on Garrett's button by its first selector.
    const freshGarrett = editButtonOf(onStaging.fresh.get('employees')!.screen, 'Garrett Winters');
    const recheckStaging = await checkFlows({ plan: planOf(`${staging.url}/settings`, suggestion), openPage, saveImage });
    expect(recheckStaging.report.anchors[0]).toMatchObject({ foundBy: 'selector', box: freshGarrett.box });

    // Re-anchored, then played on production: Garrett's button, not Ashton's in the third row.
    const onProduction = await checkFlows({ plan: planOf(`${production.url}/settings`, suggestion), openPage, saveImage });
    expect(onProduction.report.anchors[0]!.box).toEqual(edit.box);
    expect(onProduction.report.anchors[0]!.box).not.toEqual(editButtonOf(captured, 'Ashton Cox').box);
  });

  it('never takes a lookalike row for the captured one: another row with the same office and button is turned down, the right row found', async () => {
    // A sparse table: the rows differ only in the name; the one inserted on staging shares the office and the button.
    const sparse = (rows: string[]) => table(rows).replace(/<th>Position<\/th><th>Office<\/th><th>Salary<\/th>/, '<th>Office</th>');
    const [sparseProduction, sparseStaging] = await Promise.all([
      serveRelease(sparse(['Garrett Winters</td><td>Tokyo', 'Ashton Cox</td><td>San Francisco'])),
      serveRelease(sparse(['Tiger Nixon</td><td>Tokyo', 'Garrett Winters</td><td>Tokyo', 'Ashton Cox</td><td>San Francisco'])),
    ]);
    try {
      const sparseCaptured = await captureSettings(capturePage, `${sparseProduction.url}/settings`, saveImage);
      const edit = editButtonOf(sparseCaptured, 'Garrett Winters');
      const plan: HealthPlan = { ...planOf(`${sparseStaging.url}/settings`, { selectors: [edit.selector, ...edit.alternates], fingerprint: edit.fingerprint! }) };
      plan.screens[0]!.anchors[0]!.box = edit.box;
      const onStaging = await checkFlows({ plan, openPage, saveImage });
      const fresh = onStaging.fresh.get('employees')!.screen;
      expect(onStaging.report.anchors[0]!.box).not.toEqual(editButtonOf(fresh, 'Tiger Nixon').box);
      expect(onStaging.report.anchors[0]).toMatchObject({ status: 'changed', box: editButtonOf(fresh, 'Garrett Winters').box });
    } finally {
      await Promise.all([sparseProduction.close(), sparseStaging.close()]);
    }
  });
});
