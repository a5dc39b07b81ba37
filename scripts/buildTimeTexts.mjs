// Build-time texts for main. Bundles the in-page element-map script (main/capture/inPage/mapElements.ts + @medv/finder) into
// one string, so main can hand it to a page: esbuild's `define` for the built hosts, vitest's
// `define` for tests, a global for the bench (tsx has no define).
import { buildSync } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ELEMENT_MAP_GLOBAL = '__stepwiseElementMap';

export function buildElementMapScript() {
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL('../main/capture/inPage/mapElements.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: ELEMENT_MAP_GLOBAL,
    target: 'chrome110',
    minify: true,
    legalComments: 'none',
  });
  return result.outputFiles[0].text;
}

/** The built player for the standalone preview; `npm run build` builds the player before main. */
export function playerIife() {
  const file = fileURLToPath(new URL('../player/dist/stepwise-player.iife.js', import.meta.url));
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}
