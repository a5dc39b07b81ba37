import { describe, expect, it } from 'vitest';
import { checkPageElementMap, MAX_MAPPED_ELEMENTS, MAX_NAME_CHARS, MAX_SELECTOR_CHARS } from '../../../main/capture/pageElementMap';
import type { MappedElement } from '../../../shared/model/screen';
import { storeElementMap } from '../../../shared/project/storedElementMap';

/** The documented budget for what one capture adds to project.json. */
const ONE_MB = 1024 * 1024;
const image = { width: 1280, height: 20_000 };

function map(elements: unknown[]) {
  return { elements, truncated: false, crossOriginFrames: 0, title: 'Page', ms: 12 };
}

/** What the in-page script returns for an ordinary page: short selectors, short names. */
function ordinaryElement(i: number) {
  return {
    box: { x: 10, y: 10 + i * 3, width: 120, height: 30 },
    tag: 'button',
    role: 'button',
    name: `Action ${i}`,
    selector: `[data-testid="action-${i}"]`,
    alternates: [`#action-${i}`, `main > button:nth-of-type(${i + 1})`],
    context: 'document',
  };
}

/** As project.json stores the map (shared/project/storedElementMap.ts). */
const storedBytes = (elements: MappedElement[]) => Buffer.byteLength(JSON.stringify(storeElementMap(elements)));

describe('checkPageElementMap against a hostile page', () => {
  it(`keeps the map of ${MAX_MAPPED_ELEMENTS.toLocaleString('en')} elements x 3 selectors of 2,000 characters within 1 MB, and says what was cut`, () => {
    const hostile = Array.from({ length: MAX_MAPPED_ELEMENTS }, (_, i) => ({
      ...ordinaryElement(i),
      name: 'n'.repeat(500),
      // Half the elements carry a selector the schema accepts but no real page needs.
      selector: i % 2 ? 's'.repeat(2_000) : `#e${i}${'x'.repeat(MAX_SELECTOR_CHARS - 10)}`,
      alternates: ['a'.repeat(2_000), 'b'.repeat(MAX_SELECTOR_CHARS)],
    }));
    // What the page sent would have added this much to project.json.
    expect(Buffer.byteLength(JSON.stringify(hostile))).toBeGreaterThan(20 * 1024 * 1024);

    const checked = checkPageElementMap(map(hostile), image);

    expect(storedBytes(checked.elements)).toBeLessThanOrEqual(ONE_MB);
    expect(checked.elements.length).toBeGreaterThan(0);
    for (const element of checked.elements) {
      expect(element.selector.length).toBeLessThanOrEqual(MAX_SELECTOR_CHARS);
      expect(element.alternates.every((alternate) => alternate.length <= MAX_SELECTOR_CHARS)).toBe(true);
      expect(element.name!.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    }
    const notices = checked.notices.join('\n');
    expect(notices).toContain(`3,000 element(s) had a selector longer than ${MAX_SELECTOR_CHARS} characters and were left out.`);
    expect(notices).toMatch(new RegExp(`${checked.elements.length.toLocaleString("en")} alternate selector\\(s\\) longer than ${MAX_SELECTOR_CHARS} characters were left out`));
    expect(notices).toContain(`${checked.elements.length.toLocaleString("en")} element name(s) longer than ${MAX_NAME_CHARS} characters were shortened.`);
    expect(notices).toContain(`The element map reached its 1 MB budget; the last ${(3_000 - checked.elements.length).toLocaleString('en')} element(s) were left out`);
  });

  it('keeps the top of the page when the budget runs out', () => {
    const big = Array.from({ length: MAX_MAPPED_ELEMENTS }, (_, i) => ({ ...ordinaryElement(i), selector: `#e${i}-${'x'.repeat(MAX_SELECTOR_CHARS - 12)}`, alternates: [] }));
    const checked = checkPageElementMap(map(big), image);
    expect(storedBytes(checked.elements)).toBeLessThanOrEqual(ONE_MB);
    expect(checked.elements[0]!.selector.startsWith('#e0-')).toBe(true);
    expect(checked.elements.at(-1)!.selector.startsWith(`#e${checked.elements.length - 1}-`)).toBe(true);
  });

  it('leaves an ordinary map untouched, with no notice', () => {
    const ordinary = Array.from({ length: 800 }, (_, i) => ordinaryElement(i));
    const checked = checkPageElementMap(map(ordinary), image);
    expect(checked.notices).toEqual([]);
    expect(checked.elements).toEqual(ordinary.map((element, i) => ({ ...element, id: `e${i + 1}` })));
  });
});

describe('checkPageElementMap keeps the tree and the fingerprints', () => {
  const fingerprint = (i: number) => ({ tag: 'button', role: 'button', text: `Action ${i}`, index: 1, box: { x: 10, y: 10 + i * 3, width: 120, height: 30 } });

  it('turns the page\'s parent indexes into ids, skipping over an element that was left out', () => {
    const card = { ...ordinaryElement(0), tag: 'div', fingerprint: { tag: 'div' } };
    const tooLong = { ...ordinaryElement(1), selector: 'x'.repeat(MAX_SELECTOR_CHARS + 1), parent: 0 };
    const inner = { ...ordinaryElement(2), parent: 1, fingerprint: fingerprint(2) };
    const sibling = { ...ordinaryElement(3), parent: 0 };
    const checked = checkPageElementMap(map([card, tooLong, inner, sibling]), image);
    expect(checked.elements.map((element) => [element.id, element.parentId])).toEqual([
      ['e1', undefined],
      ['e2', 'e1'], // its parent was left out: its grandparent stands in
      ['e3', 'e1'],
    ]);
    expect(checked.elements[1]!.fingerprint).toEqual(fingerprint(2));
  });

  it('ignores a parent that is not an earlier element (the page cannot make a loop)', () => {
    const checked = checkPageElementMap(map([{ ...ordinaryElement(0), parent: 1 }, { ...ordinaryElement(1), parent: 1 }, { ...ordinaryElement(2), parent: 'e1' }]), image);
    expect(checked.elements.map((element) => element.parentId)).toEqual([undefined, undefined, undefined]);
  });

  it('keeps an element whose fingerprint is malformed, without it, and says so', () => {
    const checked = checkPageElementMap(map([{ ...ordinaryElement(0), fingerprint: { tag: 'button', ancestors: 'html' } }, { ...ordinaryElement(1), fingerprint: fingerprint(1) }]), image);
    expect(checked.elements).toHaveLength(2);
    expect(checked.elements[0]!.fingerprint).toBeUndefined();
    expect(checked.elements[1]!.fingerprint).toEqual(fingerprint(1));
    expect(checked.notices).toEqual(['1 element(s) came back with a malformed fingerprint; they were kept without one (the player relies on their selectors alone).']);
  });

  it('counts fingerprints in the 1 MB budget', () => {
    const heavy = Array.from({ length: MAX_MAPPED_ELEMENTS }, (_, i) => ({
      ...ordinaryElement(i),
      fingerprint: { ...fingerprint(i), attributes: { title: 't'.repeat(300), 'aria-label': 'a'.repeat(300) } },
    }));
    const checked = checkPageElementMap(map(heavy), image);
    expect(storedBytes(checked.elements)).toBeLessThanOrEqual(ONE_MB);
    expect(checked.elements.length).toBeLessThan(MAX_MAPPED_ELEMENTS);
    expect(checked.notices.join('\n')).toContain('The element map reached its 1 MB budget');
  });
});
