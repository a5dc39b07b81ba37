/**
 * `@stepwise/player/editor`: the entry the Stepwise editor draws flows with on its canvas. It is
 * not for sites that play bundles (use `@stepwise/player`), and it may change with the editor.
 *
 * It gives the player's own markup, stylesheets, theme and placement, drawn into a shadow root that
 * the editor lays over a screenshot. The root's host is the captured page's viewport scaled onto
 * the screenshot, so everything here is in that page's CSS pixels and the canvas shows a flow
 * exactly as the player will. Nothing here reports events, keeps progress or finds targets.
 *
 * @example
 * const layer = createPreviewLayer(host, { theme, locale: 'en', defaultLocale: 'en' });
 * const { card, arrow } = previewCard(layer, { title, body, closable: true }, false);
 * layer.root.append(card);
 * place(target, card, 'bottom', 'center', arrow, 12, { width: 1280, height: 800 });
 */
import { isRightToLeft } from '../../shared/bundle/rightToLeft';
import type { Bundle, BundleFlow, BundleTourStep, LocalizedText, Theme } from './bundleTypes';
import type { PlayContext, RunFlow } from './context';
import { addSheet } from './dom';
import { createFrequencyStore, createMemoryStorage } from './frequency';
import { runChecklist } from './kinds/checklist';
import { buttonsAt } from './kinds/stepButtons';
import { stepCard } from './kinds/stepCard';
import { runSurvey } from './kinds/survey';
import { place } from './position';
import baseCss from './styles/base.css?raw';
import hotspotCss from './styles/hotspot.css?raw';
import { applyTheme } from './theme';
import { toolkit } from './toolkit';

export { place };
export type { Side, Target } from './position';
export type { BundleTourStep, LocalizedText, Theme } from './bundleTypes';

/** What `createPreviewLayer` needs: the look and the language the editor shows. */
export interface PreviewLayerOptions {
  theme: Theme;
  /** The language being edited; text missing in it falls back to `defaultLocale`, as the player does. */
  locale: string;
  defaultLocale: string;
  /** The editor's own marks (step numbers, selection rings), added after the player's stylesheets. */
  editorCss?: string;
}

/** A tour step's or hotspot's card content, as the player draws it. */
export interface PreviewCardContent {
  title: LocalizedText;
  body: LocalizedText;
  imageUrl?: string | undefined;
  closable: boolean;
  buttons?: BundleTourStep['buttons'];
  /** "2/5", or empty for none. */
  progress?: string;
  /** Where a tour step stands in its tour, so the card shows the buttons the player will (no Back first, "Done" last). */
  position?: { index: number; count: number };
}

/** The flow kinds shown as a widget (launcher and panel, or the survey card) rather than a card on a target. */
export type PreviewWidgetFlow = Extract<BundleFlow, { kind: 'checklist' | 'survey' }>;

/** A shadow root styled as the player's overlay, with text in one language. */
export interface PreviewLayer {
  readonly root: ShadowRoot;
  readonly dir: 'ltr' | 'rtl';
  /** Authored text in the layer's language (or the default one). */
  t(text: LocalizedText): string;
}

interface LayerState extends PreviewLayer {
  theme: Theme;
  locale: string;
  defaultLocale: string;
}

const layers = new WeakMap<PreviewLayer, LayerState>();

/** Makes `host` the player's overlay: shadow root, stylesheets, theme, text in `options.locale`. */
export function createPreviewLayer(host: HTMLElement, options: PreviewLayerOptions): PreviewLayer {
  const { theme, locale, defaultLocale, editorCss = '' } = options;
  let root = host.shadowRoot;
  if (!root) {
    root = host.attachShadow({ mode: 'open' });
    for (const css of [baseCss, hotspotCss, editorCss]) if (css) addSheet(root, css);
  }
  applyTheme(host, theme);
  const dir = isRightToLeft(locale) ? 'rtl' : 'ltr';
  host.dir = dir;
  const layer: LayerState = { root, dir, theme, locale, defaultLocale, t: (text) => text[locale] || text[defaultLocale] || '' };
  layers.set(layer, layer);
  return layer;
}

function stateOf(layer: PreviewLayer): LayerState {
  const state = layers.get(layer);
  if (!state) throw new TypeError('@stepwise/player/editor: pass a layer made by createPreviewLayer().');
  return state;
}

const stylesAdded = new WeakMap<ShadowRoot, Set<string>>();

/** Everything a flow kind gets from a player, for a player that only draws: no events, targets or progress. */
function drawingContext(layer: LayerState, flows: BundleFlow[]): PlayContext {
  const { root } = layer;
  let styled = stylesAdded.get(root);
  if (!styled) stylesAdded.set(root, (styled = new Set()));
  const added = styled;
  const bundle: Bundle = {
    format: 'stepwise.bundle',
    version: 1,
    project: { id: 'editor-preview', name: 'Editor preview' },
    theme: layer.theme,
    locales: { defaultLocale: layer.defaultLocale, available: [...new Set([layer.defaultLocale, layer.locale])] },
    flows,
  };
  return {
    document: root.ownerDocument,
    bundle,
    t: layer.t,
    dir: layer.dir,
    layer: () => root,
    style(css) {
      if (added.has(css)) return;
      added.add(css);
      addSheet(root, css);
    },
    emit: () => undefined,
    // The canvas shows every part of a widget, whatever page it is targeted at.
    targets: () => true,
    options: { bundle },
    locate: async () => ({ found: null, reason: 'noMatch' }),
    frequency: createFrequencyStore(root.ownerDocument.defaultView ?? window, undefined, createMemoryStorage()),
    // The editor's drawing never takes focus: the author is typing in the inspector (issue 17).
    kit: { ...toolkit, focusCard: () => undefined },
    reducedMotion: () => true,
    start: () => undefined,
  };
}

/** A tour step's or hotspot's card, not yet in the layer; its buttons do nothing. */
export function previewCard(layer: PreviewLayer, content: PreviewCardContent, modal: boolean): { card: HTMLElement; arrow: HTMLElement } {
  const inert = () => undefined;
  const state = stateOf(layer);
  const { position, ...shown } = content;
  if (position && shown.buttons) shown.buttons = buttonsAt({ buttons: shown.buttons }, position.index, position.count, state.t, state.defaultLocale);
  return stepCard(drawingContext(state, []), shown, { next: inert, back: inert, close: inert }, modal);
}

const WIDGETS: Record<PreviewWidgetFlow['kind'], RunFlow> = { checklist: runChecklist, survey: runSurvey };

/** Shows a checklist or survey in the layer as it first appears; returns how to take it down. */
export function previewWidget(layer: PreviewLayer, flow: PreviewWidgetFlow): () => void {
  const running = WIDGETS[flow.kind](flow, drawingContext(stateOf(layer), [flow]), () => undefined);
  return () => running.stop('api');
}
