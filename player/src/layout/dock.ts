import type { PlayContext } from '../context';
import css from '../styles/dock.css?raw';
import { keepClear } from './keepClear';

/** A screen corner as authored; in right-to-left locales left and right swap. */
export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** Where an authored corner is on screen: bottom-right in English is bottom-left in Hebrew. */
export function mirrored(corner: Corner, dir: 'ltr' | 'rtl'): Corner {
  return dir === 'rtl' ? (corner.replace(/right|left/, (side) => (side === 'right' ? 'left' : 'right')) as Corner) : corner;
}

/**
 * Puts a widget's nodes in the dock of its corner, after (further from the corner than) the
 * widgets already there, so the checklist and a survey in one corner stack instead of covering
 * each other. The dock lives in the player's overlay (one per player, nothing module-wide) and
 * steps out of the way of a tour (keepClear). Returns the slot the nodes are in and its removal.
 */
export function dock(context: PlayContext, authored: Corner, ...nodes: HTMLElement[]): { slot: HTMLElement; remove(): void } {
  context.style(css);
  const layer = context.layer();
  const [vertical, horizontal] = mirrored(authored, context.dir).split('-') as [string, string];
  let corner = [...layer.children].find((node) => node.matches(`.dock.${vertical}.${horizontal}`)) as HTMLElement | undefined;
  if (!corner) {
    corner = context.kit.h('div', { className: `dock ${vertical} ${horizontal}` });
    layer.append(corner);
    keepClear(layer);
  }
  const slot = context.kit.h('div', { className: 'slot' });
  slot.append(...nodes);
  corner.append(slot);
  const home = corner;
  return {
    slot,
    remove() {
      slot.remove();
      if (!home.children.length) home.remove();
    },
  };
}
