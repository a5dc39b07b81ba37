import { describe, expect, it } from 'vitest';
import { buildBundle, serializeBundle } from '../../shared/bundle/buildBundle';
import { BUNDLE_VERSION } from '../../shared/bundle/bundleSchema';
import { validateBundle } from '../../shared/bundle/validateBundle';
import { PROJECT_VERSION } from '../../shared/model/project';
import { loadProjectText } from '../../shared/project/loadProject';
import { stableStringify } from '../../shared/stableJson';
import { sampleProject } from '../fixtures/sampleProject';

const FILE = '/projects/Acme.stepwise/project.json';
const BOM = '\uFEFF';

/** The project's JSON with its "version" written as raw text, e.g. 1e400, which JSON.stringify cannot write. */
function projectWithVersion(version: string): string {
  return stableStringify(sampleProject()).replace(/"version": \d+/, `"version": ${version}`);
}

function bundleWithVersion(version: string): string {
  return serializeBundle(buildBundle(sampleProject())).replace(/"version": \d+/, `"version": ${version}`);
}

describe('a version that is not a whole number from 1', () => {
  it.each(['1.5', '1e400', '-1', '0', '"1"', 'null'])('is "not a valid version" in a project, with its path and line: %s', (version) => {
    const text = projectWithVersion(version);
    const result = loadProjectText(text, FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = text.split('\n').findIndex((row) => row.includes('"version"')) + 1;
    expect(result.error.kind).toBe('invalid');
    expect(result.error.message).toContain(`${FILE} has a problem at $.version, line ${line}: it is `);
    expect(result.error.message).toContain('which is not a valid version');
    expect(result.error.message).not.toContain('newer');
    expect(result.error.problems).toEqual([{ path: '$.version', line, message: expect.stringContaining('not a valid version') as string }]);
  });

  it.each(['1.5', '1e400', '-1', '0'])('is "not a valid version" in a bundle, with its path: %s', (version) => {
    const result = validateBundle(bundleWithVersion(version));
    expect(result).toEqual({ ok: false, kind: 'invalid', problems: [{ path: '$.version', message: expect.stringContaining('which is not a valid version') as string }] });
  });

  it('1e400 is named as what JSON makes of it, not as a newer format', () => {
    const result = validateBundle(bundleWithVersion('1e400'));
    expect(result.ok || result.problems[0]!.message).toBe(`is Infinity, which is not a valid version: it should be a whole number from 1, like ${BUNDLE_VERSION}`);
  });

  it('a file without any version is still the oldest format and is upgraded', () => {
    const { version: _version, ...unversioned } = sampleProject();
    const result = loadProjectText(JSON.stringify(unversioned), FILE);
    expect(result.ok && result.project.version).toBe(PROJECT_VERSION);
  });
});

describe('a UTF-8 byte-order mark at the start of a file', () => {
  it('is skipped in a project, and lines still point at the right place', () => {
    const text = stableStringify(sampleProject());
    const loaded = loadProjectText(BOM + text, FILE);
    expect(loaded.ok && loaded.project.name).toBe('Acme onboarding');

    const broken = BOM + text.replace('"frequency": "once"', '"frequency": "sometimes"');
    const result = loadProjectText(broken, FILE);
    const line = broken.split('\n').findIndex((row) => row.includes('"sometimes"')) + 1;
    expect(!result.ok && result.error.problems[0]).toMatchObject({ path: '$.flows[0].frequency', line });
  });

  it('is skipped in a bundle', () => {
    const result = validateBundle(BOM + serializeBundle(buildBundle(sampleProject())));
    expect(result.ok && result.bundle.flows.length).toBe(4);
  });
});
