import type { BundleTourStep, LocalizedText } from '../bundleTypes';
import type { PlayContext } from '../context';
import { h, safeUrl } from '../dom';
import { fallbackDirection } from '../fallbackDirection';
import { markdown } from '../markdown';

let uniqueId = 0;

export interface CardActions {
  next(): void;
  back(): void;
  close(): void;
}

/** A tooltip or modal card: title, safe markdown body, image, progress and buttons. Shared by tours and hotspots. */
export function stepCard(
  context: PlayContext,
  content: { title: LocalizedText; body: LocalizedText; imageUrl?: string | undefined; closable: boolean; buttons?: BundleTourStep['buttons']; progress?: string },
  actions: CardActions,
  modal: boolean,
): { card: HTMLElement; arrow: HTMLElement } {
  const id = `sw-${++uniqueId}`;
  const dirOf = fallbackDirection(context);
  const image = content.imageUrl && safeUrl(content.imageUrl);
  const buttons = (content.buttons ?? []).map((button) => {
    const label = context.t(button.label);
    if (button.action === 'link') {
      const href = safeUrl(button.url);
      return href && h('a', { className: 'btn', href, target: '_blank', rel: 'noopener noreferrer', dir: dirOf(button.label) }, label);
    }
    return h('button', { type: 'button', className: `btn${button.action === 'next' ? ' primary' : ''}`, onclick: actions[button.action], dir: dirOf(button.label) }, label);
  });
  const arrow = h('div', { className: 'arrow' });
  const card = h(
    'div',
    {
      className: `card${modal ? ' modal' : ''}`,
      role: 'dialog',
      'aria-modal': String(modal),
      'aria-labelledby': `${id}t`,
      'aria-describedby': `${id}b`,
      tabindex: -1,
      dir: context.dir,
    },
    content.closable && h('button', { type: 'button', className: 'x', 'aria-label': 'Close', onclick: actions.close }, '×'),
    image && h('img', { src: image, alt: '' }),
    h('h2', { id: `${id}t`, dir: dirOf(content.title) }, context.t(content.title)),
    h('div', { id: `${id}b`, dir: dirOf(content.body) }, markdown(context.t(content.body))),
    (content.progress || buttons.length > 0) && h('div', { className: 'foot' }, h('span', { className: 'prog' }, content.progress), ...buttons),
    !modal && arrow,
  );
  card.addEventListener('keydown', (event) => {
    const forward = context.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = context.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === 'Escape' && content.closable) actions.close();
    else if (event.key === forward && content.buttons?.some((b) => b.action === 'next')) actions.next();
    else if (event.key === backward && content.buttons?.some((b) => b.action === 'back')) actions.back();
    else if (event.key === 'Tab' && modal) trapFocus(card, event);
    else return;
    event.stopPropagation();
  });
  return { card, arrow };
}

/** Keeps Tab inside a modal card. */
function trapFocus(card: HTMLElement, event: KeyboardEvent): void {
  const focusable = [...card.querySelectorAll<HTMLElement>('button, a[href]')];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const active = (card.getRootNode() as ShadowRoot).activeElement;
  if (!first || !last) return event.preventDefault();
  if (event.shiftKey && (active === first || active === card)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/** Focuses the card's main button (or the card), without scrolling the page. */
export function focusCard(card: HTMLElement): void {
  (card.querySelector<HTMLElement>('.primary') ?? card).focus({ preventScroll: true });
}
