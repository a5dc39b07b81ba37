/** Keys that read best first; all others follow in alphabetical order (the order of every saved object). */
const LEADING_KEYS = ['format', 'version', 'id', 'kind', 'name'];

export function compareKeys(a: string, b: string): number {
  const rankA = LEADING_KEYS.indexOf(a);
  const rankB = LEADING_KEYS.indexOf(b);
  if (rankA !== -1 || rankB !== -1) return (rankA === -1 ? Infinity : rankA) - (rankB === -1 ? Infinity : rankB);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether JSON.stringify writes these keys in the stable order as they are. */
function inStableOrder(keys: string[]): boolean {
  for (let index = 1; index < keys.length; index++) {
    if (compareKeys(keys[index - 1]!, keys[index]!) > 0) return false;
  }
  // Integer-like keys are enumerated first whatever the order: a copy places them as before.
  return keys.length === 0 || !/^\d/.test(keys[0]!);
}

/**
 * The value with every object's keys in the stable order. A part already in that order is
 * returned as it is, not copied: the project's schemas list their keys in this order
 * (`stableShape`), so parsed projects and bundles are written without copying their 80,000
 * objects.
 */
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const child = value[index];
      const orderedChild = ordered(child);
      if (orderedChild !== child && !copy) copy = value.slice(0, index);
      copy?.push(orderedChild);
    }
    return copy ?? value;
  }
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  let same = inStableOrder(keys);
  const children = keys.map((key) => {
    const child = (value as Record<string, unknown>)[key];
    const orderedChild = ordered(child);
    if (orderedChild !== child || child === undefined || key === '__proto__') same = false;
    return orderedChild;
  });
  if (same) return value;
  // A plain object (V8 keeps it fast, unlike a null-prototype one). Integer-like keys still come first, as before.
  const result: Record<string, unknown> = {};
  const sortedIndexes = keys.map((_, index) => index).sort((a, b) => compareKeys(keys[a]!, keys[b]!));
  for (const index of sortedIndexes) {
    const key = keys[index]!;
    const child = children[index];
    if (child === undefined) continue;
    // Assigning "__proto__" would set the prototype: a key from a file stays an ordinary key.
    if (key === '__proto__') Object.defineProperty(result, key, { value: child, enumerable: true, writable: true, configurable: true });
    else result[key] = child;
  }
  return result;
}

/**
 * Pretty JSON with a stable key order and a final newline: the same document always gives the
 * same bytes, so saved projects diff well in git and exported bundles are reproducible.
 */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(ordered(value), null, 2)}\n`;
}
