import { z } from 'zod';
import { BUNDLE_VERSION, bundleSchema } from './bundleSchema';

export const BUNDLE_SCHEMA_ID = `urn:stepwise:schema:bundle:${BUNDLE_VERSION}`;

/** The published JSON Schema of the bundle, generated from the zod schema so the two never disagree. */
export function bundleJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(bundleSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return {
    $id: BUNDLE_SCHEMA_ID,
    title: 'Stepwise flow bundle',
    description: 'Flows exported from Stepwise, loaded by @stepwise/player.',
    ...schema,
  };
}
