import { isKnownLocale } from '../../shared/bundle/localeTags';
import { BUNDLE_RULE } from './bundleRules';
import type { Bundle } from './bundleTypes';

export const BUNDLE_FORMAT = 'stepwise.bundle';
/** The newest bundle version this player reads; older ones are read too (1 is 2 without fingerprints, 2 is 3 without resource centers). */
export const BUNDLE_VERSION = 3;

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

/** One rule of the generated table (see bundleRules.ts for what each kind holds). */
export type Rule = readonly [string, ...unknown[]];
type Shape = Record<string, Rule>;
type Fields = Record<string, unknown>;

const fail = (path: string, problem: string): never => {
  throw new StepwiseBundleError(path, problem);
};
/** A short, safe rendering of any value for a message (never the whole of a huge string). */
const show = (value: unknown): string => (typeof value == 'string' ? JSON.stringify(value.slice(0, 40)) : Array.isArray(value) ? 'a list' : value && typeof value == 'object' ? 'an object' : String(value));
const isObject = (value: unknown): value is Fields => show(value) == 'an object';
/** Fails unless `value` is one of `values`. */
const oneOf = (values: unknown[], value: unknown, path: string) => values.includes(value) || fail(path, `is ${show(value)}, which is not one of ${values.join(', ')}`);

/** The schema's hand-written refinements, by the name the generator gives them. */
const REFINEMENTS: Record<string, (value: never, path: string) => void> = {
  locale: (tag: string, path) => isKnownLocale(tag) || fail(path, `is ${show(tag)}, not a known language tag such as "en", "en-US" or "pt-BR"`),
  locales: ({ defaultLocale, available }: Bundle['locales'], path) => {
    oneOf(available, defaultLocale, `${path}.defaultLocale`);
    available.forEach((tag, index) => available.indexOf(tag) < index && fail(`${path}.available[${index}]`, `repeats "${tag}"`));
  },
  urlRule: ({ match, value }: { match: string; value: string }, path) => {
    try {
      if (match == 'regex') new RegExp(value);
    } catch {
      fail(`${path}.value`, 'is not a valid regular expression');
    }
  },
  bundle: ({ flows }: Bundle, path) => {
    const ids = flows.map((flow) => flow.id);
    flows.forEach((flow, index) => {
      const at = `${path}.flows[${index}]`;
      if (ids.indexOf(flow.id) < index) fail(`${at}.id`, `repeats "${flow.id}"`);
      if (flow.kind == 'checklist')
        flow.checklist.items.forEach((item, position) => {
          for (const part of ['action', 'doneWhen'] as const) {
            const ref = item[part];
            if ('flowId' in ref) oneOf(ids, ref.flowId, `${at}.checklist.items[${position}].${part}.flowId`);
          }
        });
    });
  },
};

/** Checks a value against a rule of the table and returns it as the schema would: defaults filled, unknown keys left out. */
export function parse(rule: Rule, value: unknown, path: string): unknown {
  const [kind, a, b, c, d] = rule as [string, never, never, never, never];
  const expect = (ok: unknown, expected: string) => ok || fail(path, value === undefined ? 'is missing' : `should be ${expected}, not ${show(value)}`);
  const limit = (amount: number, min: number, max: number, what: string) => (amount < min || amount > max) && fail(path, `${what}, ${amount < min ? `less than ${min}` : `more than ${max}`}`);
  switch (kind) {
    case '=':
      return parse(a, value === undefined ? b : value, path);
    case '?':
      return value === undefined ? value : parse(a, value, path);
    case 'c':
      value = parse(a, value, path);
      REFINEMENTS[b]!(value as never, path);
      return value;
    case 's': {
      expect(typeof value == 'string', 'a text');
      const text = d ? (value as string).trim() : (value as string);
      limit(text.length, a, b, `has ${text.length} characters`);
      if (c && !(c as RegExp).test(text)) fail(path, `is ${show(text)}, which does not match ${c}`);
      return text;
    }
    case 'n':
      expect(Number.isFinite(value), 'a number');
      expect(!c || Number.isSafeInteger(value), 'a whole number');
      limit(value as number, a, b, `is ${value}`);
      return value;
    case 'b':
      expect(typeof value == 'boolean', 'true or false');
      return value;
    case 'e':
      oneOf(rule.slice(1), value, path);
      return value;
    case 'a':
      expect(Array.isArray(value), 'a list');
      limit((value as unknown[]).length, b, c, `has ${(value as unknown[]).length} items`);
      return (value as unknown[]).map((item, at) => parse(a, item, `${path}[${at}]`));
    case 'l':
      // A part a lazy chunk plays and checks itself (the resource center), so the tour path carries
      // no rule for it; a malformed one is reported by the chunk while the rest of the bundle plays.
      return value;
    case 'u':
      for (const option of rule.slice(1)) {
        try {
          return parse(option as Rule, value, path);
        } catch {
          /* the next option may fit */
        }
      }
      return fail(path, `has the wrong type (${show(value)})`);
  }
  // An object: a fixed shape ('o'), one picked by a discriminator ('d'), or a record ('r').
  expect(isObject(value), 'an object');
  const fields = value as Fields;
  const out: Fields = {};
  if (kind == 'd') {
    oneOf(Object.keys(b), fields[a], `${path}.${a}`);
    return parse((b as Shape)[fields[a] as string]!, value, path);
  }
  // A record's keys pass the locale check, which no "__proto__" or "constructor" does.
  for (const name of Object.keys(kind == 'o' ? a : fields)) {
    const child = kind == 'o' ? parse((a as Shape)[name]!, fields[name], `${path}.${name}`) : parse(b, fields[name], `${path}.${parse(a, name, `${path}.${name}`)}`);
    if (child !== undefined) out[name] = child;
  }
  return out;
}

/**
 * Checks a bundle against the format, exactly as Stepwise's validateBundle does, and returns a
 * copy with every default filled (the caller's object is left as it is). The first problem
 * throws one StepwiseBundleError naming its JSON path, so a malformed bundle fails at
 * createPlayer instead of breaking later on the customer's page.
 */
export function checkBundle(input: unknown): Bundle {
  const { format, version } = (isObject(input) ? input : fail('$', `should be a Stepwise bundle, not ${show(input)}`)) as Fields;
  if (format != BUNDLE_FORMAT) fail('$.format', `should be "${BUNDLE_FORMAT}": this is not a Stepwise bundle`);
  if ((version as number) > BUNDLE_VERSION) fail('$.version', `is ${version}: the bundle was made by a newer Stepwise, and this player reads bundle versions up to ${BUNDLE_VERSION}. Update @stepwise/player`);
  return parse(BUNDLE_RULE, input, '$') as Bundle;
}
