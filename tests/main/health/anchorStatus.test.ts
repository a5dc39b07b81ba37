import { describe, expect, it } from 'vitest';
import { classifyAnchor, describeMovement, inPageAnchorResultSchema, mappedAt, toScreenshotBox, type InPageAnchorResult } from '../../../main/health/anchorStatus';
import type { PlannedAnchor } from '../../../shared/health/flowHealth';
import type { MappedElement } from '../../../shared/model/screen';

const fingerprint = { tag: 'button', text: 'Export invoices' };
const planned: PlannedAnchor = { flowId: 'tour', itemId: 'step3', label: 'Tour › step 3 “Export”', selectors: ['#export', '.btn-export'], fingerprint, box: { x: 200, y: 100, width: 120, height: 40 } };
/** A 2x screenshot of a page scrolled 300 px down, viewport capture. */
const frame = { scale: 2, fullPage: false, scrollX: 0, scrollY: 300 };
const found = (fields: Partial<Extract<InPageAnchorResult, { found: true }>> = {}): InPageAnchorResult => ({ found: true, foundBy: 'selector', box: { x: 100, y: 350, width: 60, height: 20 }, ...fields });
const mapped = (id: string, box: MappedElement['box'], tag = 'button'): MappedElement => ({ id, box, tag, selector: `#${id}`, alternates: [`.${id}`], context: 'document', fingerprint: { tag, text: id } });

describe('flow health: one anchor\'s status', () => {
  it('ok: its first selector finds it where it was (document CSS px to screenshot px, scroll and scale)', () => {
    expect(toScreenshotBox({ x: 100, y: 350, width: 60, height: 20 }, frame)).toEqual({ x: 200, y: 100, width: 120, height: 40 });
    expect(toScreenshotBox({ x: 100, y: 350, width: 60, height: 20 }, { ...frame, fullPage: true })).toEqual({ x: 200, y: 700, width: 120, height: 40 });
    expect(classifyAnchor(planned, 'screen', found({ score: 0.97 }), frame, [])).toEqual({
      flowId: 'tour',
      itemId: 'step3',
      screenId: 'screen',
      label: 'Tour › step 3 “Export”',
      status: 'ok',
      foundBy: 'selector',
      score: 0.97,
      box: { x: 200, y: 100, width: 120, height: 40 },
    });
  });

  it('ok within the tolerance (4 CSS px an edge), moved beyond it, in words', () => {
    expect(describeMovement(planned.box, { ...planned.box, x: 208 }, 2)).toBeUndefined();
    expect(describeMovement(planned.box, { ...planned.box, x: 210 }, 2)).toBe('it moved 5 px right');
    expect(describeMovement(planned.box, { x: 100, y: 340, width: 120, height: 40 }, 2)).toBe('it moved 120 px down and 50 px left');
    expect(describeMovement(planned.box, { ...planned.box, width: 200 }, 2)).toBe('it is now 100×20 (was 60×20)');
    const result = classifyAnchor(planned, 'screen', found({ box: { x: 100, y: 470, width: 60, height: 20 } }), frame, [mapped('e9', { x: 200, y: 340, width: 120, height: 40 })]);
    expect(result).toMatchObject({ status: 'moved', reason: 'it moved 120 px down', box: { x: 200, y: 340 } });
    // Same selectors; re-anchoring links the anchor to the element on the fresh screen.
    expect(result.suggestion).toEqual({ selectors: planned.selectors, fingerprint: { tag: 'button', text: 'e9' }, elementId: 'e9' });
  });

  it('changed: found by an alternate selector or the fingerprint, with the fresh anchor and the fresh map\'s element', () => {
    const fresh = { selectors: ['button.btn-export', 'section.billing > button'], fingerprint: { tag: 'button', text: 'Export invoices' } };
    const byAlternate = classifyAnchor(planned, 'screen', found({ foundBy: 'alternate', selectorIndex: 1, score: 0.81, firstSelector: 'noMatch', fresh }), frame, [mapped('e2', { x: 0, y: 0, width: 10, height: 10 }), mapped('e7', { x: 201, y: 101, width: 119, height: 40 })]);
    expect(byAlternate).toMatchObject({ status: 'changed', foundBy: 'alternate', score: 0.81, reason: 'found by a fallback selector; its main selector finds nothing' });
    expect(byAlternate.suggestion).toEqual({ ...fresh, elementId: 'e7' });

    const byFingerprint = classifyAnchor(planned, 'screen', found({ foundBy: 'fingerprint', score: 0.74, firstSelector: 'mismatch' }), frame, [mapped('e7', { x: 200, y: 100, width: 120, height: 40 })]);
    expect(byFingerprint.reason).toBe('found by what it looks like (74 % match); its selectors now find a different element');
    // Without fresh selectors from the page (an element in a shadow root), the fresh map's entry is the suggestion.
    expect(byFingerprint.suggestion).toEqual({ selectors: ['#e7', '.e7'], fingerprint: { tag: 'button', text: 'e7' }, elementId: 'e7' });
  });

  it('reasons are in words for people: no scores, no "first" or "alternate" selector', () => {
    const reasons = (['noMatch', 'mismatch', 'ambiguous', 'hidden'] as const).flatMap((firstSelector) =>
      (['alternate', 'fingerprint'] as const).map((foundBy) => classifyAnchor(planned, 'screen', found({ foundBy, firstSelector, score: 0.994 }), frame, []).reason!),
    );
    expect(reasons).toContain('found by what it looks like (99 % match); its selectors no longer find it');
    expect(reasons).toContain('found by a fallback selector; its main selector finds several lookalikes');
    for (const reason of reasons) expect(reason).not.toMatch(/fingerprint|first selector|alternate|0\.\d\d/);
  });

  it('a suggestion that has to point by position says why, and what would make it last', () => {
    const positional = { selectors: ['#dataTable > tbody > tr:nth-of-type(3) > td:nth-of-type(6) > button', '#dataTable > tbody > tr:nth-of-type(2) > td:nth-of-type(6) > button'], fingerprint: { tag: 'button', text: 'Edit' } };
    const result = classifyAnchor(planned, 'screen', found({ foundBy: 'fingerprint', score: 1, firstSelector: 'mismatch', fresh: positional }), frame, []);
    expect(result.reason).toBe('found by what it looks like (100 % match); its selectors now find a different element. The page gives this element no stable name; the player found it by what it looks like; a data-testid on it would make it last');
    const named = classifyAnchor(planned, 'screen', found({ foundBy: 'fingerprint', score: 1, firstSelector: 'noMatch', fresh: { selectors: ['[data-testid="edit"]'], fingerprint: positional.fingerprint } }), frame, []);
    expect(named.reason).not.toContain('data-testid');
  });

  it('the fresh map\'s element is the one with the same box, the same tag preferred', () => {
    const box = { x: 10, y: 10, width: 100, height: 30 };
    const elements = [mapped('wrapper', box, 'div'), mapped('button', { ...box, x: 11 }), mapped('far', { ...box, x: 20 })];
    expect(mappedAt(elements, box, 'button', 1)?.id).toBe('button');
    expect(mappedAt(elements, box, undefined, 1)?.id).toBe('wrapper');
    expect(mappedAt(elements, { ...box, y: 100 }, 'button', 1)).toBeUndefined();
  });

  it('ambiguous and missing, with the reason in words', () => {
    const status = (result: InPageAnchorResult, anchor = planned) => classifyAnchor(anchor, 'screen', result, frame, []);
    expect(status({ found: false, reason: 'ambiguous' })).toMatchObject({ status: 'ambiguous', reason: 'several elements fit it equally well, so the player shows nothing rather than guess' });
    expect(status({ found: false, reason: 'noMatch' })).toMatchObject({ status: 'missing', reason: 'its selectors find nothing and nothing on the page looks like it' });
    expect(status({ found: false, reason: 'mismatch', other: '<a> “Charts”' })).toMatchObject({ status: 'missing', reason: 'its selectors find a different element (<a> “Charts”)' });
    expect(status({ found: false, reason: 'hidden' })).toMatchObject({ status: 'missing', reason: 'only hidden elements match (a closed menu?)' });
    const { fingerprint: _, ...withoutFingerprint } = planned;
    expect(status({ found: false, reason: 'noMatch' }, withoutFingerprint).reason).toMatch(/^its selectors find nothing \(and the step was made before Stepwise remembered what elements look like/);
    expect(status({ found: false, reason: 'noMatch' }).box).toBeUndefined();
  });

  it('what the page answers is checked: a forged or broken answer is refused', () => {
    expect(inPageAnchorResultSchema.safeParse({ found: true, foundBy: 'selector', box: { x: 0, y: 0, width: -1, height: 1 } }).success).toBe(false);
    expect(inPageAnchorResultSchema.safeParse({ found: true, foundBy: 'magic', box: { x: 0, y: 0, width: 1, height: 1 } }).success).toBe(false);
    expect(inPageAnchorResultSchema.safeParse({ found: false, reason: 'noMatch', other: 'x'.repeat(5_000) }).success).toBe(false);
    expect(inPageAnchorResultSchema.safeParse({ found: true, foundBy: 'fingerprint', box: { x: 0, y: 0, width: 1, height: 1 }, fresh: { selectors: [], fingerprint: { tag: 'a' } } }).success).toBe(false);
  });
});
