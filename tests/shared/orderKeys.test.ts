import { describe, expect, it } from 'vitest';
import { assignOrderKeys, compareOrder, isOrderKey, LONG_ORDER_KEY } from '../../shared/project/orderKeys';

/** The ids as a loader sorts them by their keys (invalid keys as none). */
function sortedByKeys(ids: readonly string[], keys: ReadonlyMap<string, string>): string[] {
  return ids
    .map((id) => ({ id, order: isOrderKey(keys.get(id)) ? keys.get(id)! : null }))
    .sort(compareOrder)
    .map((item) => item.id);
}

const changedKeys = (before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>) => [...after].filter(([id, key]) => before.get(id) !== key).map(([id]) => id);

describe('order keys', () => {
  it('gives a new list short keys in order, and keeps every key of a list that did not change', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const keys = assignOrderKeys(ids, new Map());
    expect([...keys.values()]).toEqual(['a0', 'a1', 'a2', 'a3']);
    expect(assignOrderKeys(ids, keys)).toEqual(keys);
  });

  it('moving one item rewrites that one key, whichever way it moves', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const keys = assignOrderKeys(ids, new Map());
    for (const moved of [
      ['e', 'a', 'b', 'c', 'd'],
      ['b', 'c', 'd', 'e', 'a'],
      ['a', 'd', 'b', 'c', 'e'],
    ]) {
      const after = assignOrderKeys(moved, keys);
      expect(changedKeys(keys, after)).toHaveLength(1);
      expect(sortedByKeys(moved, after)).toEqual(moved);
    }
  });

  it('adding and removing items keeps the others’ keys', () => {
    const keys = assignOrderKeys(['a', 'b', 'c'], new Map());
    const after = assignOrderKeys(['x', 'a', 'y', 'c', 'z'], keys);
    expect(changedKeys(keys, after).sort()).toEqual(['x', 'y', 'z']);
    expect(after.get('a')).toBe(keys.get('a'));
    expect(after.get('c')).toBe(keys.get('c'));
    expect(sortedByKeys(['x', 'a', 'y', 'c', 'z'], after)).toEqual(['x', 'a', 'y', 'c', 'z']);
  });

  it('1,000 inserts, each saved on its own, at the front, the end, anywhere, or always right after the same item: order holds, about one key changes a save, no key grows long', () => {
    const places: Record<string, (length: number, insert: number) => number> = {
      front: () => 0,
      end: (length) => length,
      anywhere: (length, insert) => (insert * 7919) % (length + 1),
      'right after the first item': () => 1,
    };
    for (const [name, place] of Object.entries(places)) {
      const ids = ['a', 'b', 'c'];
      let keys = assignOrderKeys(ids, new Map());
      let changed = 0;
      let mostChanged = 0;
      for (let insert = 0; insert < 1000; insert++) {
        ids.splice(place(ids.length, insert), 0, `n${insert}`);
        const next = assignOrderKeys(ids, keys);
        const count = changedKeys(keys, next).length;
        changed += count;
        mostChanged = Math.max(mostChanged, count);
        keys = next;
      }
      expect(sortedByKeys(ids, keys), name).toEqual(ids);
      expect(Math.max(...[...keys.values()].map((key) => key.length)), name).toBeLessThanOrEqual(LONG_ORDER_KEY);
      expect([...keys.values()].every(isOrderKey), name).toBe(true);
      // Only the inserted item's key, apart from a few neighbours now and then where keys grew long.
      expect(changed / 1000, name).toBeLessThan(1.05);
      expect(mostChanged, name).toBeLessThanOrEqual(8);
    }
  });

  it('refuses keys the library cannot put others beside, and those items get fresh keys on the next save', () => {
    for (const bad of ['', 'zzz', 'a00', 'A', '0', 'a0 ', 'a0-', 'a0é', 'x'.repeat(201), 5, null, undefined, {}]) expect(isOrderKey(bad), String(bad)).toBe(false);
    for (const good of ['a0', 'a0V', 'Zz', 'b00', 'a1V']) expect(isOrderKey(good), good).toBe(true);
    const previous = new Map([
      ['a', 'a0'],
      ['b', 'not a key'],
      ['c', 'a1'],
    ]);
    const keys = assignOrderKeys(['a', 'b', 'c'], previous);
    expect(keys.get('a')).toBe('a0');
    expect(keys.get('c')).toBe('a1');
    expect(isOrderKey(keys.get('b'))).toBe(true);
    expect(sortedByKeys(['a', 'b', 'c'], keys)).toEqual(['a', 'b', 'c']);
  });

  it('items without a usable key sort after the ordered ones, by id', () => {
    const items = [
      { id: 'q', order: null },
      { id: 'p', order: null },
      { id: 'z', order: 'a1' },
      { id: 'y', order: 'a0' },
    ];
    expect([...items].sort(compareOrder).map((item) => item.id)).toEqual(['y', 'z', 'p', 'q']);
  });

  it('after a merge, two items with the same key (both added at the end) sort by id, and the next save gives one of them a key of its own', () => {
    const items = [
      { id: 'base', order: 'a0' },
      { id: 'ben_flow', order: 'a1' },
      { id: 'ana_flow', order: 'a1' },
    ];
    const ids = [...items].sort(compareOrder).map((item) => item.id);
    expect(ids).toEqual(['base', 'ana_flow', 'ben_flow']);
    const previous = new Map(items.map((item) => [item.id, item.order]));
    const keys = assignOrderKeys(ids, previous);
    expect(changedKeys(previous, keys)).toHaveLength(1);
    expect(new Set(keys.values()).size).toBe(3);
    expect(sortedByKeys(ids, keys)).toEqual(ids);
  });

  it('keys out of order after a merge (two people moved different items) are kept where they can be: the longest run in order stays', () => {
    const previous = new Map([
      ['a', 'a0'],
      ['b', 'a1'],
      ['c', 'a2'],
      ['d', 'a3'],
    ]);
    // The list as shown is the keys' order; a later move of 'd' between 'a' and 'b' rewrites 'd' only.
    const keys = assignOrderKeys(['a', 'd', 'b', 'c'], previous);
    expect(changedKeys(previous, keys)).toEqual(['d']);
  });
});
