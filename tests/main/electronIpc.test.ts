import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { BUILDER_METHOD_NAMES, ipcChannel } from '../../shared/api/methodNames';
import { registerBuilderIpc } from '../../main/electron/builderIpc';
import { createDispatcher } from '../../main/services/apiDispatcher';
import { webHandlersInTempDir } from './testHandlers';

const RENDERER_URL = 'file:///opt/Stepwise/resources/app.asar/dist/renderer/index.html';
type Handler = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown) => Promise<unknown> | unknown;

async function registered() {
  const { handlers } = await webHandlersInTempDir();
  const table = new Map<string, Handler>();
  registerBuilderIpc({ handle: (channel: string, handler: Handler) => void table.set(channel, handler) } as never, createDispatcher(handlers, () => undefined), RENDERER_URL);
  return table;
}

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as never;

describe('Electron IPC handlers', () => {
  it('exist for exactly the contract methods', async () => {
    expect([...(await registered()).keys()]).toEqual(BUILDER_METHOD_NAMES.map(ipcChannel));
  });

  it('answer calls from the app page', async () => {
    const handler = (await registered()).get(ipcChannel('projects.recent'))!;
    expect(await handler(frame(`${RENDERER_URL}#/`), {})).toEqual({ ok: true, value: [] });
  });

  it('reject malformed input with a typed error, as the web host does', async () => {
    const handler = (await registered()).get(ipcChannel('project.open'))!;
    expect(await handler(frame(RENDERER_URL), { path: ['..'] })).toMatchObject({
      ok: false,
      error: { code: 'invalidInput', problems: [{ path: '$.path', message: 'should be a text, but is a list' }] },
    });
    expect(await handler(frame(RENDERER_URL), null)).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
  });

  it('refuse other pages and sub-frames', async () => {
    const handler = (await registered()).get(ipcChannel('projects.recent'))!;
    expect(await handler(frame('https://evil.example/'), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler(frame(RENDERER_URL, { url: RENDERER_URL }), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
