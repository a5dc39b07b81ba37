import fc from 'fast-check';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/services/apiDispatcher';
import { createBuilderHandlers } from '../../main/services/builderHandlers';
import { confinedTo } from '../../main/services/pathPolicy';
import { API_ERROR_CODES } from '../../shared/api/apiError';
import { BUILDER_METHODS } from '../../shared/api/contract';

const RUNS = 10_000;

/** Strings that try to leave the projects folder or break parsers. */
const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', 'C:\\Windows\\system32', '\0', 'a\0b', '%2e%2e%2f', '~/.ssh/id_rsa', '', ' ', '__proto__', 'constructor'),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.string().map((tail) => `../${tail}`),
);
const pollutingObject = fc.oneof(
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
  fc.constant(JSON.parse('{"constructor": {"prototype": {"polluted": true}}}')),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'path', 'name', 'project', 'jobId'), fc.anything()),
);
/** Inputs shaped like the contract's, with hostile values in every field. */
const nearValid = fc.record(
  {
    path: hostileString,
    projectPath: hostileString,
    fromPath: hostileString,
    name: hostileString,
    file: hostileString,
    fileName: hostileString,
    dataBase64: fc.oneof(fc.string(), fc.base64String()),
    jobId: hostileString,
    project: fc.oneof(fc.anything(), pollutingObject),
    request: fc.oneof(fc.anything(), fc.record({ url: hostileString, viewport: fc.anything() })),
  },
  { requiredKeys: [] },
);
const anyInput = fc.oneof(fc.anything({ withObjectString: true, withNullPrototype: true }), pollutingObject, nearValid);

describe('the builder contract under fuzzing', () => {
  it(`answers ${RUNS.toLocaleString('en')} hostile inputs per method with a result or a typed error, and writes nowhere else`, async () => {
    const root = await mkdtemp(join(tmpdir(), 'stepwise-fuzz-'));
    const projectsDir = join(root, 'projects');
    const handlers = createBuilderHandlers({ host: 'web', version: 'fuzz', projectsDir, stateDir: join(projectsDir, '.state'), paths: confinedTo(projectsDir) });
    const logged: string[] = [];
    const dispatch = createDispatcher(handlers, (message) => logged.push(message));
    for (const method of BUILDER_METHODS) {
      await fc.assert(
        fc.asyncProperty(anyInput, async (input) => {
          const answer = await dispatch(method, input);
          if (!answer.ok) {
            expect(API_ERROR_CODES).toContain(answer.error.code);
            expect(typeof answer.error.message).toBe('string');
            // "internal" means a handler threw something unexpected: a bug, not a refusal.
            expect(answer.error.code, `${method}: ${answer.error.message}`).not.toBe('internal');
          }
        }),
        { numRuns: RUNS },
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await readdir(root)).toEqual(['projects']);
    expect(logged).toEqual([]);
  }, 300_000);
});
