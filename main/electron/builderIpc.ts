import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiResponse } from '../../shared/api/apiError';
import { BUILDER_METHOD_NAMES, ipcChannel } from '../../shared/api/methodNames';
import type { Dispatch } from '../services/apiDispatcher';

/** Only the app's own page, in the top frame, may call the builder API. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, rendererUrl: string): boolean {
  const frame = event.senderFrame;
  return Boolean(frame && frame.parent === null && frame.url.split('#')[0] === rendererUrl);
}

const FORBIDDEN: ApiResponse = { ok: false, error: { code: 'forbidden', message: 'This frame may not use the builder API.', problems: [] } };

/** One IPC handler per contract method; each checks the sender, then goes through the dispatcher's schema check. */
export function registerBuilderIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, rendererUrl: string): void {
  for (const method of BUILDER_METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, input: unknown) => (isTrustedSender(event, rendererUrl) ? dispatch(method, input) : FORBIDDEN));
  }
}
