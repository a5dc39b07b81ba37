import type { ApiResponse } from '../../../shared/api/apiError';
import { createBuilderClient, type BuilderClient } from '../../../shared/api/client';
import type { StepwiseHostBridge } from '../../../shared/api/hostBridge';
import type { CommandId } from '../../../shared/commands/commandCatalog';

declare global {
  interface Window {
    /** Present only in Electron, put there by the preload. */
    stepwiseHost?: StepwiseHostBridge;
  }
}

const TOKEN_KEY = 'stepwise.webHostToken';

/** The web host hands its launch token in the URL fragment; keep it for reloads, then tidy the URL. */
function takeWebHostToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export interface HostConnection {
  client: BuilderClient;
  /** Subscribes to the native menu (Electron); a no-op in the browser. */
  onMenuCommand(listener: (id: CommandId) => void): () => void;
  /** Set when the web host's token is missing: the app can only explain how to open it. */
  problem: string | null;
}

export function connectHost(): HostConnection {
  const bridge = window.stepwiseHost;
  if (bridge) {
    return {
      client: createBuilderClient((method, input) => bridge.api[method](input)),
      onMenuCommand: (listener) => bridge.onCommand(listener),
      problem: null,
    };
  }
  const token = takeWebHostToken();
  const client = createBuilderClient(async (method, input): Promise<ApiResponse> => {
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Stepwise-Token': token ?? '' },
        body: JSON.stringify(input),
      });
    } catch {
      return { ok: false, error: { code: 'io', message: 'The Stepwise web host is not answering. Is it still running?', problems: [] } };
    }
    return (await response.json()) as ApiResponse;
  });
  return {
    client,
    onMenuCommand: () => () => undefined,
    problem: token ? null : 'This page was opened without its launch token. Open the address that "npm run web" (or "npm start") printed, including the part after #.',
  };
}
