/**
 * The script of the flow health report page. It runs in whoever opens the report, is embedded as
 * source text (Function.prototype.toString), so it must not use anything from outside itself.
 * Every element is built with DOM calls and textContent: no authored or captured text becomes HTML.
 */
export type ReportStepStatus = 'ok' | 'moved' | 'changed' | 'ambiguous' | 'missing' | 'unchecked';

export interface ReportImage {
  src: string;
  width: number;
  height: number;
}

export interface ReportStep {
  label: string;
  status: ReportStepStatus;
  reason?: string;
  screenName?: string;
  foundBy?: 'selector' | 'alternate' | 'fingerprint';
  score?: number;
  selectors?: string[];
  suggestion?: string[];
  captured?: ReportImage;
  fresh?: ReportImage;
  /** Set when the fresh thumbnail shows the captured area because the element was not found there. */
  freshNote?: string;
}

export interface ReportFlow {
  name: string;
  verdict: 'ok' | 'attention' | 'broken' | 'unchecked';
  counts: Record<ReportStepStatus, number>;
  steps: ReportStep[];
}

export interface ReportScreen {
  name: string;
  url: string;
  status: 'checked' | 'failed';
  error?: string;
  notices: string[];
  ms: number;
  anchors: number;
  problems: number;
  captured?: ReportImage;
  fresh?: ReportImage;
}

export interface ReportData {
  title: string;
  checkedAt: string;
  baseUrl?: string;
  ms: number;
  flows: ReportFlow[];
  screens: ReportScreen[];
  /** Thumbnails that could not be made, and why. */
  notes: string[];
}

export function runHealthReport(data: ReportData): void {
  const STATUS: Record<ReportStepStatus, { icon: string; words: string; hint: string }> = {
    ok: { icon: '✓', words: 'OK', hint: 'Found where it was captured.' },
    moved: { icon: '↔', words: 'Moved', hint: 'The same element, in another place: the step still plays there.' },
    changed: { icon: '!', words: 'Changed', hint: 'Found, but its selectors are stale: re-anchor with the suggestion.' },
    ambiguous: { icon: '?', words: 'Ambiguous', hint: 'Several elements fit equally well: the player will not guess.' },
    missing: { icon: '✕', words: 'Missing', hint: 'Nothing on the page fits: users will not see this step.' },
    unchecked: { icon: '–', words: 'Not checked', hint: 'There was no page to check it on.' },
  };
  const VERDICT: Record<ReportFlow['verdict'], string> = { broken: 'Broken', attention: 'Needs attention', unchecked: 'Not checked', ok: 'Plays as authored' };
  // The same words as the CLI and the app: no "first selector" or "fingerprint" for people.
  const FOUND_BY: Record<string, string> = { selector: 'its main selector', alternate: 'a fallback selector', fingerprint: 'what it looks like' };
  const PROBLEMS: ReportStepStatus[] = ['changed', 'ambiguous', 'missing', 'unchecked'];

  const el = (tag: string, className?: string, ...children: Array<Node | string | null | undefined | false>) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) if (child) node.append(child);
    return node;
  };
  const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
  const when = (() => {
    const date = new Date(data.checkedAt);
    return Number.isNaN(date.getTime()) ? data.checkedAt : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  })();

  const chip = (status: ReportStepStatus) => {
    const node = el('span', `chip s-${status}`, el('span', 'icon', STATUS[status].icon), STATUS[status].words);
    node.title = STATUS[status].hint;
    return node;
  };
  const verdictChip = (verdict: ReportFlow['verdict']) => el('span', `chip v-${verdict}`, VERDICT[verdict]);

  const figure = (caption: string, of: string, image: ReportImage | undefined, empty: string, note?: string) => {
    const frame = el('div', 'frame');
    if (image) {
      const img = document.createElement('img');
      img.src = image.src;
      img.width = image.width;
      img.height = image.height;
      img.alt = `${caption} screenshot: ${of}${note ? ` (${note.toLowerCase()})` : ''}`;
      // Not lazy: a printed report needs every image, and data URLs cost no request.
      img.decoding = 'async';
      frame.append(img);
      if (note) frame.append(el('span', 'overlay', note));
    } else {
      frame.classList.add('empty');
      frame.append(el('span', 'placeholder', empty));
    }
    return el('figure', 'thumb', frame, el('figcaption', '', caption));
  };

  const selectorList = (title: string, selectors: string[] | undefined, className: string) => {
    if (!selectors?.length) return null;
    const list = el('ol', 'selectors');
    for (const selector of selectors) list.append(el('li', '', el('code', '', selector)));
    return el('div', `selector-block ${className}`, el('div', 'selector-title', title), list);
  };

  const stepRow = (step: ReportStep) => {
    const details: Array<Node | string> = [];
    if (step.foundBy) details.push(`Found by ${FOUND_BY[step.foundBy] ?? step.foundBy}${typeof step.score === 'number' ? ` (${Math.round(step.score * 100)} % match)` : ''}.`);
    if (step.screenName) details.push(el('span', 'muted', `Screen: ${step.screenName}`));
    const text = el(
      'div',
      'step-text',
      el('div', 'step-head', chip(step.status), el('span', 'step-label', step.label)),
      step.reason ? el('p', 'reason', step.reason) : null,
      details.length ? el('p', 'details', ...details.flatMap((part, index) => (index ? [' · ', part] : [part]))) : null,
      selectorList('Suggested selectors', step.suggestion, 'suggested'),
      step.suggestion?.length ? selectorList('Selectors now', step.selectors, 'current') : null,
    );
    const thumbs = el(
      'div',
      'thumbs',
      // An anchor that is on no screen has nothing to show.
      step.screenName ? figure('Captured', step.label, step.captured, 'No captured screenshot') : null,
      step.status === 'unchecked' ? null : figure('Fresh', step.label, step.fresh, 'No fresh screenshot', step.freshNote),
    );
    const row = el('li', `step${PROBLEMS.includes(step.status) ? ' problem' : ''}`, text, thumbs);
    row.dataset.status = step.status;
    return row;
  };

  const countsLine = (counts: Record<ReportStepStatus, number>) => {
    const parts = (Object.keys(STATUS) as ReportStepStatus[]).filter((status) => counts[status]).map((status) => `${counts[status]} ${STATUS[status].words.toLowerCase()}`);
    return parts.join(' · ') || 'no steps';
  };

  const flowCard = (flow: ReportFlow) => {
    const total = Object.values(flow.counts).reduce((sum, count) => sum + count, 0);
    const heading = el('div', 'flow-head', el('h3', '', flow.name), verdictChip(flow.verdict));
    const list = el('ol', 'steps');
    for (const step of flow.steps) list.append(stepRow(step));
    const card = el('section', `card flow${flow.verdict === 'ok' ? '' : ' problem'}`, heading, el('p', 'counts', `${plural(total, 'anchor')}: ${countsLine(flow.counts)}`), list);
    card.dataset.verdict = flow.verdict;
    card.setAttribute('aria-label', `Flow ${flow.name}`);
    return card;
  };

  const screenRow = (screen: ReportScreen) => {
    const url = /^https?:\/\//i.test(screen.url) ? Object.assign(el('a', 'url', screen.url) as HTMLAnchorElement, { href: screen.url, rel: 'noopener noreferrer', target: '_blank' }) : el('span', 'url', screen.url);
    const status = el('span', `chip ${screen.status === 'failed' ? 's-missing' : screen.problems ? 's-changed' : 's-ok'}`, screen.status === 'failed' ? 'Failed' : screen.problems ? `Checked · ${plural(screen.problems, 'problem')}` : 'Checked');
    const notices = screen.notices.length ? el('ul', 'notices', ...screen.notices.map((notice) => el('li', '', notice))) : null;
    const text = el(
      'div',
      'step-text',
      el('div', 'step-head', status, el('span', 'step-label', screen.name)),
      url,
      screen.error ? el('p', 'reason error', screen.error) : null,
      el('p', 'details', `${plural(screen.anchors, 'anchor')} · ${seconds(screen.ms)}`),
      notices,
    );
    const row = el('li', `step screen${screen.status === 'failed' || screen.problems ? ' problem' : ''}`, text, el('div', 'thumbs', figure('Captured', screen.name, screen.captured, 'No captured screenshot'), figure('Fresh', screen.name, screen.fresh, screen.status === 'failed' ? 'The page did not load' : 'No fresh screenshot')));
    row.dataset.status = screen.status;
    row.setAttribute('aria-label', `Screen ${screen.name}`);
    return row;
  };

  // The summary: what a reader needs before scrolling.
  const verdicts = { broken: 0, attention: 0, unchecked: 0, ok: 0 };
  const steps: Record<ReportStepStatus, number> = { ok: 0, moved: 0, changed: 0, ambiguous: 0, missing: 0, unchecked: 0 };
  for (const flow of data.flows) {
    verdicts[flow.verdict]++;
    for (const status of Object.keys(steps) as ReportStepStatus[]) steps[status] += flow.counts[status];
  }
  const failedScreens = data.screens.filter((screen) => screen.status === 'failed').length;
  const headline = verdicts.broken
    ? `${plural(verdicts.broken, 'flow is', 'flows are')} broken`
    : verdicts.attention
      ? `${plural(verdicts.attention, 'flow needs', 'flows need')} attention`
      : failedScreens
        ? `${plural(failedScreens, 'screen')} could not be checked`
        : verdicts.unchecked
          ? `${plural(verdicts.unchecked, 'flow')} could not be checked`
          : data.flows.length === 1
            ? 'The flow plays as authored'
            : data.flows.length
              ? `All ${data.flows.length} flows play as authored`
              : 'No flows to check';
  const tone = verdicts.broken || failedScreens ? 'bad' : verdicts.attention || verdicts.unchecked ? 'warn' : 'good';
  const tile = (count: number, words: string, className: string) => el('div', `tile ${count ? className : 'zero'}`, el('strong', '', String(count)), el('span', '', words));

  const onlyProblems = document.createElement('input');
  onlyProblems.type = 'checkbox';
  onlyProblems.id = 'only-problems';
  onlyProblems.addEventListener('change', () => document.body.classList.toggle('only-problems', onlyProblems.checked));
  const theme = el('button', 'theme', 'Dark') as HTMLButtonElement;
  theme.type = 'button';
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const setTheme = (dark: boolean) => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    theme.textContent = dark ? 'Light' : 'Dark';
    theme.setAttribute('aria-label', dark ? 'Use the light theme' : 'Use the dark theme');
  };
  setTheme(prefersDark);
  theme.addEventListener('click', () => setTheme(document.documentElement.dataset.theme !== 'dark'));
  const filterLabel = el('label', 'filter', onlyProblems, 'Only problems');

  const summary = el(
    'header',
    'summary',
    el('div', 'title-row', el('div', '', el('p', 'eyebrow', 'Stepwise · flow health check'), el('h1', '', data.title)), el('div', 'controls', filterLabel, theme)),
    el('p', `headline ${tone}`, headline),
    el(
      'p',
      'meta',
      `Checked ${when}`,
      data.baseUrl ? ` against ${data.baseUrl}` : '',
      ` · ${plural(data.screens.length, 'screen')} in ${seconds(data.ms)}`,
    ),
    el(
      'div',
      'tiles',
      tile(verdicts.broken, 'broken flows', 'bad'),
      tile(verdicts.attention, 'need attention', 'warn'),
      tile(verdicts.ok, 'play as authored', 'good'),
      tile(steps.missing + steps.ambiguous, 'missing or ambiguous steps', 'bad'),
      tile(steps.changed, 'changed steps', 'warn'),
      tile(steps.ok + steps.moved, 'steps ok or moved', 'good'),
      tile(failedScreens, 'screens failed', 'bad'),
      tile(steps.unchecked, 'steps not checked', 'muted'),
    ),
    el('p', 'legend muted', 'Each step shows the screenshot as captured, the element outlined in blue, beside the page as the check loaded it, the element outlined in the colour of its status.'),
  );

  const flows = el('section', 'group', el('h2', '', `Flows (${data.flows.length})`), ...data.flows.map(flowCard));
  if (!data.flows.length) flows.append(el('p', 'muted', 'The project has no flows with anchors.'));
  const screens = el('section', 'group', el('h2', '', `Screens (${data.screens.length})`), el('ol', 'steps card', ...data.screens.map(screenRow)));
  const notes = data.notes.length ? el('section', 'group', el('h2', '', 'Notes'), el('ul', 'notices card', ...data.notes.map((note) => el('li', '', note)))) : null;
  const allGood = el('p', 'all-good muted', 'No problems: every flow plays as authored.');
  document.body.append(el('main', '', summary, flows, screens, notes, allGood));
}
