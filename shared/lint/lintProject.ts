import { themeContrastProblems } from '../bundle/contrast';
import { localeDisplayName } from '../bundle/localeTags';
import { hasRoomBeside } from '../bundle/placement';
import { urlMatchesRules } from '../bundle/urlRules';
import { isPlaced, type Anchor } from '../model/anchor';
import type { Flow } from '../model/flow';
import type { LocalizedText } from '../model/localizedText';
import type { Project } from '../model/project';
import type { UrlRule } from '../model/targeting';
import { anchorSelectorProblems, type AnchorProblem } from './anchorLint';
import type { LintProblem } from './lintProblem';
import { lintResourceCenter } from './resourceCenterLint';

export type { LintFix, LintProblem } from './lintProblem';

/** A tooltip card's usual size in CSS pixels, to tell whether it fits beside its target. */
const CARD = { width: 320, height: 140 };

/** A text empty in the default language: an error, since every other language falls back to it. */
function defaultTextProblem(text: LocalizedText, what: string, defaultLocale: string): string | null {
  return (text[defaultLocale] ?? '').trim() ? null : `${what} is empty in ${defaultLocale}, the default language.`;
}

/** How much of a flow is translated into each other language: one line per language, not one per text. */
class TranslationProgress {
  private readonly counts = new Map<string, { total: number; missing: { message: string; itemId?: string }[] }>();
  constructor(private readonly locales: readonly string[]) {}

  count(text: LocalizedText, what: string, itemId?: string): void {
    for (const locale of this.locales) {
      const entry = this.counts.get(locale) ?? { total: 0, missing: [] };
      this.counts.set(locale, entry);
      entry.total++;
      if (!(text[locale] ?? '').trim()) entry.missing.push({ message: `${what} is not translated`, ...(itemId ? { itemId } : {}) });
    }
  }

  problems(flowName: string, defaultLocale: string): Omit<LintProblem, 'flowId'>[] {
    return [...this.counts].flatMap(([locale, { total, missing }]) =>
      missing.length
        ? [
            {
              severity: 'warning' as const,
              code: 'untranslated' as const,
              message: `${flowName}: ${localeDisplayName(locale) ?? locale} ${total - missing.length} of ${total} texts translated; the others show the ${localeDisplayName(defaultLocale) ?? defaultLocale} text.`,
              details: missing,
            },
          ]
        : [],
    );
  }
}

/** Whether a value compared with the whole address can match one: it starts like "https://" (a glob only up to its first "*"). */
function canMatchWholeAddress(rule: UrlRule): boolean {
  if (/^https?:\/\//i.test(rule.value)) return true;
  const star = rule.match === 'glob' ? rule.value.indexOf('*') : -1;
  if (star < 0) return false;
  const prefix = rule.value.slice(0, star).toLowerCase();
  return 'https://'.startsWith(prefix) || 'http://'.startsWith(prefix);
}

function ruleNeverMatches(rule: UrlRule): string | null {
  if ((rule.match === 'exact' || rule.match === 'glob') && !rule.value.startsWith('/') && !canMatchWholeAddress(rule)) {
    return `"${rule.value}" is compared with the whole address (https://…) or, starting with "/", with the path; as written it can never match.`;
  }
  if (rule.match === 'regex' && rule.value.startsWith('^/')) {
    return `The regular expression "${rule.value}" is matched against the whole address, which starts with http, so "^/" never matches. Start it with "/" to match the path, or with "^https?://".`;
  }
  return null;
}

/**
 * A quantified group that holds a quantifier itself, such as "(a+)+" or "(\\w+\\s?)*": on some
 * addresses a browser's regular expressions take exponential time on these and freeze the page.
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,)/;

function anchorProblems(project: Project, anchor: Anchor, where: string): AnchorProblem[] {
  const screen = anchor.screenId ? project.screens.find((candidate) => candidate.id === anchor.screenId) : undefined;
  const problems = anchorSelectorProblems(anchor, screen, where);
  if (!isPlaced(anchor)) {
    problems.push({ severity: 'warning', code: 'noAnchor', message: `${where}: its element (${anchor.selectors[0]}) is not on any captured screen, so it cannot be previewed; pick it on the canvas.` });
  } else if (screen) {
    const scale = screen.source.kind === 'url' ? screen.source.deviceScaleFactor : 1;
    const area = { width: screen.image.width / scale, height: screen.image.height / scale };
    const target = { left: anchor.box.x / scale, top: anchor.box.y / scale, width: anchor.box.width / scale, height: anchor.box.height / scale };
    if (!hasRoomBeside(target, CARD, area)) problems.push({ severity: 'warning', code: 'offScreen', message: `${where}: there is no room for the tooltip beside its target on "${screen.name}"; it would cover the target or fall off the screen.` });
  }
  return problems;
}

function lintFlow(project: Project, flow: Flow, problems: LintProblem[]): void {
  const { available, defaultLocale } = project.locales;
  const add = (problem: Omit<LintProblem, 'flowId'>) => problems.push({ ...problem, flowId: flow.id });
  const translation = new TranslationProgress(available.filter((locale) => locale !== defaultLocale));
  const texts = (text: LocalizedText, what: string, itemId?: string) => {
    const empty = defaultTextProblem(text, what, defaultLocale);
    if (empty) add({ severity: 'error', code: 'emptyText', message: empty, ...(itemId ? { itemId } : {}) });
    else translation.count(text, what, itemId);
  };
  /** Optional texts (a body): only their translation counts. */
  const optional = (text: LocalizedText, what: string, itemId?: string) => {
    if ((text[defaultLocale] ?? '').trim()) translation.count(text, what, itemId);
  };
  const flowIds = new Set(project.flows.map((candidate) => candidate.id));
  const name = `“${flow.name}”`;

  for (const rule of flow.targeting.urls) {
    const problem = ruleNeverMatches(rule);
    if (problem) add({ severity: 'warning', code: 'urlNeverMatches', message: `${name}: ${problem}` });
  }
  for (const rule of flow.targeting.urls) {
    if (rule.match === 'regex' && NESTED_QUANTIFIER.test(rule.value)) {
      add({ severity: 'warning', code: 'slowRegex', message: `${name}: the regular expression "${rule.value}" repeats a group that repeats itself; on some addresses that takes the browser seconds or longer and freezes the page. Use a glob, or a regular expression without nested repeats.` });
    }
  }
  for (const rule of flow.targeting.urls.filter((candidate) => !candidate.exclude)) {
    if (flow.targeting.urls.some((other) => other.exclude && other.match === rule.match && other.value === rule.value)) {
      add({ severity: 'warning', code: 'urlNeverMatches', message: `${name}: the URL rule "${rule.value}" is also excluded, so it can never match.` });
    }
  }

  switch (flow.kind) {
    case 'tour':
      flow.tour.steps.forEach((step, index) => {
        const where = `${name} step ${index + 1}`;
        if (step.type === 'tooltip' && !step.anchor) add({ severity: 'error', code: 'noAnchor', itemId: step.id, message: `${where} is a tooltip without an anchor: pick its element on the canvas, or make it a modal.` });
        if (step.anchor) for (const problem of anchorProblems(project, step.anchor, where)) add({ ...problem, itemId: step.id });
        texts(step.title, `${where} title`, step.id);
        optional(step.body, `${where} body`, step.id);
        step.buttons.forEach((button, buttonIndex) => texts(button.label, `${where} button ${buttonIndex + 1}`, step.id));
      });
      if (!flow.tour.steps.length) add({ severity: 'error', code: 'emptyText', message: `${name} has no steps.` });
      break;
    case 'hotspot':
      if (!flow.hotspot.anchor) add({ severity: 'error', code: 'noAnchor', message: `${name} is not anchored: pick its element on the canvas.` });
      else for (const problem of anchorProblems(project, flow.hotspot.anchor, name)) add(problem);
      texts(flow.hotspot.title, `${name} title`);
      optional(flow.hotspot.body, `${name} body`);
      break;
    case 'checklist':
      texts(flow.checklist.title, `${name} title`);
      flow.checklist.items.forEach((item, index) => {
        const where = `${name} item ${index + 1}`;
        texts(item.label, `${where} label`, item.id);
        const starts = item.action.kind === 'startFlow' ? item.action.flowId : null;
        const completes = item.doneWhen.kind === 'flowCompleted' ? item.doneWhen.flowId : null;
        for (const missing of [starts, completes].filter((id): id is string => id !== null && !flowIds.has(id))) {
          add({ severity: 'error', code: 'missingFlow', itemId: item.id, message: `${where} refers to a flow that was deleted (${missing}): choose another flow.` });
        }
      });
      break;
    case 'survey':
      texts(flow.survey.question, `${name} question`);
      texts(flow.survey.thankYou, `${name} thank-you message`);
      break;
    case 'resourceCenter':
      lintResourceCenter(project, flow, { add, texts, optional });
      break;
  }

  for (const problem of translation.problems(name, defaultLocale)) add(problem);

  // The pages this flow's steps were authored on should be pages the flow runs on.
  const anchors = flow.kind === 'tour' ? flow.tour.steps.map((step) => step.anchor) : flow.kind === 'hotspot' ? [flow.hotspot.anchor] : [];
  const urls = new Set(anchors.map((anchor) => project.screens.find((screen) => screen.id === anchor?.screenId)).flatMap((screen) => (screen?.source.kind === 'url' ? [screen.source.url] : [])));
  for (const url of urls) {
    if (flow.targeting.urls.length && !urlMatchesRules(flow.targeting.urls, url)) {
      add({ severity: 'warning', code: 'urlNeverMatches', message: `${name}: its URL rules do not match ${url}, the page its steps are anchored on.` });
    }
  }
}

/** Every problem of a project, errors first. */
export function lintProject(project: Project, options: { readyOnly?: boolean } = {}): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const problem of themeContrastProblems(project.theme)) {
    problems.push({ severity: 'warning', code: 'lowContrast', message: `Theme: ${problem.what.toLowerCase()} has a contrast of ${problem.ratio.toFixed(2)}:1, below WCAG AA (4.5:1).` });
  }
  for (const flow of project.flows) if (!options.readyOnly || flow.status === 'ready') lintFlow(project, flow, problems);
  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
