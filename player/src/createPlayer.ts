import { isRightToLeft } from '../../shared/bundle/rightToLeft';
import { urlMatchesRules } from '../../shared/bundle/urlRules';
import type { BundleAnchor, BundleFlow, LocalizedText, UserRule } from './bundleTypes';
import { checkBundle } from './checkBundle';
import type { AnchorContext, FlowEnd, PlayContext, RunFlow, RunningFlow } from './context';
import { addSheet, h } from './dom';
import type { PlayerEvent, PlayerEventListener, PlayerEventType } from './events';
import { findTarget, waitForTarget, type Located } from './findTarget';
import { createFrequencyStore, type PlayerStorage } from './frequency';
import type { Target } from './position';
import { runTour } from './kinds/tour';
import { toolkit } from './toolkit';
import baseCss from './styles/base.css?raw';
import { applyTheme } from './theme';

export interface PlayerUser {
  id?: string;
  /** Matched by the flows' user rules: { plan: "pro", seats: 12 }. */
  traits?: Record<string, string | number | boolean | null | undefined>;
}

export interface PlayerOptions {
  /** The bundle exported from Stepwise (the parsed JSON). */
  bundle: unknown;
  user?: PlayerUser;
  /** BCP-47 tag; the closest available locale is used, then the bundle's default. */
  locale?: string;
  /** Where frequency and checklist progress are kept; localStorage by default. */
  storage?: PlayerStorage;
  /** Called with every event; the same as `on('*', onEvent)`. */
  onEvent?: PlayerEventListener;
  /** Finds the element for an anchor yourself (the editor's preview maps anchors to screenshot boxes). */
  resolveTarget?: (anchor: BundleAnchor, where: AnchorContext) => Element | Target | null | Promise<Element | Target | null>;
  /** The document to play in; defaults to the global one. */
  document?: Document;
  /** Watch the page for automatic triggers (URL rules, delays, clicks). Default true. */
  autoStart?: boolean;
  /**
   * 'reduce': no smooth scrolling to a step's target, no fades, no moving spotlight: what users
   * who ask their system for reduced motion get, for everyone. Default 'auto' (follows
   * prefers-reduced-motion).
   */
  motion?: 'auto' | 'reduce';
  /** Put what people typed into the resource center's search into `search` events (off: only its length). */
  searchQueryInEvents?: boolean;
}

export interface Player {
  /** Starts a flow by id, whatever its trigger, targeting and frequency. False if there is no such flow. */
  start(flowId: string): boolean;
  /** Ends the tour or survey on screen (reported as flow_dismissed with reason "api"). */
  stop(): void;
  next(): void;
  back(): void;
  /** Reports a named event: advances steps and completes checklist items waiting for it. */
  track(eventName: string): void;
  /** Forgets what the user has seen and done, for one flow or all. */
  reset(flowId?: string): void;
  setLocale(locale: string): void;
  /** Opens the resource center's panel (of the bundle's resource center for this page), loading it first if needed. */
  openResourceCenter(): void;
  closeResourceCenter(): void;
  /** Subscribes to one event type, or "*" for all; returns the unsubscribe function. */
  on<T extends PlayerEventType>(type: T | '*', listener: PlayerEventListener<T>): () => void;
  /** Removes everything the player added to the page. The player cannot be used afterwards. */
  destroy(): void;
}

type Kind = BundleFlow['kind'];
const KINDS: Record<Kind, () => Promise<RunFlow>> = {
  tour: async () => runTour,
  // Loaded when first needed, so a page that only plays tours does not download them. Each module's
  // default export is its runner: four alike lines compress to little more than one (15 B gzip).
  hotspot: () => import('./kinds/hotspot').then((module) => module.default),
  checklist: () => import('./kinds/checklist').then((module) => module.default),
  survey: () => import('./kinds/survey').then((module) => module.default),
  resourceCenter: () => import('./resourceCenter/resourceCenter').then((module) => module.default),
};
/** What `motion: 'reduce'` adds, as prefers-reduced-motion does in base.css. */
const NO_MOTION = '*{animation:none!important;transition:none!important}';
/**
 * Kinds that take the user's attention: one flow of each on screen at a time (a new tour replaces
 * the tour). A survey and a tour may share the screen, the tour above (base.css's stacking order),
 * and stop/next/back go to the tour first.
 */
const EXCLUSIVE: Kind[] = ['tour', 'survey'];

function report(error: unknown): void {
  console.error('[stepwise] player error:', error);
}

/** Black or white, whichever reads better on the brand colour. */

const OPERATORS: Record<UserRule['operator'], (actual: unknown, expected: unknown) => boolean> = {
  exists: (actual) => actual != null,
  notExists: (actual) => actual == null,
  equals: (actual, expected) => String(actual) === String(expected),
  notEquals: (actual, expected) => String(actual) !== String(expected),
  contains: (actual, expected) => String(actual ?? '').includes(String(expected)),
  greaterThan: (actual, expected) => Number(actual) > Number(expected),
  lessThan: (actual, expected) => Number(actual) < Number(expected),
};

function userMatches(rules: UserRule[], traits: PlayerUser['traits'] = {}): boolean {
  return rules.every((rule) => OPERATORS[rule.operator]?.(traits[rule.attribute], rule.value));
}

/**
 * Creates a player for a bundle. Throws a StepwiseBundleError naming the JSON path when the
 * bundle is malformed or from a newer version; after that, nothing it does throws into the page.
 */
export function createPlayer(options: PlayerOptions): Player {
  const bundle = checkBundle(options.bundle);
  const document = options.document ?? globalThis.document;
  const view = document.defaultView!;
  const { defaultLocale, available } = bundle.locales;
  const listeners = new Set<{ type: string; listener: PlayerEventListener<never> }>();
  const running = new Map<string, RunningFlow>();
  const timers = new Map<string, number>();
  const frequency = createFrequencyStore(view, options.user?.id, options.storage);
  let locale = defaultLocale;
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  const styles = new Set<string>();
  let destroyed = false;

  function setLocale(requested: string): void {
    const language = requested.split('-')[0]!.toLowerCase();
    locale = available.find((tag) => tag.toLowerCase() === requested.toLowerCase()) ?? available.find((tag) => tag.split('-')[0]!.toLowerCase() === language) ?? defaultLocale;
    context.dir = isRightToLeft(locale) ? 'rtl' : 'ltr';
    if (host) host.dir = context.dir;
  }

  function emit<T extends PlayerEventType>(type: T, flow: BundleFlow, data: object): void {
    const event = { type, flowId: flow.id, flowKind: flow.kind, flowName: flow.name, timestamp: Date.now(), ...data } as PlayerEvent<T>;
    for (const entry of listeners) {
      if (entry.type !== '*' && entry.type !== type) continue;
      try {
        (entry.listener as PlayerEventListener<T>)(event);
      } catch (error) {
        report(error); // a broken analytics handler must not break the flow
      }
    }
    for (const other of running.values()) other.observe?.(event as PlayerEvent);
  }

  const context: PlayContext = {
    document,
    bundle,
    dir: 'ltr',
    t: (text: LocalizedText) => text[locale] || text[defaultLocale] || '',
    layer(near) {
      if (!host) {
        const { theme } = bundle;
        host = h('div', { 'data-stepwise-player': '', dir: context.dir });
        root = host.attachShadow({ mode: 'open' });
        addSheet(root, baseCss);
        if (options.motion === 'reduce') addSheet(root, NO_MOTION);
        applyTheme(host, theme);
      }
      // Inside an open modal dialog or popover, the page's top layer would cover the overlay.
      const top = near?.closest('dialog[open], [popover]');
      const parent = top ?? document.body;
      if (host.parentNode !== parent) parent.append(host);
      return root!;
    },
    style(css) {
      if (styles.has(css)) return;
      styles.add(css);
      addSheet(context.layer(), css);
    },
    emit,
    async locate(anchor, waitMs, signal, where): Promise<Located> {
      if (options.resolveTarget) {
        const target = await options.resolveTarget(anchor, where);
        return target ? { found: { element: 'tagName' in target ? (target as Element) : document.body, target } } : { found: null, reason: 'noMatch' };
      }
      const now = await findTarget(document, anchor);
      return now.found || waitMs <= 0 ? now : waitForTarget(document, anchor, waitMs, signal);
    },
    frequency,
    kit: toolkit,
    reducedMotion: () => options.motion === 'reduce' || Boolean(view.matchMedia?.('(prefers-reduced-motion: reduce)').matches),
    start: (flowId) => void start(flowId),
    targets: targeted,
    options,
  };

  function launch(flow: BundleFlow): void {
    if (EXCLUSIVE.includes(flow.kind)) for (const other of running.values()) if (other.flow.kind === flow.kind) other.stop('replaced');
    running.get(flow.id)?.stop('replaced');
    // Remembered just after the first paint: storage writes are synchronous and the step is what the user waits for.
    view.setTimeout(() => frequency.update(flow.id, { seen: true }));
    emit('flow_started', flow, {});
    const end: FlowEnd = (outcome) => {
      if (running.get(flow.id) !== instance) return;
      running.delete(flow.id);
      if (destroyed) return;
      if (outcome === 'completed') {
        frequency.update(flow.id, { completed: true });
        emit('flow_completed', flow, {});
      } else {
        frequency.update(flow.id, { dismissed: true });
        emit('flow_dismissed', flow, outcome);
      }
    };
    const placeholder: RunningFlow = { flow, stop: (reason) => end({ reason }) };
    let instance: RunningFlow = placeholder;
    running.set(flow.id, placeholder);
    KINDS[flow.kind]()
      .then((run) => {
        if (running.get(flow.id) !== placeholder) return; // stopped while loading
        instance = run(flow, context, end);
        running.set(flow.id, instance);
      })
      .catch(report);
  }

  function start(flowId: string): boolean {
    const flow = bundle.flows.find((candidate) => candidate.id === flowId);
    if (!flow || destroyed) return false;
    launch(flow);
    return true;
  }

  function allowed(flow: BundleFlow): boolean {
    const record = frequency.read(flow.id);
    if (flow.frequency === 'once') return !record.seen;
    if (flow.frequency === 'everySession') return !frequency.seenThisSession(flow.id);
    return !record.completed && !frequency.seenThisSession(flow.id);
  }

  /** A flow's, or a resource center section's, URL and user rules. */
  function targeted(flow: Pick<BundleFlow, 'targeting'>): boolean {
    return urlMatchesRules(flow.targeting.urls, view.location.href) && userMatches(flow.targeting.users, options.user?.traits);
  }

  /** Opens or closes the resource center, starting it first when it is not on the page (it reads `context.open` once loaded). */
  function panel(open: boolean): void {
    context.open = open;
    for (const flow of bundle.flows) {
      if (flow.kind !== 'resourceCenter' || !targeted(flow)) continue;
      if (running.has(flow.id)) running.get(flow.id)!.open?.(open);
      else if (open) launch(flow);
    }
  }

  /** Starts what the current page calls for; runs at creation and after every navigation. */
  function evaluate(): void {
    for (const flow of bundle.flows) {
      const active = running.has(flow.id);
      if (!targeted(flow)) {
        if (active && flow.kind === 'hotspot') running.get(flow.id)!.stop('replaced');
        continue;
      }
      if (active || !allowed(flow)) continue;
      if (flow.trigger.kind === 'pageLoad') launch(flow);
      else if (flow.trigger.kind === 'delay' && !timers.has(flow.id)) {
        timers.set(
          flow.id,
          view.setTimeout(() => {
            timers.delete(flow.id);
            if (!running.has(flow.id) && targeted(flow) && allowed(flow)) launch(flow);
          }, flow.trigger.ms),
        );
      }
    }
  }

  const onClick = (event: Event) => {
    const path = event.composedPath();
    for (const flow of bundle.flows) {
      if (flow.trigger.kind !== 'click' || running.has(flow.id) || !targeted(flow) || !allowed(flow)) continue;
      const selector = flow.trigger.selector;
      try {
        if (path.some((node) => (node as Element).matches?.(selector))) launch(flow);
      } catch {
        /* an invalid selector never matches */
      }
    }
  };

  const onNavigate = () =>
    view.setTimeout(() => {
      if (destroyed) return;
      for (const flow of running.values()) flow.navigated?.(view.location.href);
      evaluate();
    });

  // SPAs change the URL with pushState/replaceState, which fire no event: wrap them.
  const history = view.history;
  const originals = { pushState: history.pushState, replaceState: history.replaceState };
  const patched: Partial<History> = {};
  const autoStart = options.autoStart !== false;
  if (autoStart) {
    for (const name of ['pushState', 'replaceState'] as const) {
      patched[name] = function (this: History, ...args: Parameters<History['pushState']>) {
        originals[name].apply(this, args);
        onNavigate();
      };
      history[name] = patched[name];
    }
    view.addEventListener('popstate', onNavigate);
    view.addEventListener('hashchange', onNavigate);
    document.addEventListener('click', onClick, true);
  }

  /** The API never throws into the page: an error is logged and `fallback` returned (nothing for the methods that return nothing). */
  const guard =
    <A extends unknown[], R = void>(action: (...args: A) => R, fallback?: R) =>
    (...args: A): R => {
      try {
        return destroyed ? (fallback as R) : action(...args);
      } catch (error) {
        report(error);
        return fallback as R;
      }
    };
  const exclusive = () => EXCLUSIVE.map((kind) => [...running.values()].find((flow) => flow.flow.kind === kind)).find(Boolean);

  const player: Player = {
    start: guard(start, false),
    stop: guard(() => exclusive()?.stop('api')),
    next: guard(() => exclusive()?.next?.()),
    back: guard(() => exclusive()?.back?.()),
    track: guard((name: string) => [...running.values()].forEach((flow) => flow.track?.(name))),
    reset: guard((flowId?: string) => (flowId ? [flowId] : bundle.flows.map((flow) => flow.id)).forEach(frequency.reset)),
    setLocale: guard((requested: string) => {
      setLocale(requested);
      running.forEach((flow) => flow.refresh?.());
    }),
    openResourceCenter: guard(() => panel(true)),
    closeResourceCenter: guard(() => panel(false)),
    on(type, listener) {
      const entry = { type, listener: listener as PlayerEventListener<never> };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    destroy: guard(() => {
      destroyed = true;
      running.forEach((flow) => flow.stop('api'));
      running.clear();
      timers.forEach((timer) => view.clearTimeout(timer));
      for (const name of ['pushState', 'replaceState'] as const) if (history[name] === patched[name]) history[name] = originals[name];
      view.removeEventListener('popstate', onNavigate);
      view.removeEventListener('hashchange', onNavigate);
      document.removeEventListener('click', onClick, true);
      host?.remove();
      listeners.clear();
    }),
  };

  setLocale(options.locale ?? view.navigator?.language ?? defaultLocale);
  if (options.onEvent) player.on('*', options.onEvent);
  if (autoStart) guard(evaluate)();
  return player;
}
