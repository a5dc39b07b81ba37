// Writes player/demo/bundle.json: the demo project exported for the demo site (npm run schema).
import { writeFileSync } from 'node:fs';
import { serializeBundle } from '../shared/bundle/buildBundle';
import { shippedDemoBundle } from '../tests/fixtures/demoProject';

writeFileSync(new URL('../player/demo/bundle.json', import.meta.url), serializeBundle(shippedDemoBundle()));
console.log('wrote player/demo/bundle.json');
