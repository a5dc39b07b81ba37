import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../shared/api/apiError';
import { PROJECT_VERSION } from '../../shared/model/project';
import { createDispatcher } from '../../main/services/apiDispatcher';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from '../../main/web/webHost';
import { webHandlersInTempDir } from './testHandlers';

let host: WebHost;
let projectsDir: string;

beforeAll(async () => {
  const setup = await webHandlersInTempDir();
  projectsDir = setup.projectsDir;
  const rendererDir = join(projectsDir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Stepwise</title>');
  host = await startWebHost({ dispatch: createDispatcher(setup.handlers, () => undefined), rendererDir });
});
afterAll(() => host.close());

function call(method: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-stepwise-token': host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function json(response: Response): Promise<ApiResponse> {
  return (await response.json()) as ApiResponse;
}

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints a URL that carries the token in its fragment', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a strict content security policy', async () => {
    const response = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Stepwise</title>');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`http://127.0.0.1:${host.port}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('answers a valid call', async () => {
    const response = await call('project.create', { name: 'Acme' });
    const body = await json(response);
    expect(body.ok).toBe(true);
    expect(body.ok && (body.value as { path: string }).path).toBe(join(projectsDir, 'Acme.stepwise'));
  });

  it('refuses a call without the launch token, or with a wrong one', async () => {
    for (const headers of [{ 'x-stepwise-token': '' }, { 'x-stepwise-token': 'x'.repeat(host.token.length) }]) {
      const response = await call('projects.recent', {}, headers);
      expect(response.status).toBe(401);
      expect(await json(response)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port: host.port, path: '/api/projects.recent', method: 'POST', headers: { host: 'evil.example:80', 'x-stepwise-token': host.token, 'content-type': 'application/json' } }, (response) => resolve(response.statusCode ?? 0))
        .end('{}');
    });
    expect(status).toBe(421);
  });

  it('refuses cross-origin calls from web pages', async () => {
    const response = await call('projects.recent', {}, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses bodies over the size limit', async () => {
    const response = await call('project.create', JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(response.status).toBe(413);
  });

  it('answers malformed input with a typed error naming the field', async () => {
    expect(await json(await call('project.open', { path: 42 }))).toEqual({
      ok: false,
      error: { code: 'invalidInput', message: 'project.open was called with input it does not accept:\n$.path should be a text, but is number 42', problems: [{ path: '$.path', message: 'should be a text, but is number 42' }] },
    });
    expect(await json(await call('project.create', { name: '  ' }))).toMatchObject({ ok: false, error: { code: 'invalidInput', problems: [{ path: '$.name', message: 'must not be empty' }] } });
    expect(await json(await call('project.create', { name: 'A', extra: true }))).toMatchObject({ ok: false, error: { code: 'invalidInput', problems: [{ path: '$', message: 'has unknown field(s) "extra"' }] } });
    expect(await json(await call('project.create', '{not json'))).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(await json(await call('nope.method', {}))).toMatchObject({ ok: false, error: { code: 'unknownMethod' } });
    expect(await json(await call('project.save', { path: 'Acme.stepwise', project: { format: 'stepwise.project' } }))).toMatchObject({
      ok: false,
      error: { code: 'invalidInput', problems: expect.arrayContaining([{ path: '$.project.version', message: `is missing (it should be ${PROJECT_VERSION})` }]) as unknown },
    });
  });

  it('keeps projects inside its projects folder', async () => {
    for (const path of ['/etc', '../../', `${projectsDir}/../elsewhere.stepwise`]) {
      expect(await json(await call('project.open', { path }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('answers native-dialog calls with "unsupported"', async () => {
    expect(await json(await call('dialog.chooseProject', {}))).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
