import type { ChecklistItem } from '../bundleTypes';
import type { RunFlow } from '../context';
import { dock } from '../layout/dock';
import css from '../styles/checklist.css?raw';

/** A tour's card or backdrop in the overlay: a tour is on screen. */
const TOUR_ON_SCREEN = '.card:not(.hot, .list, .survey), .spot';

/**
 * A launcher button and a panel of items with progress; completed items are remembered per user.
 * While a tour runs the panel folds into its launcher, and opens again when the tour is over.
 */
export const runChecklist: RunFlow = (flow, context, end) => {
  if (flow.kind !== 'checklist') throw new Error('not a checklist');
  const body = flow.checklist;
  const { h, safeUrl, markdown, urlRuleMatches } = context.kit;
  const dirOf = context.kit.fallbackDirection(context);
  const view = context.document.defaultView!;
  const done = new Set(context.frequency.read(flow.id).items ?? []);
  let open = done.size === 0;
  let ended = false;
  // Tours on screen (by flow id), and whether the panel was open when the first of them started.
  const tours = new Set<string>();
  let reopen = false;
  context.style(css);
  const layer = context.layer();
  const panelId = `list-${flow.id}`;
  const titleId = `${panelId}-title`;
  const launcher = h('button', { type: 'button', className: 'launch', 'aria-controls': panelId, dir: context.dir });
  const panel = h('section', { className: 'card list', id: panelId, role: 'dialog', dir: context.dir });
  const docked = dock(context, body.launcher.position, launcher, panel);
  docked.slot.classList.add('fits'); // the panel scrolls when its corner runs out of height
  // Started after a tour that is already on screen (this chunk loads lazily): fold at once.
  if ([...layer.children].some((node) => node.matches(TOUR_ON_SCREEN))) touring('', true);
  launcher.addEventListener('click', () => toggle(!open));
  panel.addEventListener('keydown', (event) => event.key === 'Escape' && toggle(false));

  const remove = () => docked.remove();
  const finish: Parameters<RunFlow>[2] = (outcome) => {
    remove();
    if (!ended) end(outcome);
    ended = true;
  };

  /** A tour started or ended: the panel folds away while any tour is on screen. */
  function touring(flowId: string, started: boolean): void {
    if (started) {
      if (tours.has(flowId)) return; // the next step of a tour already folded for
      if (!tours.size) reopen = open;
      tours.add(flowId);
      open = false;
    } else {
      // A tour found on screen at start has no known id ('') : it is over when any tour ends.
      const known = tours.delete(flowId);
      if (!(tours.delete('') || known) || tours.size) return;
      open = reopen && !ended;
    }
    render();
    // Back after the tour: focus returns where it was when the tour began, or else to the list.
    const active = context.document.activeElement;
    if (open && (!active || active === context.document.body)) panel.querySelector<HTMLElement>('.item')?.focus({ preventScroll: true });
  }

  function toggle(next: boolean): void {
    open = next;
    render();
    if (open) panel.querySelector<HTMLElement>('.item')?.focus({ preventScroll: true });
    else launcher.focus({ preventScroll: true });
  }

  function complete(item: ChecklistItem): void {
    if (done.has(item.id) || ended) return;
    done.add(item.id);
    context.frequency.update(flow.id, { items: [...done] });
    context.emit('checklist_item_completed', flow, { itemId: item.id });
    if (done.size === body.items.length) {
      open = true;
      ended = true; // reported now; the panel stays to show the completion message
      end('completed');
    }
    render();
  }

  function act(item: ChecklistItem): void {
    const { action } = item;
    if (item.doneWhen.kind === 'clicked') complete(item);
    if (action.kind === 'startFlow') {
      // A tour folds the panel itself and opens it again when it is over; anything else just starts.
      if (context.bundle.flows.find((other) => other.id === action.flowId)?.kind !== 'tour') toggle(false);
      context.start(action.flowId);
    } else if (action.kind === 'openUrl') {
      const url = safeUrl(action.url);
      if (url && action.newTab) view.open(url, '_blank', 'noopener');
      else if (url) view.location.assign(url);
    }
  }

  function render(): void {
    const total = body.items.length;
    // Styles go through the CSSOM: pages whose CSP forbids inline style attributes still allow it.
    const fill = h('div');
    fill.style.width = `${total ? (100 * done.size) / total : 0}%`;
    launcher.replaceChildren(context.t(body.launcher.label) || context.t(body.title), h('span', { className: 'count' }, `${done.size}/${total}`));
    launcher.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    const allDone = done.size === total;
    panel.replaceChildren(
      body.dismissible || allDone ? h('button', { type: 'button', className: 'x', 'aria-label': 'Close', onclick: () => finish({ reason: 'close' }) }, '×') : '',
      h('h2', { id: titleId, dir: dirOf(body.title) }, context.t(body.title)),
      allDone ? h('div', { role: 'status', dir: dirOf(body.completionMessage) }, markdown(context.t(body.completionMessage))) : h('div', { dir: dirOf(body.description) }, markdown(context.t(body.description))),
      // Named by the checklist's title; the value read out is the same "1/3" as the launcher's count.
      h('div', { className: 'bar', role: 'progressbar', 'aria-labelledby': titleId, 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': done.size, 'aria-valuetext': `${done.size}/${total}` }, fill),
      h(
        'ul',
        { className: 'items' },
        ...body.items.map((item) =>
          h(
            'li',
            { className: done.has(item.id) ? 'done' : '' },
            h(
              'button',
              { type: 'button', className: 'item', onclick: () => act(item) },
              h('span', { className: 'check', 'aria-hidden': 'true' }, done.has(item.id) ? '✓' : ''),
              h('span', null, h('span', { className: 'label', dir: dirOf(item.label) }, context.t(item.label)), h('span', { className: 'hidden' }, done.has(item.id) ? ' (done)' : ''), h('span', { className: 'desc', dir: dirOf(item.description) }, context.t(item.description))),
            ),
          ),
        ),
      ),
    );
    panel.setAttribute('aria-label', context.t(body.title));
  }

  const visited = (url: string) => body.items.forEach((item) => item.doneWhen.kind === 'urlVisited' && urlRuleMatches(item.doneWhen.rule, url) && complete(item));
  render();
  visited(view.location.href);
  return {
    flow,
    stop: (reason) => finish({ reason }),
    refresh: render,
    navigated: visited,
    track: (name) => body.items.forEach((item) => item.doneWhen.kind === 'event' && item.doneWhen.name === name && complete(item)),
    observe(event) {
      if (event.flowKind === 'tour' && (event.type === 'flow_started' || event.type === 'step_viewed')) touring(event.flowId, true);
      if (event.flowKind === 'tour' && (event.type === 'flow_completed' || event.type === 'flow_dismissed')) touring(event.flowId, false);
      if (event.type !== 'flow_completed') return;
      body.items.forEach((item) => item.doneWhen.kind === 'flowCompleted' && item.doneWhen.flowId === event.flowId && complete(item));
    },
  };
};

/** The player loads each kind alike, by its default export (createPlayer.ts). */
export default runChecklist;
