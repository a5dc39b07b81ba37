import type { RunFlow } from '../context';
import type { PlayerEventMap } from '../events';
import { dock } from '../layout/dock';
import css from '../styles/survey.css?raw';

type Band = PlayerEventMap['survey_answered']['band'];
const bandOf = (score: number): Band => (score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter');
let uniqueId = 0;

/** An NPS survey: 0-10 (arrow keys move along the scale), a follow-up question per band, then thanks. */
export const runSurvey: RunFlow = (flow, context, end) => {
  if (flow.kind !== 'survey') throw new Error('not a survey');
  const survey = flow.survey;
  const { h, focusCard } = context.kit;
  const dirOf = context.kit.fallbackDirection(context);
  const view = context.document.defaultView!;
  const id = `sw-q${++uniqueId}`;
  const centered = survey.position === 'center';
  let answered = false;
  let score = -1;
  let timer = 0;
  context.style(css);
  const layer = context.layer();
  const card = h('div', { className: `card survey${centered ? ' modal' : ''}`, role: 'dialog', 'aria-labelledby': id, tabindex: -1, dir: context.dir });
  // Centred: over a dim of its own, under a tour's. In a corner: docked with the corner's other widgets.
  const dim = centered ? h('div', { className: 'dim sdim' }) : null;
  if (dim) layer.append(dim, card);
  const docked = survey.position === 'center' ? null : dock(context, survey.position, card);

  const remove = () => {
    view.clearTimeout(timer);
    dim?.remove();
    card.remove();
    docked?.remove();
  };
  const close = h('button', { type: 'button', className: 'x', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', () => {
    remove();
    if (!answered) end({ reason: 'close' });
  });
  card.addEventListener('keydown', (event) => event.key === 'Escape' && close.click());

  function submit(comment: string): void {
    answered = true;
    context.emit('survey_answered', flow, { score, band: bandOf(score), comment });
    end('completed');
    card.replaceChildren(close, h('h2', { id, role: 'status', dir: dirOf(survey.thankYou) }, context.t(survey.thankYou)));
    timer = view.setTimeout(remove, 4_000);
  }

  function followUp(): void {
    const asked = survey.followUps[bandOf(score)];
    const question = context.t(asked);
    if (!question) return submit('');
    const field = h('textarea', { 'aria-labelledby': id, maxlength: 2_000 });
    card.replaceChildren(
      close,
      h('h2', { id, dir: dirOf(asked) }, question),
      field,
      h('div', { className: 'foot' }, h('span', { className: 'prog' }), h('button', { type: 'button', className: 'btn primary', onclick: () => submit(field.value.trim()) }, 'Send')),
    );
    field.focus();
  }

  function ask(): void {
    const scores = Array.from({ length: 11 }, (_, n) =>
      h('button', { type: 'button', role: 'radio', className: 'score', 'aria-checked': String(n === score), tabindex: n === Math.max(score, 0) ? 0 : -1, onclick: () => ((score = n), followUp()) }, n),
    );
    const scale = h('div', { className: 'scale', role: 'radiogroup', 'aria-labelledby': id }, ...scores);
    // Arrows move the way they point: in right-to-left locales 0 sits on the right.
    const flip = context.dir === 'rtl' ? -1 : 1;
    scale.addEventListener('keydown', (event) => {
      const step = { ArrowRight: flip, ArrowUp: 1, ArrowLeft: -flip, ArrowDown: -1 }[event.key];
      if (step) {
        event.preventDefault();
        score = Math.min(10, Math.max(0, (score < 0 ? (step > 0 ? -1 : 11) : score) + step));
        scores.forEach((button, n) => {
          button.setAttribute('aria-checked', String(n === score));
          button.tabIndex = n === score ? 0 : -1;
        });
        scores[score]!.focus(); // Enter or Space then clicks it: the score is chosen
      }
    });
    card.replaceChildren(close, h('h2', { id, dir: dirOf(survey.question) }, context.t(survey.question)), scale, h('div', { className: 'ends' }, h('span', { dir: dirOf(survey.lowLabel) }, context.t(survey.lowLabel)), h('span', { dir: dirOf(survey.highLabel) }, context.t(survey.highLabel))));
  }

  ask();
  focusCard(card);
  return {
    flow,
    stop(reason) {
      remove();
      if (!answered) end({ reason });
    },
    refresh: () => answered || ask(),
  };
};

/** The player loads each kind alike, by its default export (createPlayer.ts). */
export default runSurvey;
