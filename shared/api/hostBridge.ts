import type { ApiResponse } from './apiError';
import type { BuilderMethodName } from './methodNames';
import type { CommandId } from '../commands/commandCatalog';

/** What the Electron preload puts on `window.stepwiseHost`: one function per contract method, no raw IPC. */
export interface StepwiseHostBridge {
  api: Record<BuilderMethodName, (input: unknown) => Promise<ApiResponse>>;
  /** The native menu asks the renderer to run a command; returns an unsubscribe function. */
  onCommand(listener: (id: CommandId) => void): () => void;
}

export const MENU_COMMAND_CHANNEL = 'stepwise:menu-command';
