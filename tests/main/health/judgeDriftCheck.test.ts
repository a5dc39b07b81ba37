import { describe, expect, it } from 'vitest';
import type { AnchorResult } from '../../../shared/health/flowHealth';
import type { Box, KeyedElement, PlayerOutcome } from '../../fixtures/health/driftKeys';
import type { KeyedAnchor } from '../../fixtures/health/driftProject';
import { judgeDriftCheck, type KeyedRelease } from '../../fixtures/health/judgeDriftCheck';

/**
 * The judge of the drift corpus check is what holds "never a wrong element": these cases make
 * sure it calls a wrong element wrong, whatever status the check gave it.
 */
const box = (x: number, y: number): Box => ({ x, y, width: 100, height: 30 });
const captured = box(10, 10);

function anchor(key: string): KeyedAnchor {
  return { flowId: 'flow_1', itemId: `step_${key}`, key, name: `element ${key}`, selectors: [`#${key}`, `.${key}`], box: captured };
}

function result(key: string, fields: Partial<AnchorResult>): AnchorResult {
  return { flowId: 'flow_1', itemId: `step_${key}`, screenId: 'screen_1', label: key, status: 'missing', ...fields };
}

/** A release in which `elements` are where they are, `boxes` says which keys sit at a box, `selectors` which key a selector finds. */
function release(elements: KeyedElement[], options: { selectors?: Record<string, string>; player?: PlayerOutcome[] } = {}): KeyedRelease {
  return {
    keyedElements: async () => elements,
    keysAt: async (at) => elements.filter((element) => element.box && element.box.x === at.x && element.box.y === at.y).map((element) => element.key),
    keyOfSelector: async (selector) => ({ matches: options.selectors?.[selector] ? 1 : 0, key: options.selectors?.[selector] ?? null }),
    playerOutcomes: async () => options.player ?? elements.map((element) => (element.exists ? 'correct' : 'missing')),
  };
}

describe('judging a check of a drift release by its identity keys', () => {
  it('takes a gone element reported missing or ambiguous as expected, and one reported found as wrong', async () => {
    const gone: KeyedElement = { key: 'e1', exists: false, firstSelector: 'none' };
    const other: KeyedElement = { key: 'e2', exists: true, box: box(300, 10), firstSelector: 'only' };
    const missing = await judgeDriftCheck([anchor('e1')], [result('e1', { status: 'ambiguous' })], release([gone]));
    expect(missing.outcomes.expected).toBe(1);

    const found = await judgeDriftCheck([anchor('e1'), anchor('e2')], [result('e1', { status: 'changed', box: box(300, 10) }), result('e2', { status: 'ok', box: box(300, 10) })], release([gone, other]));
    expect(found.anchors[0]!.outcome).toBe('wrong');
    expect(found.anchors[0]!.detail).toContain('pointed at e2');
    expect(found.anchors[0]!.detail).toContain('e1 is gone');
  });

  it('expects ok where the first selector still finds the element in place, moved where it shifted, and calls another box wrong', async () => {
    const inPlace: KeyedElement = { key: 'e1', exists: true, box: box(12, 10), firstSelector: 'only' };
    const shifted: KeyedElement = { key: 'e2', exists: true, box: box(10, 60), firstSelector: 'only' };
    const judged = await judgeDriftCheck(
      [anchor('e1'), anchor('e2')],
      [result('e1', { status: 'ok', foundBy: 'selector', box: box(12, 10) }), result('e2', { status: 'ok', foundBy: 'selector', box: box(10, 60) })],
      release([inPlace, shifted]),
    );
    expect(judged.expected).toMatchObject({ ok: 1, moved: 1 });
    expect(judged.anchors.map((each) => each.outcome)).toEqual(['expected', 'otherStatus']);

    const elsewhere = await judgeDriftCheck([anchor('e1')], [result('e1', { status: 'ok', box: box(400, 400) })], release([inPlace]));
    expect(elsewhere.outcomes.wrong).toBe(1);
    expect(elsewhere.anchors[0]!.detail).toContain('an element without a key');
  });

  it('expects changed where the first selector lost the element, and holds the suggested anchor to the same element', async () => {
    const lost: KeyedElement = { key: 'e1', exists: true, box: captured, firstSelector: 'other' };
    const judge = (suggestion: AnchorResult['suggestion'], selectors: Record<string, string> = {}) =>
      judgeDriftCheck([anchor('e1')], [result('e1', { status: 'changed', foundBy: 'fingerprint', box: captured, ...(suggestion ? { suggestion } : {}) })], release([lost], { selectors }));

    expect((await judge({ selectors: ['a[href="tables.html"]'] }, { 'a[href="tables.html"]': 'e1' })).outcomes.expected).toBe(1);
    const elsewhere = await judge({ selectors: ['a[href="charts.html"]'] }, { 'a[href="charts.html"]': 'e9' });
    expect(elsewhere.outcomes.wrong).toBe(1);
    expect(elsewhere.anchors[0]!.detail).toContain('finds e9 instead of e1');
    expect((await judge(undefined)).anchors[0]!.detail).toContain('no suggested anchor');
  });

  it('lets an element that is still there be missed only where the player misses it too', async () => {
    const there: KeyedElement = { key: 'e1', exists: true, box: captured, firstSelector: 'only' };
    const missed = [result('e1', { status: 'missing', reason: 'its selectors find a different element' })];
    expect((await judgeDriftCheck([anchor('e1')], missed, release([there], { player: ['missing'] }))).outcomes.missedAsPlayer).toBe(1);
    const unlike = await judgeDriftCheck([anchor('e1')], missed, release([there], { player: ['correct'] }));
    expect(unlike.outcomes.unlikePlayer).toBe(1);
    expect(unlike.anchors[0]!.detail).toContain('the player: correct');
  });
});
