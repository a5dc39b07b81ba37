// Build-time texts for main. Bundles the in-page element-map script (main/capture/inPage/mapElements.ts with the player's describeElement) into
// one string, so main can hand it to a page: esbuild's `define` for the built hosts, vitest's
// `define` for tests, a global for the bench (tsx has no define).
import { buildSync } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ELEMENT_MAP_GLOBAL = '__stepwiseElementMap';

/** An in-page script (TypeScript entry under the repository) as one minified IIFE string. */
function bundleInPageScript(entry, globalName) {
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    target: 'chrome110',
    minify: true,
    legalComments: 'none',
  });
  return result.outputFiles[0].text;
}

export function buildElementMapScript() {
  return bundleInPageScript('../main/capture/inPage/mapElements.ts', ELEMENT_MAP_GLOBAL);
}

export const RECORDER_GLOBAL = '__stepwiseRecorder';

/** The capture browser's in-page recorder (main/capture/browser/inPage/recorder.ts), bundled the same way. */
export function buildRecorderScript() {
  return bundleInPageScript('../main/capture/browser/inPage/recorder.ts', RECORDER_GLOBAL);
}

export const CHECK_ANCHORS_GLOBAL = '__stepwiseCheckAnchors';

/**
 * The flow health check's in-page script (main/health/inPage/checkAnchors.ts): the player's own
 * findTarget, whose lazy page search esbuild inlines here, plus capture's selector maker.
 */
export function buildCheckAnchorsScript() {
  return bundleInPageScript('../main/health/inPage/checkAnchors.ts', CHECK_ANCHORS_GLOBAL);
}

export const PLAYER_IIFE_FILE = fileURLToPath(new URL('../player/dist/stepwise-player.iife.js', import.meta.url));

/**
 * The built player for the standalone preview. A missing or empty file fails the build, so no
 * preview ships without its player; `npm run build` builds the player before main.
 */
export function playerIife(file = PLAYER_IIFE_FILE) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (!text.trim()) throw new Error(`The player is not built: ${file} is ${existsSync(file) ? 'empty' : 'missing'}. Run "npm run build:player" first (or "npm run build", which builds it before main).`);
  return text;
}

/** Unit tests run without a build; they get the player if it was built, else ''. */
export function playerIifeIfBuilt() {
  return existsSync(PLAYER_IIFE_FILE) ? readFileSync(PLAYER_IIFE_FILE, 'utf8') : '';
}
