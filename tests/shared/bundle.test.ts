import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBundle, serializeBundle } from '../../shared/bundle/buildBundle';
import { bundleJsonSchema } from '../../shared/bundle/bundleJsonSchema';
import { BUNDLE_VERSION } from '../../shared/bundle/bundleSchema';
import { validateBundle } from '../../shared/bundle/validateBundle';
import { stableStringify } from '../../shared/stableJson';
import { sampleProject } from '../fixtures/sampleProject';

describe('the bundle format', () => {
  it('carries format, version, flows, theme and locales, and no authoring-only data', () => {
    const project = sampleProject();
    const bundle = buildBundle(project);
    // Version 2: a bundle without a resource center is written in the version players already deployed read.
    expect(bundle).toMatchObject({ format: 'stepwise.bundle', version: 2, project: { id: project.id, name: project.name } });
    expect(bundle.flows.map((f) => f.kind)).toEqual(['tour', 'hotspot', 'checklist', 'survey']);
    const text = serializeBundle(bundle);
    for (const authoringOnly of ['screens', 'screenId', 'elementId', '"box"', 'elements', 'image']) expect(text).not.toContain(authoringOnly);
    expect(bundle.flows[0]).toMatchObject({ tour: { steps: [{ anchor: { selectors: ['[data-testid="new-invoice"]', '#new-invoice'] } }] } });
  });

  it('writes the same bytes for the same project', () => {
    const project = sampleProject();
    expect(serializeBundle(buildBundle(project))).toBe(serializeBundle(buildBundle(structuredClone(project))));
  });

  it('keeps only ready flows when asked, and validation then flags a checklist that starts a left-out flow', () => {
    const project = sampleProject();
    const readyOnly = buildBundle({ ...project, flows: project.flows.filter((f) => f.kind !== 'checklist') }, { readyOnly: true });
    expect(readyOnly.flows.map((f) => f.name)).toEqual(['Welcome tour']);
    const bundle = JSON.parse(serializeBundle(buildBundle(project))) as { flows: { kind: string }[] };
    bundle.flows = bundle.flows.filter((f) => f.kind !== 'tour');
    const result = validateBundle(bundle);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      { path: '$.flows[1].checklist.items[0].action.flowId', message: expect.stringMatching(/^names the flow ".+", which is not in this bundle$/) as string },
    ]);
  });

  it('accepts its own output, as an object or as text', () => {
    const text = serializeBundle(buildBundle(sampleProject()));
    expect(validateBundle(text).ok).toBe(true);
    expect(validateBundle(JSON.parse(text)).ok).toBe(true);
  });

  it('returns every problem with its JSON path, in plain words', () => {
    const bundle = JSON.parse(serializeBundle(buildBundle(sampleProject()))) as any;
    bundle.flows[0].tour.steps[0].placement = 'middle';
    delete bundle.flows[1].name;
    bundle.flows[3].survey.question = { en: 7 };
    bundle.theme.radius = 400;
    const result = validateBundle(bundle);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.kind).toBe('invalid');
    // In the order of the bundle file's lines (flows before theme, as stable JSON writes them).
    expect(result.problems).toEqual([
      { path: '$.flows[0].tour.steps[0].placement', message: 'should be one of "auto", "top", "right", "bottom", "left", but is the text "middle"' },
      { path: '$.flows[1].name', message: 'is missing (it should be a text)' },
      { path: '$.flows[3].survey.question.en', message: 'should be a text, but is number 7' },
      { path: '$.theme.radius', message: 'must be at most 32' },
    ]);
  });

  it('says a bundle from a newer version is newer, instead of listing field errors', () => {
    const bundle = { ...buildBundle(sampleProject()), version: BUNDLE_VERSION + 1, flows: 'whatever' };
    const result = validateBundle(bundle);
    expect(result).toEqual({ ok: false, kind: 'versionTooNew', problems: [{ path: '$.version', message: expect.stringContaining('made by a newer Stepwise') as string }] });
  });

  it('refuses what is not a bundle at all', () => {
    expect(validateBundle('not json')).toMatchObject({ ok: false, kind: 'notBundle', problems: [{ path: '$', message: expect.stringContaining('not valid JSON') as string }] });
    expect(validateBundle([1, 2])).toMatchObject({ ok: false, kind: 'notBundle' });
    expect(validateBundle({ format: 'stepwise.project' })).toMatchObject({ ok: false, kind: 'notBundle', problems: [{ path: '$.format' }] });
  });
});

describe('the published JSON Schema', () => {
  it('is committed at schema/stepwise-bundle.schema.json and matches the zod schema (run `npm run schema` if this fails)', () => {
    const committed = readFileSync(new URL('../../schema/stepwise-bundle.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(stableStringify(bundleJsonSchema()));
  });

  it('describes the bundle fields developers rely on', () => {
    const schema = bundleJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties).sort()).toEqual(['flows', 'format', 'locales', 'project', 'theme', 'version']);
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'project']));
  });
});

describe('the demo bundle (player/demo/bundle.json)', () => {
  it('is the demo project exported, up to date (run `npm run schema` if this fails), and valid', async () => {
    const { shippedDemoBundle } = await import('../fixtures/demoProject');
    const committed = readFileSync(new URL('../../player/demo/bundle.json', import.meta.url), 'utf8');
    expect(committed).toBe(serializeBundle(shippedDemoBundle()));
    expect(validateBundle(committed).ok).toBe(true);
  });
});
