// Regenerates schema/stepwise-bundle.schema.json from the zod schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { bundleJsonSchema } from '../shared/bundle/bundleJsonSchema';
import { stableStringify } from '../shared/stableJson';

writeFileSync(new URL('../schema/stepwise-bundle.schema.json', import.meta.url), stableStringify(bundleJsonSchema()));
console.log('wrote schema/stepwise-bundle.schema.json');
