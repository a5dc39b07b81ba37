import { jsonPath, problemsFromZod, type Problem } from '../validation/problems';
import type { Bundle } from './bundleSchema';
import { BUNDLE_FORMAT, BUNDLE_VERSION, bundleSchema, bundleVersionFor } from './bundleSchema';

export type BundleValidation =
  /** `upgradedFrom` is the version the bundle was written in, when that is older than the one this build writes for its flows. */
  | { ok: true; bundle: Bundle; upgradedFrom?: number }
  | { ok: false; kind: 'notBundle' | 'versionTooNew' | 'invalid'; problems: Problem[] };

/**
 * Checks a bundle (parsed JSON, or its text) and returns every problem with its JSON path.
 * A bundle from a newer Stepwise is refused with a message saying so, not a list of field errors.
 * An older version this build reads comes back as the version this build would write for the same
 * flows (2, or 3 with a resource center; see READABLE_BUNDLE_VERSIONS).
 */
export function validateBundle(json: unknown): BundleValidation {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json.replace(/^\uFEFF/, '')) as unknown; // editors on Windows may start UTF-8 with a byte-order mark
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, kind: 'notBundle', problems: [{ path: '$', message: `is not valid JSON (${reason})` }] };
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, kind: 'notBundle', problems: [{ path: '$', message: `should be a Stepwise bundle object, like { "format": "stepwise.bundle", "version": ${BUNDLE_VERSION}, ... }` }] };
  }
  const record = value as Record<string, unknown>;
  if (record.format !== BUNDLE_FORMAT) {
    return { ok: false, kind: 'notBundle', problems: [{ path: jsonPath(['format']), message: `should be "${BUNDLE_FORMAT}"; this is not a Stepwise bundle` }] };
  }
  // JSON's 1e400 parses as Infinity, which is no version either.
  if (typeof record.version === 'number' && !(Number.isSafeInteger(record.version) && record.version >= 1)) {
    return { ok: false, kind: 'invalid', problems: [{ path: jsonPath(['version']), message: `is ${record.version}, which is not a valid version: it should be a whole number from 1, like ${BUNDLE_VERSION}` }] };
  }
  if (typeof record.version === 'number' && record.version > BUNDLE_VERSION) {
    return {
      ok: false,
      kind: 'versionTooNew',
      problems: [
        {
          path: jsonPath(['version']),
          message: `is ${record.version}: this bundle was made by a newer Stepwise, and this version reads bundle versions up to ${BUNDLE_VERSION}. Update @stepwise/player or export again from this version`,
        },
      ],
    };
  }
  const result = bundleSchema.safeParse(value);
  if (!result.success) return { ok: false, kind: 'invalid', problems: problemsFromZod(result.error, value) };
  const written = result.data.version;
  const version = bundleVersionFor(result.data.flows);
  return { ok: true, bundle: { ...result.data, version }, ...(written < version ? { upgradedFrom: written } : {}) };
}
