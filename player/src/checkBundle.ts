import type { Bundle } from './bundleTypes';

export const BUNDLE_FORMAT = 'stepwise.bundle';
export const BUNDLE_VERSION = 1;

/** Thrown by createPlayer for a bundle it cannot play; `path` is the JSON path of the problem. */
export class StepwiseBundleError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`Stepwise: the bundle ${path === '$' ? '' : `at ${path} `}${problem}.`);
    this.name = 'StepwiseBundleError';
  }
}

type Json = Record<string, unknown>;
const fail = (path: string, problem: string): never => {
  throw new StepwiseBundleError(path, problem);
};
const kindOf = (value: unknown) => (Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value);

function need(value: unknown, path: string, type: 'object' | 'string' | 'array' | 'number' | 'boolean'): any {
  const ok = type === 'array' ? Array.isArray(value) : type === 'object' ? value !== null && typeof value === 'object' && !Array.isArray(value) : typeof value === type;
  return ok ? value : fail(path, value === undefined ? `is missing (it should be ${type === 'array' ? 'a list' : `a ${type}`})` : `should be ${type === 'array' ? 'a list' : `a ${type}`}, not ${kindOf(value)}`);
}

function oneOf(value: unknown, path: string, choices: string[]): void {
  if (!choices.includes(value as string)) fail(path, `is ${JSON.stringify(value)}, which is not one of ${choices.join(', ')}`);
}

function texts(parent: Json, path: string, keys: string[]): void {
  for (const key of keys) need(parent[key], `${path}.${key}`, 'object');
}

function anchor(parent: Json, path: string): void {
  if (parent.anchor === undefined) return;
  const selectors = need(need(parent.anchor, `${path}.anchor`, 'object').selectors, `${path}.anchor.selectors`, 'array') as unknown[];
  selectors.forEach((selector, i) => need(selector, `${path}.anchor.selectors[${i}]`, 'string'));
}

/**
 * A quick structural check of what the player reads, so a malformed bundle fails at createPlayer
 * with one clear message naming the path, instead of breaking later on the customer's page.
 * The complete check (every field, in plain words) is `validateBundle` from the builder.
 */
export function checkBundle(input: unknown): Bundle {
  const bundle = need(input, '$', 'object') as Json;
  if (bundle.format !== BUNDLE_FORMAT) fail('$.format', `should be "${BUNDLE_FORMAT}": this is not a Stepwise bundle`);
  if (typeof bundle.version === 'number' && bundle.version > BUNDLE_VERSION) {
    fail('$.version', `is ${bundle.version}: it was made by a newer Stepwise; this player reads bundle versions up to ${BUNDLE_VERSION}. Update @stepwise/player`);
  }
  if (bundle.version !== BUNDLE_VERSION) fail('$.version', `should be ${BUNDLE_VERSION}, not ${JSON.stringify(bundle.version)}`);
  need(bundle.theme, '$.theme', 'object');
  need(need(bundle.locales, '$.locales', 'object').defaultLocale, '$.locales.defaultLocale', 'string');
  const ids = new Set<string>();
  (need(bundle.flows, '$.flows', 'array') as unknown[]).forEach((value, i) => {
    const path = `$.flows[${i}]`;
    const flow = need(value, path, 'object') as Json;
    const id = need(flow.id, `${path}.id`, 'string') as string;
    if (ids.has(id)) fail(`${path}.id`, `repeats the flow id "${id}"`);
    ids.add(id);
    need(flow.name, `${path}.name`, 'string');
    oneOf(flow.kind, `${path}.kind`, ['tour', 'hotspot', 'checklist', 'survey']);
    oneOf(need(flow.trigger, `${path}.trigger`, 'object').kind, `${path}.trigger.kind`, ['pageLoad', 'delay', 'click', 'manual']);
    const targeting = need(flow.targeting, `${path}.targeting`, 'object');
    need(targeting.urls, `${path}.targeting.urls`, 'array');
    need(targeting.users, `${path}.targeting.users`, 'array');
    oneOf(flow.frequency, `${path}.frequency`, ['once', 'everySession', 'untilCompleted']);
    const body = need(flow[flow.kind as string], `${path}.${flow.kind}`, 'object') as Json;
    const at = `${path}.${flow.kind}`;
    if (flow.kind === 'tour') {
      (need(body.steps, `${at}.steps`, 'array') as unknown[]).forEach((stepValue, s) => {
        const stepPath = `${at}.steps[${s}]`;
        const step = need(stepValue, stepPath, 'object') as Json;
        need(step.id, `${stepPath}.id`, 'string');
        oneOf(step.type, `${stepPath}.type`, ['tooltip', 'modal']);
        texts(step, stepPath, ['title', 'body']);
        need(step.buttons, `${stepPath}.buttons`, 'array');
        oneOf(need(step.advanceOn, `${stepPath}.advanceOn`, 'object').kind, `${stepPath}.advanceOn.kind`, ['next', 'targetClick', 'event']);
        need(step.missingTarget, `${stepPath}.missingTarget`, 'object');
        anchor(step, stepPath);
      });
    } else if (flow.kind === 'hotspot') {
      need(body.beacon, `${at}.beacon`, 'object');
      texts(body, at, ['title', 'body']);
      anchor(body, at);
    } else if (flow.kind === 'checklist') {
      texts(body, at, ['title', 'description', 'completionMessage']);
      need(body.launcher, `${at}.launcher`, 'object');
      (need(body.items, `${at}.items`, 'array') as unknown[]).forEach((itemValue, n) => {
        const itemPath = `${at}.items[${n}]`;
        const item = need(itemValue, itemPath, 'object') as Json;
        need(item.id, `${itemPath}.id`, 'string');
        texts(item, itemPath, ['label', 'description']);
        oneOf(need(item.action, `${itemPath}.action`, 'object').kind, `${itemPath}.action.kind`, ['none', 'startFlow', 'openUrl']);
        oneOf(need(item.doneWhen, `${itemPath}.doneWhen`, 'object').kind, `${itemPath}.doneWhen.kind`, ['clicked', 'flowCompleted', 'urlVisited', 'event']);
      });
    } else {
      texts(body, at, ['question', 'lowLabel', 'highLabel', 'thankYou']);
      need(body.followUps, `${at}.followUps`, 'object');
    }
  });
  return bundle as unknown as Bundle;
}
