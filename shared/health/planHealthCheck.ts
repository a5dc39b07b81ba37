import type { Anchor } from '../model/anchor';
import type { Project } from '../model/project';
import { pickText } from '../model/localizedText';
import type { HealthPlan, PlannedScreen, UncheckedAnchor } from './flowHealth';

/** What the check needs of a project: each URL screen with the anchors placed on it (`screenIds`: only those). */
export function planHealthCheck(project: Project, options: { screenIds?: readonly string[] } = {}): HealthPlan {
  const screens = new Map<string, PlannedScreen>();
  const unchecked: UncheckedAnchor[] = [];
  const flows: HealthPlan['flows'] = [];
  const defaultLocale = project.locales.defaultLocale;
  const wanted = options.screenIds ? new Set(options.screenIds) : null;
  for (const screen of project.screens) {
    if (screen.source.kind !== 'url' || (wanted && !wanted.has(screen.id))) continue;
    screens.set(screen.id, { screenId: screen.id, name: screen.name, source: screen.source, image: screen.image, anchors: [] });
  }

  let counted = 0;
  const add = (flowId: string, itemId: string | undefined, label: string, anchor: Anchor) => {
    const screen = anchor.screenId ? project.screens.find((each) => each.id === anchor.screenId) : undefined;
    const planned = anchor.screenId ? screens.get(anchor.screenId) : undefined;
    const item = itemId ? { itemId } : {};
    if (planned && anchor.box) {
      counted++;
      planned.anchors.push({ flowId, ...item, label, selectors: [...anchor.selectors], ...(anchor.fingerprint ? { fingerprint: anchor.fingerprint } : {}), box: anchor.box });
      return;
    }
    // Screens left out on purpose (--screen) are not reported as unchecked anchors.
    if (screen && wanted && !wanted.has(screen.id)) return;
    const reason = !screen || !anchor.box ? 'it is not placed on a screen, so there is no page to check it on' : 'its screen was added from an image, so there is no page to load';
    counted++;
    unchecked.push({ flowId, ...item, label, reason });
  };

  for (const flow of project.flows) {
    const before = counted;
    if (flow.kind === 'tour') {
      flow.tour.steps.forEach((step, index) => {
        if (!step.anchor) return;
        const title = pickText(step.title, defaultLocale, defaultLocale).trim();
        add(flow.id, step.id, `${flow.name} › step ${index + 1}${title ? ` “${title.slice(0, 80)}”` : ''}`, step.anchor);
      });
    } else if (flow.kind === 'hotspot' && flow.hotspot.anchor) {
      add(flow.id, undefined, `${flow.name} › hotspot`, flow.hotspot.anchor);
    }
    if (counted > before) flows.push({ flowId: flow.id, name: flow.name });
  }
  // Every URL screen is loaded, anchored or not: a screen that no longer loads is worth knowing about.
  return { screens: [...screens.values()], unchecked, flows };
}

/** "https://app.example.com:8443" of an absolute URL; undefined for anything else. (shared/ has no URL class.) */
export function originOf(url: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0];
}

/** The address to load for a screen: its recorded start (or captured) URL, on `baseUrl`'s origin when one is given. */
export function checkedUrl(url: string, baseUrl?: string): string {
  if (!baseUrl) return url;
  const origin = originOf(url);
  const rest = origin ? url.slice(origin.length) : '';
  return `${baseUrl.replace(/\/$/, '')}${rest.startsWith('/') || !rest ? rest || '/' : `/${rest}`}`;
}
