import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBundle, StepwiseBundleError } from '../../player/src/checkBundle';
import { lazyCheckSources, playerCheckSource } from '../../scripts/writePlayerCheck';
import { validateBundle } from '../../shared/bundle/validateBundle';
import { BROKEN_FINGERPRINTS, newInvoiceFingerprint } from '../fixtures/fingerprints';

describe("the player's bundle check", () => {
  it('is generated from the zod schemas and committed up to date (run `npm run schema` if this fails)', () => {
    expect(readFileSync(new URL('../../player/src/bundleRules.ts', import.meta.url), 'utf8')).toBe(playerCheckSource());
    for (const [file, source] of lazyCheckSources()) expect(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file).toBe(source);
  }, 30_000);
});

describe('the player reading bundle versions', () => {
  const v1Text = readFileSync(new URL('../fixtures/formatV1/bundle.json', import.meta.url), 'utf8');
  const v2 = () => {
    const bundle = JSON.parse(v1Text) as { version: number; flows: { tour: { steps: { anchor: Record<string, unknown> }[] } }[] };
    bundle.version = 2;
    bundle.flows[0]!.tour.steps[0]!.anchor.fingerprint = newInvoiceFingerprint();
    return bundle;
  };
  /** The error checkBundle throws for `bundle`, or null. */
  const refusal = (bundle: unknown) => {
    try {
      checkBundle(bundle);
      return null;
    } catch (error) {
      return error as StepwiseBundleError;
    }
  };

  it('plays a version 1 bundle (from before fingerprints) as written', () => {
    const checked = checkBundle(JSON.parse(v1Text));
    const expected = validateBundle(v1Text);
    if (!expected.ok) throw new Error('the version 1 bundle should be valid');
    expect(checked.flows).toEqual(expected.bundle.flows);
  });

  it('keeps the fingerprints of a version 2 bundle', () => {
    const checked = checkBundle(v2());
    const tour = checked.flows[0]!;
    expect(tour.kind === 'tour' && tour.tour.steps[0]!.anchor).toEqual({ selectors: ['[data-testid="new-invoice"]'], fingerprint: newInvoiceFingerprint() });
  });

  it('refuses version 4 with the "newer Stepwise" error at $.version', () => {
    const error = refusal({ ...v2(), version: 4 });
    expect(error).toBeInstanceOf(StepwiseBundleError);
    expect(error?.path).toBe('$.version');
    expect(error?.message).toBe('Stepwise: the bundle at $.version is 4: the bundle was made by a newer Stepwise, and this player reads bundle versions up to 3. Update @stepwise/player.');
  });

  it.each(BROKEN_FINGERPRINTS)('refuses a fingerprint that breaks the format at the place validateBundle names: $name', ({ fingerprint, path }) => {
    const bundle = v2();
    bundle.flows[0]!.tour.steps[0]!.anchor.fingerprint = fingerprint;
    expect(refusal(bundle)?.path).toBe(`$.flows[0].tour.steps[0].anchor${path}`);
    const shared = validateBundle(bundle);
    expect(!shared.ok && shared.problems.map((problem) => problem.path)).toEqual([`$.flows[0].tour.steps[0].anchor${path}`]);
  });
});
