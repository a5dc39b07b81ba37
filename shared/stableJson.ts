/** Keys that read best first; all others follow in alphabetical order. */
const LEADING_KEYS = ['format', 'version', 'id', 'kind', 'name'];

function compareKeys(a: string, b: string): number {
  const rankA = LEADING_KEYS.indexOf(a);
  const rankB = LEADING_KEYS.indexOf(b);
  if (rankA !== -1 || rankB !== -1) return (rankA === -1 ? Infinity : rankA) - (rankB === -1 ? Infinity : rankB);
  return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== 'object') return value;
  // A null prototype keeps a "__proto__" key from a file an ordinary key.
  const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort(compareKeys)) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) result[key] = ordered(child);
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
