import type { ApiResponse } from './apiError';
import { BuilderApiError, apiErrorSchema } from './apiError';
import type { BuilderInput, BuilderMethod, BuilderOutput } from './contract';

/** How a call reaches a host: IPC in Electron, HTTP in the web host. */
export type BuilderTransport = (method: BuilderMethod, input: unknown) => Promise<ApiResponse>;

export interface BuilderClient {
  call<M extends BuilderMethod>(method: M, input: BuilderInput<M>): Promise<BuilderOutput<M>>;
}

/** A typed client over a transport: resolves with the output, or rejects with a BuilderApiError. */
export function createBuilderClient(transport: BuilderTransport): BuilderClient {
  return {
    async call(method, input) {
      const response = await transport(method, input);
      if (response.ok) return response.value as never;
      const error = apiErrorSchema.safeParse(response.error);
      throw new BuilderApiError(error.success ? error.data : { code: 'internal', message: `The host answered ${method} with an unreadable error.` });
    },
  };
}
