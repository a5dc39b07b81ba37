import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { buildCheckAnchorsScript, buildElementMapScript, buildRecorderScript, playerIifeIfBuilt } from './scripts/buildTimeTexts.mjs';

export default defineConfig({
  define: { __STEPWISE_ELEMENT_MAP_SCRIPT__: JSON.stringify(buildElementMapScript()), __STEPWISE_RECORDER_SCRIPT__: JSON.stringify(buildRecorderScript()), __STEPWISE_CHECK_ANCHORS_SCRIPT__: JSON.stringify(buildCheckAnchorsScript()), __STEPWISE_PLAYER_IIFE__: JSON.stringify(playerIifeIfBuilt()) },
  resolve: {
    alias: [
      { find: /^@stepwise\/player$/, replacement: fileURLToPath(new URL('./player/src/index.ts', import.meta.url)) },
      { find: /^@stepwise\/player\/editor$/, replacement: fileURLToPath(new URL('./player/src/editorPreview.ts', import.meta.url)) },
    ],
  },
  test: {
    // Playwright specs live in tests/e2e and run under Playwright, not here.
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
