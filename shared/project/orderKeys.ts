import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Order of flows and screens as fractional keys ("a0" < "a0V" < "a1"), one in each item's file, as
 * tldraw and Figma do: adding or moving one item changes only that item's key, so two people who add
 * or reorder different items never write the same line. Keys compare as plain strings.
 */

/** A key this library can put others beside (a hand-edited or foreign one may not be). */
export function isOrderKey(key: unknown): key is string {
  // Base 62 only: the library checks the integer part, not the digits after it (a stray space passes).
  if (typeof key !== 'string' || key.length > 200 || !/^[A-Za-z][0-9A-Za-z]*$/.test(key)) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/** Items sorted by their key, then by id (two people adding at the same place give the same key). */
export function compareOrder(a: { order: string | null; id: string }, b: { order: string | null; id: string }): number {
  if (a.order !== b.order) {
    if (a.order === null) return 1; // no usable key: after the ordered ones
    if (b.order === null) return -1;
    return a.order < b.order ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Indexes of a longest strictly increasing run (not necessarily contiguous) of `keys`; nulls never count. */
function longestIncreasing(keys: readonly (string | null)[]): Set<number> {
  // Patience sorting, O(n log n): tails[k] is the index ending the best run of length k + 1.
  const tails: number[] = [];
  const previous = new Array<number>(keys.length).fill(-1);
  keys.forEach((key, index) => {
    if (key === null) return;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (keys[tails[middle]!]! < key) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails.length ? tails[tails.length - 1]! : -1; index !== -1; index = previous[index]!) kept.add(index);
  return kept;
}

/**
 * A key grows by a character every few inserts at one place (always right after the same flow).
 * Past this length the neighbours are given fresh keys too, so no key comes near the length a
 * loader refuses (isOrderKey); that rewrites a few more files, once in a few hundred such inserts.
 */
export const LONG_ORDER_KEY = 40;

/**
 * Keys for `ids` in this order. Keeps every key it can (the longest run already in order) and gives
 * new keys only to added or moved items, between their neighbours, so a save rewrites no more
 * files than the change touched (and, rarely, a few neighbours: LONG_ORDER_KEY).
 */
export function assignOrderKeys(ids: readonly string[], previous: ReadonlyMap<string, string>): Map<string, string> {
  const known = ids.map((id) => {
    const key = previous.get(id);
    return key !== undefined && isOrderKey(key) ? key : null;
  });
  const kept = longestIncreasing(known);
  // Everything before `index` has its key; from `index` on, only the kept ones do.
  const keys = known.map((key, index) => (kept.has(index) ? key : null));
  const between = (start: number, end: number) => generateNKeysBetween(start > 0 ? keys[start - 1]! : null, end < ids.length ? keys[end]! : null, end - start);
  const nextKept = (from: number) => {
    let end = from;
    while (end < ids.length && keys[end] === null) end++;
    return end;
  };
  let index = 0;
  while (index < ids.length) {
    if (keys[index] !== null) {
      index++;
      continue;
    }
    // A run of items needing keys, up to the next kept one; widened while its keys come out long.
    let start = index;
    let end = nextKept(index);
    let fresh = between(start, end);
    for (let widen = 1; fresh.some((key) => key.length > LONG_ORDER_KEY) && (start > 0 || end < ids.length); widen *= 2) {
      start = Math.max(0, start - widen);
      end = nextKept(Math.min(ids.length, end + widen));
      fresh = between(start, end);
    }
    fresh.forEach((key, offset) => (keys[start + offset] = key));
    index = end;
  }
  return new Map(ids.map((id, position) => [id, keys[position]!]));
}
