import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/services/apiDispatcher';
import { createBuilderHandlers } from '../../main/services/builderHandlers';
import { confinedTo } from '../../main/services/pathPolicy';
import { API_ERROR_CODES } from '../../shared/api/apiError';
import { BUILDER_METHODS, builderApiContract, type BuilderMethod } from '../../shared/api/contract';
import { createProject } from '../../shared/model/create';

/**
 * Hostile inputs per method: 3,000 each, about 100,000 calls in all, a minute or so alone and
 * two on a fully loaded 2-core machine (10,000 took 6.6 min there, a third of the suite's budget).
 */
const RUNS = 3_000;

/**
 * Hostile inputs for every method. `outside` are absolute paths out of the projects folder in the
 * test's sandbox (through "..", a symlink, a neighbour), so a write that gets through is seen.
 */
function hostileInputs(outside: string[]) {
  /** Strings that try to leave the projects folder or break parsers. */
  const hostileString = fc.oneof(
    fc.string(),
    fc.constantFrom('../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', 'C:\\Windows\\system32', '\0', 'a\0b', '%2e%2e%2f', '~/.ssh/id_rsa', '', ' ', '__proto__', 'constructor'),
    fc.constantFrom(...outside, 'relative.stepwise', '../home/user/neighbour.stepwise'),
    fc.string({ minLength: 5_000, maxLength: 20_000 }),
    fc.string().map((tail) => `../${tail}`),
  );
  const pollutingObject = fc.oneof(
    fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
    fc.constant(JSON.parse('{"constructor": {"prototype": {"polluted": true}}}')),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'path', 'name', 'project', 'jobId'), fc.anything()),
  );
  /** Hostile values for each field of the contract, and valid ones in some, so that writes are attempted. */
  const fields: Record<string, fc.Arbitrary<unknown>> = {
    path: hostileString,
    projectPath: hostileString,
    fromPath: hostileString,
    name: hostileString,
    file: hostileString,
    fileName: fc.oneof(hostileString, fc.constant('shot.png')),
    dataBase64: fc.oneof(fc.string(), fc.base64String(), fc.constant(VALID_PNG_BASE64)),
    jobId: hostileString,
    project: fc.oneof(fc.anything(), pollutingObject, fc.constant(createProject('Fuzzed'))),
    request: fc.oneof(fc.anything(), fc.record({ url: hostileString, viewport: fc.anything() })),
  };
  /** Any mix of the fields (mostly refused for the unknown ones). */
  const nearValid = fc.record(fields, { requiredKeys: [] });
  /** Exactly the fields a method takes, so inputs get past the shape check to the handler. */
  const shapedFor = (method: BuilderMethod) => {
    const input = builderApiContract[method].input as { shape?: Record<string, unknown> };
    return fc.record(Object.fromEntries(Object.keys(input.shape ?? {}).map((key) => [key, fields[key] ?? fc.anything()])));
  };
  return (method: BuilderMethod) => fc.oneof(fc.anything({ withObjectString: true, withNullPrototype: true }), pollutingObject, nearValid, shapedFor(method));
}

const VALID_PNG_BASE64 = readFileSync(fileURLToPath(new URL('../fixtures/images/mockup.png', import.meta.url))).toString('base64');

/** Every entry under `folder` (but not under `skip`), with a fingerprint of its content, to spot any write. */
async function snapshot(folder: string, skip: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (path === skip) continue;
      const name = relative(folder, path);
      if (entry.isSymbolicLink()) entries[name] = `link to ${await readlink(path)}`;
      else if (entry.isDirectory()) {
        entries[name] = 'folder';
        await walk(path);
      } else entries[name] = `file ${createHash('sha256').update(await readFile(path)).digest('hex')}`;
    }
  };
  await walk(folder);
  return entries;
}

describe('the builder contract under fuzzing', () => {
  it(`answers ${RUNS.toLocaleString('en')} hostile inputs per method with a result or a typed error, and writes nowhere else`, async () => {
    // Everything a confused handler could reach with "..", a relative path or a symlink lies under
    // `root`: the projects folder sits two levels down beside another app's project, the working
    // directory is moved inside, and a link in the projects folder points out.
    const root = await mkdtemp(join(tmpdir(), 'stepwise-fuzz-'));
    const projectsDir = join(root, 'home', 'user', 'projects');
    const workingDir = join(root, 'home', 'user', 'work'); // deep enough that "../../x" stays in the sandbox
    await mkdir(projectsDir, { recursive: true });
    await mkdir(workingDir, { recursive: true });
    await mkdir(join(root, 'home', 'user', 'neighbour.stepwise', 'images'), { recursive: true });
    await writeFile(join(root, 'home', 'user', 'neighbour.stepwise', 'project.json'), '{"not":"ours"}');
    await writeFile(join(root, 'home', 'secret.txt'), 'keep out');
    await symlink(join(root, 'home'), join(projectsDir, 'evil'));
    const outsideBefore = await snapshot(root, projectsDir);
    const originalDir = process.cwd();
    process.chdir(workingDir);
    const inputsFor = hostileInputs([
      join(projectsDir, 'evil', 'new.stepwise'),
      join(projectsDir, 'evil', 'user', 'neighbour.stepwise'),
      join(projectsDir, 'evil', 'secret.txt'),
      join(projectsDir, '..', 'neighbour.stepwise'),
      join(projectsDir, '..', 'fresh.stepwise'),
      join(root, 'home'),
    ]);
    const handlers = createBuilderHandlers({ host: 'web', version: 'fuzz', projectsDir, stateDir: join(projectsDir, '.state'), paths: confinedTo(projectsDir) });
    const logged: string[] = [];
    const dispatch = createDispatcher(handlers, (message) => logged.push(message));
    try {
      for (const method of BUILDER_METHODS) {
        await fc.assert(
          fc.asyncProperty(inputsFor(method), async (input) => {
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
    } finally {
      process.chdir(originalDir);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await snapshot(root, projectsDir)).toEqual(outsideBefore);
    expect(logged).toEqual([]);
  }, 600_000);
});
