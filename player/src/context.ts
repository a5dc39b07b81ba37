import type { Bundle, BundleAnchor, BundleFlow, LocalizedText } from './bundleTypes';
import type { PlayerOptions } from './createPlayer';
import type { PlayerEvent, PlayerEventMap, PlayerEventType } from './events';
import type { Located } from './findTarget';
import type { FrequencyStore } from './frequency';
import type { Toolkit } from './toolkit';

/** Which flow (and tour step) an anchor belongs to, for a custom `resolveTarget`. */
export interface AnchorContext {
  flowId: string;
  stepId?: string;
}

/** What every flow kind gets from the player it runs in. */
export interface PlayContext {
  document: Document;
  bundle: Bundle;
  /** Authored text in the player's locale, falling back to the bundle's default locale. */
  t(text: LocalizedText): string;
  dir: 'ltr' | 'rtl';
  /** The overlay's shadow root, made on first use; `near` moves it into a dialog or popover in the top layer. */
  layer(near?: Element): ShadowRoot;
  /** Adds a kind's stylesheet to the overlay once. */
  style(css: string): void;
  emit<T extends PlayerEventType>(type: T, flow: BundleFlow, data: PlayerEventMap[T]): void;
  /** Finds an anchor's target now, or waits up to `waitMs` for it; how it was found, or why it was not. */
  locate(anchor: BundleAnchor, waitMs: number, signal: AbortSignal, where: AnchorContext): Promise<Located>;
  frequency: FrequencyStore;
  kit: Toolkit;
  reducedMotion(): boolean;
  start(flowId: string): void;
  /** Whether a flow's or a part's URL and user rules hold on this page for this user. */
  targets(part: Pick<BundleFlow, 'targeting'>): boolean;
  options: PlayerOptions;
  /** Set by openResourceCenter/closeResourceCenter, for a resource center that was still loading; it reads and clears it. */
  open?: boolean;
}

/** A flow on screen. The player calls these; the flow calls `end` once when it is over. */
export interface RunningFlow {
  flow: BundleFlow;
  stop(reason: PlayerEventMap['flow_dismissed']['reason']): void;
  next?(): void;
  back?(): void;
  /** A named event from `player.track(name)`. */
  track?(name: string): void;
  /** The page's URL changed (SPA navigation). */
  navigated?(url: string): void;
  /** Locale or content changed: draw again. */
  refresh?(): void;
  /** Every event the player reports (a checklist item may wait for another flow's completion). */
  observe?(event: PlayerEvent): void;
  /** Opens or closes a resource center's panel. */
  open?(open: boolean): void;
}

export type FlowEnd = (outcome: 'completed' | PlayerEventMap['flow_dismissed']) => void;
export type RunFlow = (flow: BundleFlow, context: PlayContext, end: FlowEnd) => RunningFlow;
