import type { Bundle } from './bundleTypes';

export const BUNDLE_FORMAT = 'stepwise.bundle';
export const BUNDLE_VERSION = 1;

/** Thrown by createPlayer for a bundle it cannot play; `path` is the JSON path of the problem. */
export class StepwiseBundleError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`Stepwise: the bundle at ${path} ${problem}.`);
    this.name = 'StepwiseBundleError';
  }
}

/**
 * What the player reads, as a compact table: "s" a string, "o" an object, "a" a list, a string
 * with "|" one of those values, an object a nested shape, [shape] a list of shapes; a key ending in
 * "?" may be absent. The complete check, every field in plain words, is the builder's validateBundle.
 */
type Shape = string | readonly [Shape] | { [key: string]: Shape };
const TEXT = 'o';
const ANCHOR = { selectors: ['s'] } as const;
const KIND_SHAPES: Record<string, Shape> = {
  tour: { steps: [{ id: 's', type: 'tooltip|modal', title: TEXT, body: TEXT, buttons: 'a', advanceOn: { kind: 'next|targetClick|event' }, missingTarget: 'o', 'anchor?': ANCHOR }] },
  hotspot: { beacon: 'o', title: TEXT, body: TEXT, 'anchor?': ANCHOR },
  checklist: { title: TEXT, launcher: 'o', completionMessage: TEXT, items: [{ id: 's', label: TEXT, action: { kind: 'none|startFlow|openUrl' }, doneWhen: { kind: 'clicked|flowCompleted|urlVisited|event' } }] },
  survey: { question: TEXT, lowLabel: TEXT, highLabel: TEXT, followUps: 'o', thankYou: TEXT },
};
const FLOW: Shape = {
  id: 's',
  name: 's',
  kind: Object.keys(KIND_SHAPES).join('|'),
  trigger: { kind: 'pageLoad|delay|click|manual' },
  targeting: { urls: 'a', users: 'a' },
  frequency: 'once|everySession|untilCompleted',
};
const BUNDLE: Shape = { theme: 'o', locales: { defaultLocale: 's', available: ['s'] }, flows: [FLOW] };
const NAMES: Record<string, string> = { s: 'a text', o: 'an object', a: 'a list' };

function check(value: unknown, shape: Shape, path: string): void {
  const fail = (problem: string) => {
    throw new StepwiseBundleError(path, problem);
  };
  const type = Array.isArray(value) ? 'a' : value !== null && typeof value === 'object' ? 'o' : typeof value === 'string' ? 's' : '';
  if (typeof shape === 'string') {
    if (shape.includes('|')) {
      if (!shape.split('|').includes(value as string)) fail(`is ${JSON.stringify(value)}, which is not one of ${shape.replace(/\|/g, ', ')}`);
    } else if (type !== shape) fail(value === undefined ? `is missing (it should be ${NAMES[shape]})` : `should be ${NAMES[shape]}, not ${JSON.stringify(value)}`);
    return;
  }
  if (Array.isArray(shape)) {
    check(value, 'a', path);
    (value as unknown[]).forEach((item, index) => check(item, shape[0], `${path}[${index}]`));
    return;
  }
  check(value, 'o', path);
  for (const key in shape as object) {
    const name = key.replace('?', '');
    const child = (value as Record<string, unknown>)[name];
    if (child !== undefined || name === key) check(child, (shape as Record<string, Shape>)[key]!, `${path}.${name}`);
  }
}

/**
 * A quick structural check of what the player reads, so a malformed bundle fails at createPlayer
 * with one clear message naming the path, instead of breaking later on the customer's page.
 */
export function checkBundle(input: unknown): Bundle {
  const bundle = input as Record<string, unknown> & { flows: Record<string, unknown>[] };
  check(input, 'o', '$');
  if (bundle.format !== BUNDLE_FORMAT) throw new StepwiseBundleError('$.format', `should be "${BUNDLE_FORMAT}": this is not a Stepwise bundle`);
  if ((bundle.version as number) > BUNDLE_VERSION) {
    throw new StepwiseBundleError('$.version', `is ${bundle.version as number}: the bundle was made by a newer Stepwise, and this player reads bundle versions up to ${BUNDLE_VERSION}. Update @stepwise/player`);
  }
  if (bundle.version !== BUNDLE_VERSION) throw new StepwiseBundleError('$.version', `should be ${BUNDLE_VERSION}, not ${JSON.stringify(bundle.version)}`);
  check(input, BUNDLE, '$');
  const ids = new Set<unknown>();
  bundle.flows.forEach((flow, index) => {
    if (ids.has(flow.id)) throw new StepwiseBundleError(`$.flows[${index}].id`, `repeats the flow id ${JSON.stringify(flow.id)}`);
    ids.add(flow.id);
    check(flow[flow.kind as string], KIND_SHAPES[flow.kind as string]!, `$.flows[${index}].${flow.kind as string}`);
  });
  return input as Bundle;
}
