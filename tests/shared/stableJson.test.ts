import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableStringify } from '../../shared/stableJson';

/** The plain definition: every object's keys sorted (leading keys first), then JSON.stringify. */
function reference(value: unknown): string {
  const LEADING = ['format', 'version', 'id', 'kind', 'name'];
  const rank = (key: string) => (LEADING.includes(key) ? LEADING.indexOf(key) : LEADING.length);
  const sorted = (input: unknown): unknown => {
    if (Array.isArray(input)) return input.map(sorted);
    if (input === null || typeof input !== 'object') return input;
    const keys = Object.keys(input).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    const result = Object.create(null) as Record<string, unknown>;
    for (const key of keys) result[key] = sorted((input as Record<string, unknown>)[key]);
    return result;
  };
  return `${JSON.stringify(sorted(value), null, 2)}\n`;
}

describe('stable JSON (the bytes of every project file and bundle)', () => {
  it('puts format, version, id, kind and name first, the rest alphabetically, pretty with a final newline', () => {
    expect(stableStringify({ b: 1, name: 'n', a: [1, { z: 1, id: 'x' }], format: 'f', version: 2, kind: 'k', id: 'i' })).toBe(
      '{\n  "format": "f",\n  "version": 2,\n  "id": "i",\n  "kind": "k",\n  "name": "n",\n  "a": [\n    1,\n    {\n      "id": "x",\n      "z": 1\n    }\n  ],\n  "b": 1\n}\n',
    );
  });

  it('keeps a "__proto__" key from a file as an ordinary key, and drops undefined fields', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    expect(stableStringify({ ...parsed, gone: undefined })).toBe('{\n  "__proto__": {\n    "polluted": true\n  },\n  "a": 1\n}\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('writes the same bytes as the plain definition for any JSON value (saved files never change under a faster writer)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => stableStringify(value) === reference(value)),
      { numRuns: 3_000 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom('0', '36', '__proto__', 'id', 'name', 'version'), fc.string()), fc.jsonValue()), (value) => stableStringify(value) === reference(value)),
      { numRuns: 2_000 },
    );
  });
});

describe('schemas list their keys in the written order (stableObject)', () => {
  it('a built bundle and a parsed project are already in stable order, so writing them copies nothing', async () => {
    const { sampleProject } = await import('../fixtures/sampleProject');
    const { buildBundle } = await import('../../shared/bundle/buildBundle');
    const { projectSchema } = await import('../../shared/model/project');
    const project = projectSchema.parse(JSON.parse(stableStringify(sampleProject())));
    const bundle = buildBundle(project);
    // JSON.stringify keeps the objects' own key order: equal text means no key was out of place.
    expect(`${JSON.stringify(bundle, null, 2)}\n`).toBe(stableStringify(bundle));
    expect(`${JSON.stringify(project, null, 2)}\n`).toBe(stableStringify(project));
  });
});
