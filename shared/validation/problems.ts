import type { z } from 'zod';

/** One thing wrong with a document, for a person: where (a JSON path) and what, in plain words. */
export interface Problem {
  /** JSON path from the document's root, e.g. `$.flows[2].tour.steps[0].title.en`. */
  path: string;
  message: string;
  /** 1-based line in the file the document came from, when known. */
  line?: number;
  /** In a project folder, the file the problem is in (flows/<id>.json); the path is then inside that file. */
  file?: string;
}

export type PathSegment = PropertyKey;

export function jsonPath(segments: readonly PathSegment[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}

function valueAt(root: unknown, segments: readonly PathSegment[]): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || !(segment in (current as object))) return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return { found: true, value: current };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `the text "${value.slice(0, 40)}…"` : `the text "${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

const ARTICLE_TYPES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
  int: 'a whole number',
};

function quoteList(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/** Says what a zod issue means about `input`, in words a person can act on. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const actual = valueAt(input, issue.path);
      const expected = ARTICLE_TYPES[issue.expected] ?? issue.expected;
      if (!actual.found || actual.value === undefined) return `is missing (it should be ${expected})`;
      return `should be ${expected}, but is ${describeValue(actual.value)}`;
    }
    case 'invalid_value': {
      const expected = issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${quoteList(issue.values)}`;
      const actual = valueAt(input, issue.path);
      if (!actual.found || actual.value === undefined) return `is missing (it should be ${expected})`;
      return `should be ${expected}, but is ${describeValue(actual.value)}`;
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        const actual = valueAt(input, issue.path);
        return actual.found
          ? `is ${describeValue(actual.value)}, which is not one of ${quoteList(options)}`
          : `is missing (it should be one of ${quoteList(options)})`;
      }
      return 'does not match any of the allowed shapes';
    }
    case 'too_small':
      if (!issue.message.startsWith('Too small')) return issue.message;
      return issue.origin === 'array'
        ? `must have at least ${String(issue.minimum)} item(s)`
        : issue.origin === 'string'
          ? `must be at least ${String(issue.minimum)} character(s) long`
          : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (!issue.message.startsWith('Too big')) return issue.message;
      return issue.origin === 'array'
        ? `must have at most ${String(issue.maximum)} item(s)`
        : issue.origin === 'string'
          ? `must be at most ${String(issue.maximum)} characters long`
          : `must be at most ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `has unknown field(s) ${quoteList(issue.keys)}`;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? `is not a valid ${issue.format}` : issue.message;
    default:
      return issue.message;
  }
}

export function problemsFromZod(error: z.ZodError, input: unknown, pathPrefix: readonly PathSegment[] = []): Problem[] {
  return error.issues.map((issue) => ({
    path: jsonPath([...pathPrefix, ...issue.path]),
    message: describeIssue(issue, input),
  }));
}

/** "$.flows[0].name must not be empty" — one line a problem. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map((problem) => `${problem.path} ${problem.message}${problem.line ? ` (line ${problem.line})` : ''}`)
    .join('\n');
}
