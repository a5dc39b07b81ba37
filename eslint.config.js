// Lint, and above all the layering of docs/DESIGN: shared/ is pure, main/ renderer/ player/ never
// import each other, and only main/electron touches Electron.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'util', 'stream'];
const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group].flat(), message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'player/dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The rules of hooks, and effects that list what they read (stale values are real bugs here).
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['shared/**'],
    rules: layer(
      [['electron', 'react', 'react-dom', 'react/*', ...NODE_BUILTINS], ['**/main/**', '**/renderer/**', '**/player/**']],
      'shared/ is pure TypeScript: no Electron, Node, React or DOM, and it imports no other part.',
    ),
  },
  {
    // Saved and exported objects come out of their schema in the written key order, so they are
    // serialized without a reordered copy (shared/model/stableObject.ts).
    files: ['shared/model/**', 'shared/bundle/**'],
    ignores: ['shared/model/stableObject.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'z', property: 'object', message: 'Use stableObject: the schemas of saved and exported data list their keys in the written order.' }],
    },
  },
  {
    files: ['main/**'],
    ignores: ['main/electron/**'],
    rules: layer([['electron', 'react', 'react-dom'], ['**/renderer/**', '**/player/**']], 'Only main/electron may use Electron; main/ never imports renderer/ or player/.'),
  },
  {
    // The capture script runs in the captured page, not in main: it reads elements with the
    // player's describeElement so capture and player never disagree about a fingerprint.
    files: ['main/capture/inPage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'react', 'react-dom', '**/renderer/**'], message: 'main/ never imports Electron (outside main/electron) or renderer/.' },
            { regex: '/player/(?!src/anchors/describeElement$)', message: 'The in-page capture script may use only the player\'s describeElement from player/.' },
          ],
        },
      ],
    },
  },
  {
    // The health check's in-page script resolves anchors with the player's own findTarget, so the
    // check and the player never disagree about a target.
    files: ['main/health/inPage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'react', 'react-dom', '**/renderer/**'], message: 'main/ never imports Electron (outside main/electron) or renderer/.' },
            { regex: '/player/(?!src/anchors/describeElement$|src/findTarget$)', message: 'The in-page check script may use only the player\'s findTarget and describeElement from player/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/**'],
    rules: layer([['react', 'react-dom'], ['**/renderer/**', '**/player/**']], 'main/ never imports renderer/ or player/.'),
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...NODE_BUILTINS, '**/main/**'], message: 'The renderer is untrusted web code: it reaches the host only through the BuilderApi client.' },
            { regex: '^\\.{1,2}/(.*/)?player/', message: 'The renderer uses the player only through its package names, @stepwise/player and @stepwise/player/editor.' },
          ],
        },
      ],
    },
  },
  {
    files: ['player/**'],
    rules: layer(
      [['electron', 'react', 'react-dom', 'zod', ...NODE_BUILTINS], ['**/main/**', '**/renderer/**']],
      'The player runs on customers\' sites: DOM only, no framework, and only types and the bundle format from shared/.',
    ),
  },
  {
    files: ['tests/**', 'bench/**', 'scripts/**', '**/*.config.*', 'player/*.mjs', 'player/demo/**'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
