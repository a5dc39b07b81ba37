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
import { runResourceCenter } from './resourceCenter/resourceCenter';
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
export type PreviewWidgetFlow = Extract<BundleFlow, { kind: 'checklist' | 'survey' | 'resourceCenter' }>;

/** What else a widget's drawing may show. */
export interface PreviewWidgetOptions {
  /**
   * A resource center opens on this article, announcement or section (its id); the contact
   * section shows the contact view. Anything else (or nothing) shows the panel's first view.
   */
  view?: string | undefined;
  /** The project's other flows, so a resource center lists the tours and checklists its guides start. */
  flows?: readonly BundleFlow[];
}

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

const WIDGETS: Record<PreviewWidgetFlow['kind'], RunFlow> = { checklist: runChecklist, survey: runSurvey, resourceCenter: runResourceCenter };

/**
 * Runs `draw` with focus() doing nothing in the layer's window. The resource center moves focus as
 * it opens views (the player's keyboard support); on the canvas the author is typing in the
 * inspector, and each keystroke draws the panel again (issue 17). Everything here is synchronous.
 */
function withoutFocus<T>(layer: LayerState, draw: () => T): T {
  const prototype = (layer.root.ownerDocument.defaultView ?? window).HTMLElement.prototype;
  const focus = Object.getOwnPropertyDescriptor(prototype, 'focus')!;
  Object.defineProperty(prototype, 'focus', { ...focus, value: () => undefined });
  try {
    return draw();
  } finally {
    Object.defineProperty(prototype, 'focus', focus);
  }
}

/** The part of the panel's first view that lists `section`, as the player draws it: empty lists are left out. */
function sectionPart(panel: Element, body: Extract<PreviewWidgetFlow, { kind: 'resourceCenter' }>['resourceCenter'], startable: Set<string>, sectionId: string): Element | undefined {
  const shown = body.sections.filter((section) => {
    if (section.kind === 'articles') return section.articles.length > 0;
    if (section.kind === 'announcements') return section.items.length > 0;
    if (section.kind === 'guides') return section.items.some((item) => startable.has(item.flowId));
    return true;
  });
  const at = shown.findIndex((section) => section.id === sectionId);
  return at < 0 ? undefined : panel.querySelectorAll('.rcb > .rcp')[at];
}

/** Opens the resource center's panel on `view` by pressing what a user would press. */
function showResourceCenterView(layer: LayerState, flow: Extract<PreviewWidgetFlow, { kind: 'resourceCenter' }>, startable: Set<string>, view: string | undefined): void {
  const body = flow.resourceCenter;
  const panel = layer.root.querySelector('.rc');
  if (!panel || !view) return;
  const press = (element: Element | null | undefined) => (element as HTMLElement | null | undefined)?.click();
  for (const section of body.sections) {
    const part = () => sectionPart(panel, body, startable, section.id);
    if (section.id === view) {
      if (section.kind === 'contact') return press(panel.querySelector('.rcf .btn'));
      const shown = part() as HTMLElement | undefined;
      const list = panel.querySelector<HTMLElement>('.rcb');
      if (shown && list) list.scrollTop = shown.offsetTop - list.offsetTop;
      return;
    }
    if (section.kind === 'articles') {
      const index = section.articles.findIndex((article) => article.id === view);
      if (index >= 0) return press(part()?.querySelectorAll('.it')[index]);
    }
    if (section.kind === 'announcements') {
      // Listed newest first, as the player lists them.
      const index = [...section.items].sort((a, b) => b.date.localeCompare(a.date)).findIndex((item) => item.id === view);
      if (index >= 0) return press(part()?.querySelectorAll('.it')[index]);
    }
  }
}

/**
 * Shows a checklist or survey in the layer as it first appears, and a resource center with its
 * panel open (on `options.view` when given); returns how to take it down.
 */
export function previewWidget(layer: PreviewLayer, flow: PreviewWidgetFlow, options: PreviewWidgetOptions = {}): () => void {
  const state = stateOf(layer);
  if (flow.kind !== 'resourceCenter') {
    const running = WIDGETS[flow.kind](flow, drawingContext(state, [flow]), () => undefined);
    return () => running.stop('api');
  }
  const others = (options.flows ?? []).filter((other) => other.id !== flow.id);
  const startable = new Set(others.filter((other) => other.kind === 'tour' || other.kind === 'checklist').map((other) => other.id));
  const context = drawingContext(state, [flow, ...others]);
  context.open = true;
  const running = withoutFocus(state, () => {
    const started = runResourceCenter(flow, context, () => undefined);
    showResourceCenterView(state, flow, startable, options.view);
    return started;
  });
  return () => running.stop('api');
}
