// Builds @stepwise/player: ESM (with the less common flow kinds split into lazy chunks), an IIFE
// for <script> tags (window.Stepwise), the editor's entry (@stepwise/player/editor, its own ESM
// file so the published player's chunks stay as they are), and type declarations.
import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { build, transform } from 'esbuild';

const here = new URL('.', import.meta.url).pathname;

/** `import css from './x.css?raw'`: the stylesheet as a minified string. */
const rawCss = {
  name: 'raw-css',
  setup(builder) {
    builder.onResolve({ filter: /\.css\?raw$/ }, (args) => ({ path: new URL(args.path.replace('?raw', ''), `file://${args.resolveDir}/`).pathname, namespace: 'raw-css' }));
    builder.onLoad({ filter: /.*/, namespace: 'raw-css' }, async (args) => {
      const { code } = await transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: 'js' };
    });
  },
};

const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  target: ['es2022', 'chrome94', 'firefox93', 'safari16'],
  plugins: [rawCss],
  legalComments: 'none',
  logLevel: 'warning',
};

await rm(new URL('dist', import.meta.url), { recursive: true, force: true });

/**
 * The fingerprint page search (run only when no selector finds a step's target) as a lazy chunk
 * with its own copy of the fingerprint code, rather than one sharing it with the entry: esbuild
 * would split the shared code into a chunk that every tour downloads beside the entry, and two
 * files compress worse than one (about 400 B gzip more on the tour path).
 */
const searchPage = await build({ ...common, entryPoints: { 'chunks/searchPage': 'src/anchors/searchPage.ts' }, outdir: 'dist', entryNames: '[dir]/[name]-[hash]', format: 'esm', sourcemap: true, metafile: true });
const searchPageFile = Object.keys(searchPage.metafile.outputs).find((file) => file.endsWith('.js'));
const separateSearchPage = {
  name: 'separate-search-page',
  setup(builder) {
    builder.onResolve({ filter: /\/anchors\/searchPage$/ }, () => ({ path: `./${searchPageFile.replace(/^dist\//, '')}`, external: true }));
  },
};

await Promise.all([
  build({ ...common, plugins: [rawCss, separateSearchPage], entryPoints: { 'stepwise-player': 'src/index.ts' }, outdir: 'dist', format: 'esm', splitting: true, chunkNames: 'chunks/[name]-[hash]', sourcemap: true }),
  build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/stepwise-player.iife.js', format: 'iife', globalName: 'Stepwise', sourcemap: true }),
  build({ ...common, entryPoints: ['src/editorPreview.ts'], outfile: 'dist/stepwise-player-editor.js', format: 'esm', sourcemap: true }),
]);
execFileSync(process.execPath, [new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname, '-p', `${here}tsconfig.json`], { stdio: 'inherit' });
console.log('built player/dist');
