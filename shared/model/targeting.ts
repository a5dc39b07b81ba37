import { z } from 'zod';
import { stableObject } from './stableObject';

export { globMatches } from '../bundle/urlRules';

function regexProblem(value: string): string | null {
  try {
    new RegExp(value);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Which page URLs a flow runs on. Matched against the full URL (origin, path, query). */
export const urlRuleSchema = stableObject({
    match: z.enum(['exact', 'contains', 'glob', 'regex']),
    value: z.string().min(1, 'must not be empty').max(2_000),
    /** An excluding rule stops the flow on URLs that match it, whatever the other rules say. */
    exclude: z.boolean().default(false),
  })
  .superRefine((rule, ctx) => {
    if (rule.match !== 'regex') return;
    const problem = regexProblem(rule.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: `is not a valid regular expression (${problem})` });
  });
export type UrlRule = z.infer<typeof urlRuleSchema>;

/** Which signed-in users a flow is for, by the traits the developer passes to the player. */
export const userRuleSchema = stableObject({
  attribute: z.string().min(1, 'must name a user attribute').max(200),
  operator: z.enum(['equals', 'notEquals', 'contains', 'exists', 'notExists', 'greaterThan', 'lessThan']),
  value: z.union([z.string().max(2_000), z.number(), z.boolean()]).optional(),
});
export type UserRule = z.infer<typeof userRuleSchema>;

export const targetingSchema = stableObject({
  /** No rule: every page. Otherwise any including rule must match and no excluding rule may. */
  urls: z.array(urlRuleSchema).default([]),
  /** Every rule must hold. */
  users: z.array(userRuleSchema).default([]),
});
export type Targeting = z.infer<typeof targetingSchema>;

export const triggerSchema = z.discriminatedUnion('kind', [
  /** As soon as a page matching the targeting loads (or an SPA navigates to it). */
  stableObject({ kind: z.literal('pageLoad') }),
  stableObject({ kind: z.literal('delay'), ms: z.number().int().min(0).max(600_000) }),
  stableObject({ kind: z.literal('click'), selector: z.string().min(1, 'must not be empty').max(2_000) }),
  /** Only when the developer calls `player.start(flowId)`. */
  stableObject({ kind: z.literal('manual') }),
]);
export type Trigger = z.infer<typeof triggerSchema>;

export const frequencySchema = z.enum(['once', 'everySession', 'untilCompleted']);
export type Frequency = z.infer<typeof frequencySchema>;
