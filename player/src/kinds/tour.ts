import type { BundleTourStep } from '../bundleTypes';
import type { RunFlow } from '../context';
import { h } from '../dom';
import type { Found } from '../findTarget';
import { reveal } from '../layout/reveal';
import { follow, place } from '../position';
import { buttonsAt } from './stepButtons';
import { focusCard, stepCard } from './stepCard';

/** Plays a tour: one step at a time, each a tooltip at its target or a modal. */
export const runTour: RunFlow = (flow, context, end) => {
  const steps = flow.kind === 'tour' ? flow.tour.steps : [];
  const returnFocus = context.document.activeElement as HTMLElement | null;
  let index = -1;
  let controller = new AbortController();
  const disposers: (() => void)[] = [];

  const clear = () => {
    controller.abort();
    controller = new AbortController();
    for (const dispose of disposers.splice(0)) dispose();
  };

  const finish: Parameters<RunFlow>[2] = (outcome) => {
    clear();
    returnFocus?.focus?.({ preventScroll: true });
    end(outcome);
  };

  const info = () => ({ stepId: steps[index]!.id, stepIndex: index, stepCount: steps.length });
  const next = () => {
    if (index < 0) return;
    context.emit('step_completed', flow, info());
    show(index + 1, 1);
  };
  const back = () => {
    if (index > 0) show(index - 1, -1);
  };
  const close = () => finish({ reason: 'close', ...info() });

  function draw(step: BundleTourStep, found: Found | null): void {
    const layer = context.layer(found?.element);
    const buttons = buttonsAt(step, index, steps.length, context.t, context.bundle.locales.defaultLocale);
    const { card, arrow } = stepCard(
      context,
      { ...step, buttons, progress: step.showProgress && steps.length > 1 ? `${index + 1}/${steps.length}` : '' },
      { next, back, close },
      !found,
    );
    const parts: Element[] = [card];
    if (step.backdrop) parts.unshift(h('div', { className: found ? 'spot' : 'dim' }));
    layer.append(...parts);
    disposers.push(() => parts.forEach((part) => part.remove()));
    if (found) {
      reveal(found.element, card, !context.reducedMotion());
      const spot = step.backdrop ? (parts[0] as HTMLElement) : null;
      disposers.push(
        follow(found.target, [card], () => {
          const rect = found.target.getBoundingClientRect();
          const pad = step.spotlightPadding;
          if (spot) Object.assign(spot.style, { left: `${rect.x - pad}px`, top: `${rect.y - pad}px`, width: `${rect.width + 2 * pad}px`, height: `${rect.height + 2 * pad}px` });
          place(found.target, card, step.placement, step.alignment, arrow, 12 + pad / 2);
        }),
      );
      if (step.advanceOn.kind === 'targetClick') {
        found.element.addEventListener('click', next, true);
        disposers.push(() => found.element.removeEventListener('click', next, true));
      }
    }
    focusCard(card);
    context.emit('step_viewed', flow, info());
  }

  function show(target: number, direction: 1 | -1): void {
    clear();
    if (target >= steps.length) return finish('completed');
    index = Math.max(0, target);
    if (target < 0) direction = 1;
    const step = steps[index]!;
    if (step.type === 'modal' || !step.anchor) return draw(step, null);
    const { anchor, missingTarget } = step;
    const signal = controller.signal;
    void context.locate(anchor, missingTarget.waitMs, signal, { flowId: flow.id, stepId: step.id }).then((located) => {
      if (signal.aborted) return;
      if (located.found) {
        if (located.recovered) context.emit('target_recovered', flow, { stepId: step.id, selectors: anchor.selectors, ...located.recovered });
        return draw(step, located.found);
      }
      context.emit('target_not_found', flow, { stepId: step.id, selectors: anchor.selectors, reason: located.reason, action: missingTarget.then });
      if (missingTarget.then === 'center') draw(step, null);
      else if (missingTarget.then === 'skip') show(index + direction, direction);
      else finish({ reason: 'target_not_found', ...info() });
    });
  }

  show(0, 1);
  return {
    flow,
    next,
    back,
    stop: (reason) => finish({ reason, ...(index >= 0 ? info() : {}) }),
    track(name) {
      const step = steps[index];
      if (step?.advanceOn.kind === 'event' && step.advanceOn.name === name) next();
    },
    refresh: () => show(index, 1),
  };
};
