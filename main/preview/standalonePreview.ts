import { buildBundle } from '../../shared/bundle/buildBundle';
import { bundleImageFiles, readBundleImageData } from '../../shared/bundle/bundleImageData';
import { isPlaced } from '../../shared/model/anchor';
import type { Project } from '../../shared/model/project';
import { runGallery, type GalleryData } from './galleryPage';

/** The built player (player/dist/stepwise-player.iife.js), put in at build time. */
declare const __STEPWISE_PLAYER_IIFE__: string;

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c2430;background:#f1f3f6}
header{padding:24px 32px}header h1{margin:0 0 4px;font-size:22px}header p{margin:0;color:#5f6b7a}
.flows{list-style:none;margin:0;padding:0 32px 32px;display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px}
.flows button{width:100%;display:grid;gap:4px;text-align:left;padding:16px;border:1px solid #dfe3e8;border-radius:12px;background:#fff;cursor:pointer;font:inherit}
.flows button:hover{border-color:#4f46e5}.flows span{color:#5f6b7a;font-size:13px}
.bar{display:flex;align-items:center;gap:16px;padding:12px 20px;background:#fff;border-bottom:1px solid #dfe3e8}.bar h1{font-size:16px;margin:0}
.back{font:inherit;padding:6px 12px;border:1px solid #dfe3e8;border-radius:6px;background:#fff;cursor:pointer}
.stage{position:relative;width:min(100%,1440px);margin:20px auto;box-shadow:0 10px 40px #0003;background:#fff}
.stage img{display:block;width:100%}.target{position:absolute;pointer-events:none}`;

/** JSON for inside a <script> element: "</script>" or "<!--" in authored text cannot end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Code for inside a <script> element: only "</script" and "<!--" need breaking up. */
function scriptCode(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * One self-contained HTML file: the screenshots (data: URLs), the player and the bundle inlined,
 * a gallery of the flows that plays each over its screenshots. Its Content-Security-Policy allows
 * no network at all, so it behaves the same when mailed around and opened offline.
 */
export async function standalonePreviewHtml(project: Project, readImage: (file: string) => Promise<string>, options: { readyOnly?: boolean } = {}): Promise<string> {
  // Article images travel inside the bundle; a file that cannot be read fails with a BundleImageError naming it.
  const bundle = buildBundle(project, { ...options, imageData: await readBundleImageData(bundleImageFiles(project, options.readyOnly), readImage) });
  const exported = new Set(bundle.flows.map((flow) => flow.id));
  const anchors: GalleryData['anchors'] = {};
  const used = new Set<string>();
  for (const flow of project.flows) {
    if (!exported.has(flow.id)) continue;
    const entries: GalleryData['anchors'][string] = {};
    const add = (key: string, anchor: Parameters<typeof isPlaced>[0]) => {
      if (!isPlaced(anchor)) return;
      entries[key] = { screenId: anchor.screenId, box: anchor.box };
      used.add(anchor.screenId);
    };
    if (flow.kind === 'tour') flow.tour.steps.forEach((step) => add(step.id, step.anchor));
    if (flow.kind === 'hotspot') add('', flow.hotspot.anchor);
    anchors[flow.id] = entries;
  }
  // Screens no flow points at are left out; with none at all, the first one is the backdrop.
  const screens = project.screens.filter((screen) => used.has(screen.id) || (!used.size && screen === project.screens[0]));
  const data: GalleryData = {
    title: `${project.name} — flow preview`,
    bundle: bundle as unknown as GalleryData['bundle'],
    screens: await Promise.all(screens.map(async (screen) => ({ id: screen.id, name: screen.name, width: screen.image.width, height: screen.image.height, dataUrl: await readImage(screen.image.file) }))),
    anchors,
  };
  const title = data.title.replace(/[<>&"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="${project.locales.defaultLocale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<div id="app"></div>
<script>${scriptCode(__STEPWISE_PLAYER_IIFE__)}</script>
<script>(${scriptCode(runGallery.toString())})(${scriptJson(data)});</script>
</body>
</html>
`;
}
