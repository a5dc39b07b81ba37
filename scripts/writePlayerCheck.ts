// Writes player/src/bundleRules.ts: the bundle format as a compact rule table, walked from the zod
// schema in shared/, which player/src/checkBundle.ts interprets (the player must not ship zod).
// Every rule the schema applies (types, enums, patterns, lengths, ranges, required keys, defaults)
// is in the table; the schema's few hand-written refinements are named here and have a
// counterpart in the player, and an unnamed one stops the generator. Run by `npm run schema`;
// a test fails when the committed file is stale.
// A part that only a lazy chunk plays (the resource center) is checked by that chunk: the entry's
// table has "l" there (kept as it is, whatever it is) and the chunk's rule is written to its own file,
// so the tour path neither carries nor checks it. Rules used in several places (ids, localized
// texts, targeting...) are written once per file as named constants. The chunk keeps its own
// copies rather than taking the entry's through the toolkit: handing them over cost the tour
// path about 15 B gzip, the copies cost the chunk about 180 B, and the tour path's budget is the tighter.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { bundleSchema } from '../shared/bundle/bundleSchema';
import { bundleAnchorSchema } from '../shared/model/anchor';
import { bundleFlowSchema } from '../shared/model/flow';
import { idSchema } from '../shared/model/ids';
import { localesSchema, localeTagSchema } from '../shared/model/locales';
import { localizedTextSchema } from '../shared/model/localizedText';
import { bundleResourceCenterBodySchema } from '../shared/model/resourceCenter';
import { targetingSchema, urlRuleSchema } from '../shared/model/targeting';

/** The schema's refinements, by the name of their counterpart in player/src/checkBundle.ts. */
const REFINEMENTS = new Map<z.ZodType, string>([
  [bundleSchema, 'bundle'],
  [localesSchema, 'locales'],
  [localeTagSchema, 'locale'],
  [urlRuleSchema, 'urlRule'],
]);

/** Parts checked by a lazy chunk, by the file their rule is written to (and the constant's name). */
const LAZY = new Map<z.ZodType, { file: string; name: string }>([[bundleResourceCenterBodySchema, { file: 'player/src/resourceCenter/resourceCenterRules.ts', name: 'RESOURCE_CENTER_RULE' }]]);

/**
 * Schemas written once, as a constant of this name, wherever they recur: smaller than a copy per
 * use even after gzip (about 35 B on the tour path, about 150 B in the resource center's chunk). Measured one by
 * one: naming a schema that appears only once after flowHeader (trigger, frequency), or a short
 * one (a placement enum), costs bytes instead.
 */
const NAMED = new Map<z.ZodType, string>([
  [idSchema, 'id'],
  [localizedTextSchema, 'text'],
  [targetingSchema, 'targeting'],
  [bundleAnchorSchema, 'anchor'],
]);
/**
 * Discriminated unions whose options share fields (every flow kind's header): those fields are
 * written once, as a shape of this name spread into each option (about 25 B less on the tour path).
 */
const SHARED_FIELDS = new Map<z.ZodType, string>([[bundleFlowSchema, 'flowHeader']]);

type Value = string | number | boolean | null | RegExp | Value[] | { [key: string]: Value };
type Node = Value[];
/** Marks an already written literal inside a node. */
const RAW = '\u0000raw';

interface ZodDef {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> & { check: string } } }[];
  [key: string]: unknown;
}

/**
 * Emits the rules as one nested literal, NAMED schemas by name. Other repeated parts (the flow
 * header of each kind) repeat verbatim, which gzip folds into short back-references.
 */
class Rules {
  /** The NAMED rules met so far, by name, in an order where each comes after those it uses. */
  readonly named = new Map<string, string>();

  /**
   * `root`: the schema whose rule is being written in full, even when it is one of the LAZY parts.
   * `naming`: whether NAMED schemas are written by name (the generated files) or in full (a
   * rule on its own, as the tests build them).
   */
  constructor(
    private readonly root?: z.ZodType,
    private readonly naming = false,
  ) {}

  add(node: Node): Value {
    if (node[0] === 'e' || node[0] === '=') return { [RAW]: literal(node) } as unknown as Value;
    // "No limit" and "no" are left out (trailing, or a hole inside): the player reads a missing one
    // as such. A number's lower bound of 0 is a limit; a text's or a list's is none.
    const none = (value: Value, index: number) => value === null || (value === 0 && (node[0] !== 'n' || index === 3));
    while (none(node[node.length - 1]!, node.length - 1)) node.pop();
    return { [RAW]: `[${node.map((value, index) => (none(value, index) ? '' : literal(value))).join(',')}]` } as unknown as Value;
  }

  rule(schema: z.ZodType, where: string): Value {
    if (schema !== this.root && LAZY.has(schema)) return this.add(['l']);
    const name = this.naming ? NAMED.get(schema) : undefined;
    if (name) {
      if (!this.named.has(name)) this.named.set(name, literal(this.written(schema, where)));
      return { [RAW]: name } as unknown as Value;
    }
    return this.written(schema, where);
  }

  private written(schema: z.ZodType, where: string): Value {
    const def = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
    const checks = (def.checks ?? []).map((check) => check._zod.def);
    const custom = checks.filter((check) => check.check === 'custom');
    if (custom.length) {
      const name = REFINEMENTS.get(schema);
      if (!name || custom.length > 1) throw new Error(`${where}: a refinement the player has no counterpart for; add one to player/src/checkBundle.ts and name it in REFINEMENTS`);
      return this.add(['c', this.plain(schema, def, checks, where), name]);
    }
    return this.plain(schema, def, checks, where);
  }

  private plain(schema: z.ZodType, def: ZodDef, checks: Record<string, unknown>[], where: string): Value {
    const unknownCheck = (check: Record<string, unknown>) => new Error(`${where}: the generator does not know the ${def.type} check ${JSON.stringify(check.check)}`);
    switch (def.type) {
      case 'string': {
        let min: Value = 0, max: Value = null, pattern: Value = null, trim: Value = 0;
        checks.forEach((check, position) => {
          if (check.check === 'min_length') min = check.minimum as number;
          else if (check.check === 'max_length') max = check.maximum as number;
          else if (check.check === 'string_format' && check.format === 'regex') pattern = check.pattern as RegExp;
          else if (check.check === 'overwrite' && position === 0 && String(check.tx).includes('trim')) trim = 1;
          else if (check.check !== 'custom') throw unknownCheck(check);
        });
        return this.add(['s', min, max, pattern, trim]);
      }
      case 'number': {
        let min: Value = null, max: Value = null, int: Value = 0;
        for (const check of checks) {
          if (check.check === 'number_format' && check.format === 'safeint') int = 1;
          else if (check.check === 'greater_than' && check.inclusive) min = check.value as number;
          else if (check.check === 'less_than' && check.inclusive) max = check.value as number;
          else throw unknownCheck(check);
        }
        return this.add(['n', min, max, int]);
      }
      case 'boolean':
        return this.add(['b']);
      case 'literal':
        return this.add(['e', ...(def.values as string[])]);
      case 'enum':
        return this.add(['e', ...Object.values(def.entries as Record<string, string>)]);
      case 'object': {
        const shape: Record<string, Value> = {};
        for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) shape[key] = this.rule(child, `${where}.${key}`);
        return this.add(['o', shape]);
      }
      case 'array': {
        let min: Value = 0, max: Value = null;
        for (const check of checks) {
          if (check.check === 'min_length') min = check.minimum as number;
          else if (check.check === 'max_length') max = check.maximum as number;
          else throw unknownCheck(check);
        }
        return this.add(['a', this.rule(def.element as z.ZodType, `${where}[]`), min, max]);
      }
      case 'record':
        return this.add(['r', this.rule(def.keyType as z.ZodType, `${where} key`), this.rule(def.valueType as z.ZodType, `${where}[*]`)]);
      case 'union': {
        const shared = this.naming ? SHARED_FIELDS.get(schema) : undefined;
        const options = shared ? this.sharingFields(shared, def, where) : (def.options as z.ZodType[]).map((option, index) => this.rule(option, `${where}|${index}`));
        if (typeof def.discriminator !== 'string') return this.add(['u', ...options]);
        const byValue: Record<string, Value> = {};
        (def.options as z.ZodType[]).forEach((option, index) => {
          const tag = (option as unknown as { _zod: { def: { shape: Record<string, { _zod: { def: { values: string[] } } }> } } })._zod.def.shape[def.discriminator as string]!;
          for (const value of tag._zod.def.values) byValue[value] = options[index]!;
        });
        return this.add(['d', def.discriminator, byValue]);
      }
      case 'optional':
        return this.add(['?', this.rule(def.innerType as z.ZodType, where)]);
      case 'default':
      case 'prefault':
        // A default is a valid output and a prefault a valid input: either one parsed again gives the same value.
        return this.add(['=', this.rule(def.innerType as z.ZodType, where), def.defaultValue as Value]);
      default:
        throw new Error(`${where}: the generator does not know zod's ${def.type} type`);
    }
  }

  /** The options of a union of objects, with the fields all of them have alike written once, as `name`, and spread into each. */
  private sharingFields(name: string, def: ZodDef, where: string): Value[] {
    const shapes = (def.options as z.ZodType[]).map((option, index) => {
      const { _zod } = option as unknown as { _zod: { def: ZodDef } };
      if (_zod.def.type !== 'object' || _zod.def.checks?.length) throw new Error(`${where}|${index}: only plain objects can share fields`);
      return Object.entries(_zod.def.shape as Record<string, z.ZodType>).map(([key, child]) => [key, literal(this.rule(child, `${where}|${index}.${key}`))] as const);
    });
    const common = shapes[0]!.filter(([key, rule]) => key !== def.discriminator && shapes.every((shape) => shape.some((field) => field[0] === key && field[1] === rule)));
    const isCommon = (key: string) => common.some((field) => field[0] === key);
    const fields = (list: (readonly [string, string])[]) => list.map(([key, rule]) => `${key}:${rule}`).join(',');
    this.named.set(name, `{${fields(common)}}`);
    return shapes.map((shape) => this.add(['o', { [RAW]: `{...${name},${fields(shape.filter(([key]) => !isCommon(key)))}}` } as unknown as Value]));
  }

  /** The NAMED rules (and shared fields) as the declarations a generated file starts with. */
  declarations(): string[] {
    return [...this.named].map(([name, rule]) => `const ${name}: ${rule.startsWith('{') ? 'Record<string, Rule>' : 'Rule'} = ${rule};`);
  }
}

/** A JavaScript literal: JSON, with regular expressions as regex literals. */
function literal(value: Value): string {
  if (value && typeof value === 'object' && RAW in value) return (value as Record<string, string>)[RAW]!;
  if (value instanceof RegExp) return value.toString();
  if (Array.isArray(value)) return `[${value.map(literal).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}:${literal(item)}`).join(',')}}`;
  return JSON.stringify(value);
}

/** One schema's rule as the literal the player reads (the generated file holds the bundle's). */
export function ruleLiteral(schema: z.ZodType): string {
  return literal(new Rules().rule(schema, '$'));
}

export function playerCheckSource(): string {
  const rules = new Rules(undefined, true);
  const root = literal(rules.rule(bundleSchema, '$'));
  return [
    '// Generated by scripts/writePlayerCheck.ts from the zod schemas in shared/. Do not edit; run `npm run schema`.',
    '// Each rule is [kind, ...], with no limit and no (0 or null) left out as holes. Kinds: "s" text [min, max, pattern, trim], "n" number [min, max, whole], "b" boolean,',
    '// "e" one of the values, "o" object {key: rule}, "a" list [rule, min, max], "r" record [key rule, value rule],',
    '// "u" the first of the rules that fits, "d" by discriminator [key, {value: rule}], "?" optional [rule],',
    '// "=" default [rule, value], "c" refined [rule, name of the check in checkBundle.ts], "l" a part checked by a lazy chunk, kept as it is.',
    '/* eslint-disable no-sparse-arrays -- a hole is a limit or flag the rule does not have */',
    "import type { Rule } from './checkBundle';",
    '',
    ...rules.declarations(),
    `export const BUNDLE_RULE: Rule = ${root};`,
    '',
  ].join('\n');
}

/** The rule files of the lazy chunks, by path from the repository's root. */
export function lazyCheckSources(): Map<string, string> {
  return new Map(
    [...LAZY].map(([schema, { file, name }]) => {
      const rules = new Rules(schema, true);
      const rule = literal(rules.rule(schema, '$'));
      return [
        file,
        [
          '// Generated by scripts/writePlayerCheck.ts from the zod schemas in shared/. Do not edit; run `npm run schema`.',
          '// The rule of one part of the bundle that a lazy chunk checks; see player/src/bundleRules.ts for the rule kinds.',
          '/* eslint-disable no-sparse-arrays -- a hole is a limit or flag the rule does not have */',
          "import type { Rule } from '../checkBundle';",
          '',
          ...rules.declarations(),
          `export const ${name}: Rule = ${rule};`,
          '',
        ].join('\n'),
      ];
    }),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL('../player/src/bundleRules.ts', import.meta.url), playerCheckSource());
  console.log('wrote player/src/bundleRules.ts');
  for (const [file, source] of lazyCheckSources()) {
    writeFileSync(new URL(`../${file}`, import.meta.url), source);
    console.log(`wrote ${file}`);
  }
}
