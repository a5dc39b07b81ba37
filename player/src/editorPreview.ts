/**
 * For the Stepwise editor only (not part of the published API): the player's own markup,
 * stylesheets, theme and placement, drawn into a shadow root the editor lays over a screenshot.
 * The root's host is the captured page's viewport scaled onto the screenshot, so everything here
 * is in that page's CSS pixels and the canvas shows a flow exactly as the player will.
 */
import { isRightToLeft } from '../../shared/bundle/rightToLeft';
import type { Bundle, BundleFlow, BundleTourStep, LocalizedText } from './bundleTypes';
import type { PlayContext, RunFlow } from './context';
import { addSheet } from './dom';
import { createFrequencyStore, createMemoryStorage } from './frequency';
import { runChecklist } from './kinds/checklist';
import { stepCard } from './kinds/stepCard';
import { runSurvey } from './kinds/survey';
import { place } from './position';
import baseCss from './styles/base.css?raw';
import hotspotCss from './styles/hotspot.css?raw';
import { applyTheme } from './theme';
import { toolkit } from './toolkit';

export { place };
export type { Side } from './position';

export interface PreviewCardContent {
  title: LocalizedText;
  body: LocalizedText;
  imageUrl?: string | undefined;
  closable: boolean;
  buttons?: BundleTourStep['buttons'];
  progress?: string;
}

export interface PreviewLayer {
  root: ShadowRoot;
  t(text: LocalizedText): string;
  dir: 'ltr' | 'rtl';
}

/** Makes `host` the player's overlay: shadow root, stylesheets, theme, text in `locale`. */
export function createPreviewLayer(host: HTMLElement, theme: Bundle['theme'], locale: string, defaultLocale: string, editorCss = ''): PreviewLayer {
  let root = host.shadowRoot;
  if (!root) {
    root = host.attachShadow({ mode: 'open' });
    for (const css of [baseCss, hotspotCss, editorCss]) if (css) addSheet(root, css);
  }
  applyTheme(host, theme);
  const dir = isRightToLeft(locale) ? 'rtl' : 'ltr';
  host.dir = dir;
  return { root, dir, t: (text) => text[locale] || text[defaultLocale] || '' };
}

/** A tour step's or hotspot's card; its buttons do nothing. */
export function previewCard(layer: PreviewLayer, content: PreviewCardContent, modal: boolean): { card: HTMLElement; arrow: HTMLElement } {
  const inert = () => undefined;
  return stepCard({ t: layer.t, dir: layer.dir } as PlayContext, content, { next: inert, back: inert, close: inert }, modal);
}

const stylesAdded = new WeakMap<ShadowRoot, Set<string>>();
const WIDGETS: Partial<Record<BundleFlow['kind'], RunFlow>> = { checklist: runChecklist, survey: runSurvey };

/** Shows a checklist or survey widget as it first appears; returns how to take it down. */
export function previewWidget(layer: PreviewLayer, flow: BundleFlow, bundle: Bundle): () => void {
  const run = WIDGETS[flow.kind];
  if (!run) return () => undefined;
  let styled = stylesAdded.get(layer.root);
  if (!styled) stylesAdded.set(layer.root, (styled = new Set()));
  const context: PlayContext = {
    document: layer.root.ownerDocument,
    bundle,
    t: layer.t,
    dir: layer.dir,
    layer: () => layer.root,
    style(css) {
      if (styled.has(css)) return;
      styled.add(css);
      addSheet(layer.root, css);
    },
    emit: () => undefined,
    locate: async () => null,
    frequency: createFrequencyStore(layer.root.ownerDocument.defaultView!, undefined, createMemoryStorage()),
    kit: toolkit,
    reducedMotion: () => true,
    start: () => undefined,
  };
  const running = run(flow, context, () => undefined);
  return () => running.stop('api');
}
