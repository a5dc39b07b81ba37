import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parse, type Rule } from '../../player/src/checkBundle';
import { ruleLiteral } from '../../scripts/writePlayerCheck';

/** The player's check of one value against the rule generated from a zod schema. */
function check(schema: z.ZodType, value: unknown): unknown {
  const rule = new Function(`return ${ruleLiteral(schema)}`)() as Rule;
  return parse(rule, value, '$.field');
}

describe('rules generated from the schema', () => {
  it('keeps a lower bound of 0 on a number that has no upper bound', () => {
    expect(() => check(z.number().min(0), -1)).toThrow('Stepwise: the bundle at $.field is -1, less than 0.');
    expect(check(z.number().min(0), 5)).toBe(5);
  });

  it('names the bound a text or a list breaks', () => {
    expect(() => check(z.string().min(1).max(3), '')).toThrow('at $.field has 0 characters, less than 1.');
    expect(() => check(z.string().max(3), 'abcd')).toThrow('at $.field has 4 characters, more than 3.');
    expect(() => check(z.array(z.string()).max(1), ['a', 'b'])).toThrow('at $.field has 2 items, more than 1.');
    expect(check(z.string().max(3), '')).toBe('');
  });

  it('fills defaults and leaves out unknown keys, as the schema does', () => {
    const schema = z.object({ size: z.number().int().min(8).max(48).default(16), label: z.string().optional() });
    expect(check(schema, { extra: 1 })).toEqual({ size: 16 });
    expect(() => check(schema, { size: 7.5 })).toThrow('at $.field.size should be a whole number, not 7.5.');
  });
});
