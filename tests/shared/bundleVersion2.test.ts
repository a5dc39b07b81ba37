import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { buildBundle, serializeBundle } from '../../shared/bundle/buildBundle';
import { bundleJsonSchema } from '../../shared/bundle/bundleJsonSchema';
import { importBundle } from '../../shared/bundle/importBundle';
import { validateBundle } from '../../shared/bundle/validateBundle';
import { createProject } from '../../shared/model/create';
import type { Project } from '../../shared/model/project';
import { BROKEN_FINGERPRINTS, newInvoiceFingerprint } from '../fixtures/fingerprints';
import { sampleProject } from '../fixtures/sampleProject';

/** The demo bundle as Stepwise wrote it before fingerprints (commit 995cada). */
const v1Text = readFileSync(new URL('../fixtures/formatV1/bundle.json', import.meta.url), 'utf8');

/** The sample project with its tour's first step picked on an element that capture fingerprinted. */
function fingerprintedProject(): Project {
  const project = sampleProject();
  const tour = project.flows[0]!;
  if (tour.kind !== 'tour') throw new Error('the sample starts with a tour');
  tour.tour.steps[0]!.anchor!.fingerprint = newInvoiceFingerprint();
  return project;
}

describe('bundle format version 2', () => {
  it("exports an anchor's fingerprint beside its selectors, and nothing for an anchor that has none", () => {
    const bundle = buildBundle(fingerprintedProject());
    expect(bundle.version).toBe(2);
    const [tour, hotspot] = bundle.flows;
    expect(tour?.kind === 'tour' && tour.tour.steps[0]!.anchor).toEqual({ selectors: ['[data-testid="new-invoice"]', '#new-invoice'], fingerprint: newInvoiceFingerprint() });
    expect(hotspot?.kind === 'hotspot' && hotspot.hotspot.anchor).toEqual({ selectors: ['nav a[href="/reports"]'] });
    const text = serializeBundle(bundle);
    expect(text.match(/"fingerprint"/g)).toHaveLength(1);
    expect(validateBundle(text)).toEqual({ ok: true, bundle });
  });

  it('reads a version 1 bundle as version 2 with the same content, and says it was upgraded', () => {
    const result = validateBundle(v1Text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.upgradedFrom).toBe(1);
    expect(result.bundle.version).toBe(2);
    expect(serializeBundle(result.bundle)).toBe(v1Text.replace('"version": 1,', '"version": 2,'));
  });

  it('refuses version 4 as made by a newer Stepwise', () => {
    const result = validateBundle(v1Text.replace('"version": 1,', '"version": 4,'));
    expect(result).toEqual({ ok: false, kind: 'versionTooNew', problems: [{ path: '$.version', message: expect.stringContaining('made by a newer Stepwise, and this version reads bundle versions up to 3') as string }] });
  });

  it.each(BROKEN_FINGERPRINTS)('names the place of a fingerprint that breaks the format: $name', ({ fingerprint, path }) => {
    const bundle = JSON.parse(serializeBundle(buildBundle(sampleProject()))) as { flows: { tour: { steps: { anchor: Record<string, unknown> }[] } }[] };
    bundle.flows[0]!.tour.steps[0]!.anchor.fingerprint = fingerprint;
    const result = validateBundle(bundle);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.kind).toBe('invalid');
    expect(result.problems.map((problem) => problem.path)).toEqual([`$.flows[0].tour.steps[0].anchor${path}`]);
  });

  it('import keeps the fingerprints, so exporting again gives the same bytes', () => {
    const text = serializeBundle(buildBundle(fingerprintedProject()));
    const validated = validateBundle(text);
    if (!validated.ok) throw new Error('the export should be valid');
    const { project } = importBundle({ ...createProject('Imported'), id: validated.bundle.project.id }, validated.bundle);
    const tour = project.flows[0]!;
    expect(tour.kind === 'tour' && tour.tour.steps[0]!.anchor!.fingerprint).toEqual(newInvoiceFingerprint());
    expect(serializeBundle(buildBundle({ ...project, name: 'Acme onboarding' }))).toBe(text);
  });

  it('imports a version 1 bundle into a project', () => {
    const validated = validateBundle(v1Text);
    if (!validated.ok) throw new Error('the version 1 bundle should be valid');
    const { project, added } = importBundle(createProject('Imported'), validated.bundle);
    expect(added).toBe(4);
    expect(project.flows.map((flow) => flow.name)).toEqual((JSON.parse(v1Text) as { flows: { name: string }[] }).flows.map((flow) => flow.name));
  });
});

describe('the published JSON Schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const check = ajv.compile(bundleJsonSchema());

  it('accepts version 1 and version 2 bundles, with fingerprints', () => {
    expect(check(JSON.parse(v1Text)), JSON.stringify(check.errors)).toBe(true);
    expect(check(JSON.parse(serializeBundle(buildBundle(fingerprintedProject())))), JSON.stringify(check.errors)).toBe(true);
  });

  it('refuses version 4 and a malformed fingerprint', () => {
    expect(check(JSON.parse(v1Text.replace('"version": 1,', '"version": 4,')))).toBe(false);
    const bundle = JSON.parse(serializeBundle(buildBundle(fingerprintedProject()))) as { flows: { tour: { steps: { anchor: { fingerprint: Record<string, unknown> } }[] } }[] };
    bundle.flows[0]!.tour.steps[0]!.anchor.fingerprint.index = 0;
    expect(check(bundle)).toBe(false);
    expect(check.errors?.[0]?.instancePath).toBe('/flows/0/tour/steps/0/anchor/fingerprint/index');
  });
});
