import { isKnownLocale } from '../../shared/bundle/localeTags';
import { BUNDLE_RULE } from './bundleRules';
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

/** One rule of the generated table (see bundleRules.ts for what each kind holds). */
export type Rule = readonly [string, ...unknown[]];
type Shape = Record<string, Rule>;
type Fields = Record<string, unknown>;

const fail = (path: string, problem: string): never => {
  throw new StepwiseBundleError(path, problem);
};
/** A short, safe rendering of any value for a message (never the whole of a huge string). */
const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value));
const isObject = (value: unknown): value is Fields => value !== null && typeof value === 'object' && !Array.isArray(value);
const key = (path: string, name: string) => path + (/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);

/** The schema's hand-written refinements, by the name the generator gives them. */
const REFINEMENTS: Record<string, (value: never, path: string) => void> = {
  locale: (tag: string, path) => isKnownLocale(tag) || fail(path, `is ${show(tag)}, which is not a known BCP-47 language tag (for example "en", "en-US", "he", "pt-BR")`),
  locales: ({ defaultLocale, available }: Bundle['locales'], path) => {
    if (!available.includes(defaultLocale)) fail(`${path}.available`, `must include the default locale "${defaultLocale}"`);
    available.forEach((tag, index) => available.indexOf(tag) < index && fail(`${path}.available[${index}]`, `lists "${tag}" twice`));
  },
  urlRule: ({ match, value }: { match: string; value: string }, path) => {
    try {
      if (match === 'regex') new RegExp(value);
    } catch {
      fail(`${path}.value`, 'is not a valid regular expression');
    }
  },
  bundle: ({ flows }: Bundle, path) => {
    const ids = flows.map((flow) => flow.id);
    flows.forEach((flow, index) => {
      if (ids.indexOf(flow.id) < index) fail(`${path}.flows[${index}].id`, `repeats the flow id "${flow.id}"`);
      if (flow.kind !== 'checklist') return;
      flow.checklist.items.forEach(({ action, doneWhen }, item) =>
        [action, doneWhen].forEach((ref, part) => 'flowId' in ref && !ids.includes(ref.flowId) && fail(`${path}.flows[${index}].checklist.items[${item}].${part ? 'doneWhen' : 'action'}.flowId`, `names the flow "${ref.flowId}", which is not in this bundle`)),
      );
    });
  },
};

/** Checks a value against a rule of the table and returns it as the schema would: defaults filled, unknown keys left out. */
function parse(rule: Rule, value: unknown, path: string): unknown {
  const [kind, a, b, c, d] = rule;
  const type = (expected: string, ok: boolean) => ok || fail(path, value === undefined ? 'is missing' : `should be ${expected}, not ${show(value)}`);
  switch (kind) {
    case '=':
      return parse(a as Rule, value === undefined ? b : value, path);
    case '?':
      return value === undefined ? value : parse(a as Rule, value, path);
    case 'c':
      value = parse(a as Rule, value, path);
      REFINEMENTS[b as string]!(value as never, path);
      return value;
    case 's': {
      type('a text', typeof value === 'string');
      const text = d ? (value as string).trim() : (value as string);
      if (text.length < (a as number)) fail(path, a === 1 ? 'must not be empty' : `is shorter than ${a as number} characters`);
      if (text.length > ((b as number | null) ?? Infinity)) fail(path, `is longer than ${b as number} characters`);
      if (c && !(c as RegExp).test(text)) fail(path, `is ${show(text)}, which does not match ${String(c)}`);
      return text;
    }
    case 'n':
      type('a number', typeof value === 'number' && isFinite(value));
      if (c && !Number.isSafeInteger(value)) fail(path, `should be a whole number, not ${show(value)}`);
      if ((value as number) < ((a as number | null) ?? -Infinity) || (value as number) > ((b as number | null) ?? Infinity)) fail(path, `is ${show(value)}, which is not between ${a as number} and ${b as number}`);
      return value;
    case 'b':
      type('true or false', typeof value === 'boolean');
      return value;
    case 'e': {
      const values = rule.slice(1);
      return values.includes(value) ? value : fail(path, `is ${show(value)}, which is not one of ${values.join(', ')}`);
    }
    case 'o': {
      type('an object', isObject(value));
      const out: Fields = {};
      for (const name in a as Fields) {
        const child = parse((a as Shape)[name]!, (value as Fields)[name], key(path, name));
        if (child !== undefined) out[name] = child;
      }
      return out;
    }
    case 'a': {
      type('a list', Array.isArray(value));
      const list = value as unknown[];
      if (list.length < (b as number)) fail(path, `needs at least ${b as number} item(s)`);
      if (list.length > ((c as number | null) ?? Infinity)) fail(path, `may hold at most ${c as number} items`);
      return list.map((item, at) => parse(a as Rule, item, `${path}[${at}]`));
    }
    case 'r': {
      type('an object', isObject(value));
      const out: Fields = {};
      for (const name of Object.keys(value as Fields)) {
        const at = key(path, name);
        // The key rule is the locale check, which no "__proto__" or "constructor" passes.
        out[parse(a as Rule, name, at) as string] = parse(b as Rule, (value as Fields)[name], at);
      }
      return out;
    }
    case 'u':
      for (const option of rule.slice(1)) {
        try {
          return parse(option as Rule, value, path);
        } catch {
          /* the next option may fit */
        }
      }
      return fail(path, `has the wrong type (${show(value)})`);
    default: {
      // 'd': the discriminator picks the shape.
      type('an object', isObject(value));
      const options = b as Shape;
      const tag = (value as Fields)[a as string];
      const option = typeof tag === 'string' && Object.hasOwn(options, tag) ? options[tag]! : fail(key(path, a as string), `is ${show(tag)}, which is not one of ${Object.keys(options).join(', ')}`);
      return parse(option, value, path);
    }
  }
}

/**
 * Checks a bundle against the format, exactly as Stepwise's validateBundle does, and returns a
 * copy with every default filled (the caller's object is left as it is). The first problem
 * throws one StepwiseBundleError naming its JSON path, so a malformed bundle fails at
 * createPlayer instead of breaking later on the customer's page.
 */
export function checkBundle(input: unknown): Bundle {
  const bundle = input as Fields;
  if (!isObject(input)) fail('$', `should be a Stepwise bundle object, not ${show(input)}`);
  if (bundle.format !== BUNDLE_FORMAT) fail('$.format', `should be "${BUNDLE_FORMAT}": this is not a Stepwise bundle`);
  if (typeof bundle.version === 'number' && bundle.version > BUNDLE_VERSION) {
    fail('$.version', `is ${bundle.version}: the bundle was made by a newer Stepwise, and this player reads bundle versions up to ${BUNDLE_VERSION}. Update @stepwise/player`);
  }
  return parse(BUNDLE_RULE, input, '$') as Bundle;
}
