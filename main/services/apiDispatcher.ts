import type { ApiResponse } from '../../shared/api/apiError';
import { BuilderApiError } from '../../shared/api/apiError';
import { builderApiContract, isBuilderMethod } from '../../shared/api/contract';
import { formatProblems, problemsFromZod } from '../../shared/validation/problems';
import type { BuilderHandlers } from './builderHandlers';

export type Dispatch = (method: unknown, input: unknown) => Promise<ApiResponse>;

/**
 * The one gate every call passes in both hosts: the method must be in the contract and its input
 * must match the contract's schema before any handler runs. Failures come back as typed errors;
 * nothing a caller sends can make this throw.
 */
export function createDispatcher(handlers: BuilderHandlers, log: (message: string) => void = console.error): Dispatch {
  return async (method, input) => {
    if (!isBuilderMethod(method)) {
      const name = typeof method === 'string' ? `"${method.slice(0, 100)}"` : 'a method that is not a name';
      return { ok: false, error: { code: 'unknownMethod', message: `The builder API has no method ${name}.`, problems: [] } };
    }
    const parsed = builderApiContract[method].input.safeParse(input);
    if (!parsed.success) {
      const problems = problemsFromZod(parsed.error, input);
      return {
        ok: false,
        error: { code: 'invalidInput', message: `${method} was called with input it does not accept:\n${formatProblems(problems.slice(0, 10))}`, problems },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof BuilderApiError) return { ok: false, error: error.toData() };
      log(`[stepwise] ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { ok: false, error: { code: 'internal', message: `${method} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, problems: [] } };
    }
  };
}
