// Bundles what runs in Node and Electron's main process: the Electron main and preload, and the web host.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { buildCheckAnchorsScript, buildElementMapScript, buildRecorderScript, playerIife } from './buildTimeTexts.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Prefer ESM builds: jsonc-parser's UMD build requires its own files at run time.
  mainFields: ['module', 'main'],
  define: { __STEPWISE_VERSION__: JSON.stringify(version), __STEPWISE_ELEMENT_MAP_SCRIPT__: JSON.stringify(buildElementMapScript()), __STEPWISE_RECORDER_SCRIPT__: JSON.stringify(buildRecorderScript()), __STEPWISE_CHECK_ANCHORS_SCRIPT__: JSON.stringify(buildCheckAnchorsScript()), __STEPWISE_PLAYER_IIFE__: JSON.stringify(playerIife()) },
  // playwright-core stays a real dependency: it finds its files on disk at run time.
  external: ['electron', 'playwright-core'],
};

await Promise.all([
  build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main/electron-main.cjs', format: 'cjs' }),
  // Sandboxed preloads cannot require local files, so the preload is one self-contained script.
  build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs' }),
  build({
    ...common,
    entryPoints: ['main/cli/stepwise.ts'],
    outfile: 'dist/main/stepwise-cli.js',
    format: 'esm',
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['main/web/main.ts'],
    outfile: 'dist/main/web-host.js',
    format: 'esm',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
]);
console.log('built dist/main');
