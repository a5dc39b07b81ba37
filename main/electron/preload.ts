import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResponse } from '../../shared/api/apiError';
import { BUILDER_METHOD_NAMES, ipcChannel, type BuilderMethodName } from '../../shared/api/methodNames';
import { MENU_COMMAND_CHANNEL, type StepwiseHostBridge } from '../../shared/api/hostBridge';
import { isCommandId } from '../../shared/commands/commandCatalog';

// One function per contract method, so the page can reach nothing but the builder API.
const api = Object.fromEntries(
  BUILDER_METHOD_NAMES.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input) as Promise<ApiResponse>]),
) as Record<BuilderMethodName, (input: unknown) => Promise<ApiResponse>>;

const bridge: StepwiseHostBridge = {
  api,
  onCommand(listener) {
    const relay = (_event: IpcRendererEvent, id: unknown) => {
      if (isCommandId(id)) listener(id);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, relay);
    return () => ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, relay);
  },
};

contextBridge.exposeInMainWorld('stepwiseHost', bridge);
