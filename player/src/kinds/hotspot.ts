import type { RunFlow } from '../context';
import { placeBeacon, placeHotspotCard } from '../layout/hotspotLayout';
import css from '../styles/hotspot.css?raw';

/** A pulsing beacon on an element; it opens a tooltip on hover or click. Closing the tooltip completes it. */
export const runHotspot: RunFlow = (flow, context, end) => {
  const body = flow.kind === 'hotspot' ? flow.hotspot : null;
  const { h, follow, place, stepCard, focusCard } = context.kit;
  let controller = new AbortController();
  const disposers: (() => void)[] = [];
  let cardDisposers: (() => void)[] = [];
  let beacon: HTMLButtonElement | null = null;
  const clear = () => {
    controller.abort();
    controller = new AbortController();
    closeCard();
    disposers.splice(0).forEach((dispose) => dispose());
  };
  const finish: Parameters<RunFlow>[2] = (outcome) => {
    clear();
    end(outcome);
  };
  const closeCard = () => {
    cardDisposers.splice(0).forEach((dispose) => dispose());
    beacon?.setAttribute('aria-expanded', 'false');
  };
  const show = () => {
    if (!body?.anchor) return finish({ reason: 'target_not_found' });
    const { anchor } = body;
    const { signal } = controller;
    void context.locate(anchor, 5_000, signal, { flowId: flow.id }).then((located) => {
      if (signal.aborted) return;
      if (!located.found) {
        context.emit('target_not_found', flow, { selectors: anchor.selectors, reason: located.reason, action: 'hide' });
        return finish({ reason: 'target_not_found' });
      }
      if (located.recovered) context.emit('target_recovered', flow, { selectors: anchor.selectors, ...located.recovered });
      const found = located.found;
      context.style(css);
      const { size, offset, pulse, color } = body.beacon;
      const layer = context.layer(found.element);
      const button = (beacon = h('button', {
        type: 'button',
        className: `beacon${pulse ? ' pulse' : ''}`,
        'aria-label': context.t(body.title) || flow.name,
        'aria-expanded': 'false',
      }));
      // Property by property: a value can never add a declaration of its own.
      const style = button.style;
      if (color) style.setProperty('--sw-beacon', color);
      style.width = style.height = `${size}px`;
      layer.append(button);
      disposers.push(
        () => button.remove(),
        follow(found.target, [button], () => placeBeacon(button, found.target.getBoundingClientRect(), size, offset)),
      );
      const open = () => {
        if (cardDisposers.length) return;
        const { card, arrow } = stepCard(context, { ...body, closable: true }, { close: () => finish('completed'), next() {}, back() {} }, false);
        card.classList.add('hot');
        layer.append(card);
        button.setAttribute('aria-expanded', 'true');
        // Beside the target and its beacon together, never over them, and clear of the docked widgets.
        const both = {
          getBoundingClientRect() {
            const a = found.target.getBoundingClientRect();
            const b = button.hidden ? a : button.getBoundingClientRect();
            const [left, top] = [Math.min(a.left, b.left), Math.min(a.top, b.top)];
            return new DOMRect(left, top, Math.max(a.right, b.right) - left, Math.max(a.bottom, b.bottom) - top);
          },
        };
        const docks = () => [...layer.children].filter((node) => node.classList.contains('dock')).map((node) => node.getBoundingClientRect());
        cardDisposers = [() => card.remove(), follow(both, [button, card], () => placeHotspotCard(place, both, card, body.placement, arrow, docks))];
        if (body.openOn === 'click') focusCard(card);
        else card.addEventListener('mouseleave', closeCard);
      };
      if (body.openOn === 'hover') {
        button.addEventListener('mouseenter', open);
        button.addEventListener('focus', open);
      }
      button.addEventListener('click', () => (cardDisposers.length && body.openOn === 'click' ? closeCard() : open()));
    });
  };
  show();
  return { flow, stop: (reason) => finish({ reason }), refresh: () => (clear(), show()) };
};

/** The player loads each kind alike, by its default export (createPlayer.ts). */
export default runHotspot;
