// Writes player/src/bundleRules.ts: the bundle format as a compact rule table, walked from the zod
// schema in shared/, which player/src/checkBundle.ts interprets (the player must not ship zod).
// Every rule the schema applies (types, enums, patterns, lengths, ranges, required keys, defaults)
// is in the table; the schema's few hand-written refinements are named here and have a
// counterpart in the player, and an unnamed one stops the generator. Run by `npm run schema`;
// a test fails when the committed file is stale.
// A part that only a lazy chunk plays (the resource center) is checked by that chunk: the entry's
// table has "l" there (any object, kept as it is) and the chunk's rule is written to its own file,
// so the tour path neither carries nor checks it.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { bundleSchema } from '../shared/bundle/bundleSchema';
import { localesSchema, localeTagSchema } from '../shared/model/locales';
import { bundleResourceCenterBodySchema } from '../shared/model/resourceCenter';
import { urlRuleSchema } from '../shared/model/targeting';

/** The schema's refinements, by the name of their counterpart in player/src/checkBundle.ts. */
const REFINEMENTS = new Map<z.ZodType, string>([
  [bundleSchema, 'bundle'],
  [localesSchema, 'locales'],
  [localeTagSchema, 'locale'],
  [urlRuleSchema, 'urlRule'],
]);

/** Parts checked by a lazy chunk, by the file their rule is written to (and the constant's name). */
const LAZY = new Map<z.ZodType, { file: string; name: string }>([[bundleResourceCenterBodySchema, { file: 'player/src/resourceCenter/resourceCenterRules.ts', name: 'RESOURCE_CENTER_RULE' }]]);

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
 * Emits the rules as one nested literal. Repeated parts (localized texts, the flow header of each
 * kind) repeat verbatim, which gzip folds into short back-references: smaller than a table of
 * shared nodes named by index.
 */
class Rules {
  /** The schema whose rule is being written in full, even when it is one of the LAZY parts. */
  constructor(private readonly root?: z.ZodType) {}

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
    const def = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
    const checks = (def.checks ?? []).map((check) => check._zod.def);
    const custom = checks.filter((check) => check.check === 'custom');
    if (custom.length) {
      const name = REFINEMENTS.get(schema);
      if (!name || custom.length > 1) throw new Error(`${where}: a refinement the player has no counterpart for; add one to player/src/checkBundle.ts and name it in REFINEMENTS`);
      return this.add(['c', this.plain(def, checks, where), name]);
    }
    return this.plain(def, checks, where);
  }

  private plain(def: ZodDef, checks: Record<string, unknown>[], where: string): Value {
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
        const options = (def.options as z.ZodType[]).map((option, index) => this.rule(option, `${where}|${index}`));
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
  const root = new Rules().rule(bundleSchema, '$');
  return [
    '// Generated by scripts/writePlayerCheck.ts from the zod schemas in shared/. Do not edit; run `npm run schema`.',
    '// Each rule is [kind, ...], with no limit and no (0 or null) left out as holes. Kinds: "s" text [min, max, pattern, trim], "n" number [min, max, whole], "b" boolean,',
    '// "e" one of the values, "o" object {key: rule}, "a" list [rule, min, max], "r" record [key rule, value rule],',
    '// "u" the first of the rules that fits, "d" by discriminator [key, {value: rule}], "?" optional [rule],',
    '// "=" default [rule, value], "c" refined [rule, name of the check in checkBundle.ts], "l" any object, checked by a lazy chunk.',
    '/* eslint-disable no-sparse-arrays -- a hole is a limit or flag the rule does not have */',
    "import type { Rule } from './checkBundle';",
    '',
    `export const BUNDLE_RULE: Rule = ${literal(root)};`,
    '',
  ].join('\n');
}

/** The rule files of the lazy chunks, by path from the repository's root. */
export function lazyCheckSources(): Map<string, string> {
  return new Map(
    [...LAZY].map(([schema, { file, name }]) => [
      file,
      [
        '// Generated by scripts/writePlayerCheck.ts from the zod schemas in shared/. Do not edit; run `npm run schema`.',
        '// The rule of one part of the bundle that a lazy chunk checks; see player/src/bundleRules.ts for the rule kinds.',
        '/* eslint-disable no-sparse-arrays -- a hole is a limit or flag the rule does not have */',
        "import type { Rule } from '../checkBundle';",
        '',
        `export const ${name}: Rule = ${literal(new Rules(schema).rule(schema, '$'))};`,
        '',
      ].join('\n'),
    ]),
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
