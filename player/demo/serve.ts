// `npm run demo`: the demo product site (tests/fixtures/demo-site) with @stepwise/player wired in,
// as a developer would do it: a script tag for the player, the exported bundle, and wire-stepwise.js.
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../../tests/fixtures/serveStatic';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const site = await serveStatic(
  here('../../tests/fixtures/demo-site'),
  {
    '/stepwise-player.iife.js': here('../dist/stepwise-player.iife.js'),
    '/stepwise-bundle.json': here('bundle.json'),
    '/wire-stepwise.js': here('wire-stepwise.js'),
  },
  {
    port: Number(process.env.PORT ?? 0),
    transformHtml: (html) => html.replace('</body>', '    <script src="/stepwise-player.iife.js"></script>\n    <script src="/wire-stepwise.js"></script>\n  </body>'),
  },
);
console.log(`Demo site with Stepwise: ${site.url}`);
