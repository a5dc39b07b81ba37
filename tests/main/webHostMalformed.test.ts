import { buildSync } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../playwright.config';

/**
 * The real web host entry (main/web/main.ts) runs in its own process, so a crash shows as the
 * process exiting, as it would for the author. Everything here is bounded by a per-socket limit.
 */
const SOCKET_LIMIT_MS = 15_000;
const MALFORMED_REQUESTS = 1_000;

let child: ChildProcess;
let port: number;
let token: string;
let stderr = '';
let exited: { code: number | null; signal: string | null } | null = null;

function buildHost(work: string): string {
  const outfile = join(work, 'main', 'web-host.mjs');
  buildSync({
    entryPoints: [fileURLToPath(new URL('../../main/web/main.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    define: { __STEPWISE_ELEMENT_MAP_SCRIPT__: '""', __STEPWISE_PLAYER_IIFE__: '""' },
    external: ['playwright-core', 'electron'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  // The host serves ../renderer next to its bundle.
  mkdirSync(join(work, 'renderer'));
  writeFileSync(join(work, 'renderer', 'index.html'), '<!doctype html><title>Stepwise</title>');
  return outfile;
}

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), 'stepwise-webhost-malformed-'));
  const entry = buildHost(work);
  child = spawn(process.execPath, [entry, '--port', '0', '--data-dir', join(work, 'projects')], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.once('exit', (code, signal) => (exited = { code, signal }));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Stepwise web host: (\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`The web host exited before it started:\n${stderr}`)));
  });
  const parsed = new URL(url);
  port = Number(parsed.port);
  token = parsed.hash.replace('#token=', '');
}, 60_000);

afterAll(() => {
  child?.kill();
});

interface RawRequest {
  label: string;
  bytes: Buffer;
  /** The request stops half way: the test closes the socket once it is written. */
  cutOff?: boolean;
}

/** Sends bytes on a fresh socket; resolves with the status the host answered, or "closed". */
function sendRaw({ bytes, cutOff }: RawRequest): Promise<number | 'closed' | 'refused' | 'timeout'> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(SOCKET_LIMIT_MS, () => {
      resolve('timeout');
      socket.destroy();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'closed'));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (status) {
        resolve(Number(status[1]));
        socket.destroy();
      }
    });
    socket.on('close', () => resolve('closed'));
    socket.write(bytes, () => {
      if (cutOff) socket.destroy();
    });
  });
}

function request(line: string, headers: string[], body = ''): Buffer {
  return Buffer.from(`${line}\r\n${[`Host: 127.0.0.1:${port}`, ...headers].join('\r\n')}\r\n\r\n${body}`, 'latin1');
}

const BAD_ENCODINGS = ['%E0%A4%A', '%ZZ', '%', '%C0%AF', '%ED%A0%80', '%F8%88%80%80%80', '%%30%30', '%u0041', '%E0%A4', '%C3'];

/** A varied stream of broken requests: every kind the brief names, each many times over. */
function malformedRequests(count: number): RawRequest[] {
  const auth = [`x-stepwise-token: ${token}`, 'content-type: application/json'];
  const makers: Array<(i: number) => RawRequest> = [
    (i) => ({ label: 'bad percent-encoding (api)', bytes: request(`GET /api/${BAD_ENCODINGS[i % BAD_ENCODINGS.length]} HTTP/1.1`, ['Connection: close']) }),
    (i) => ({ label: 'bad percent-encoding (api, POST with token)', bytes: request(`POST /api/project.open${BAD_ENCODINGS[i % BAD_ENCODINGS.length]} HTTP/1.1`, [...auth, 'Content-Length: 2', 'Connection: close'], '{}') }),
    (i) => ({ label: 'bad percent-encoding (static)', bytes: request(`GET /assets/${BAD_ENCODINGS[i % BAD_ENCODINGS.length]}.js HTTP/1.1`, ['Connection: close']) }),
    () => ({ label: 'encoded NUL', bytes: request('GET /api/project.open%00 HTTP/1.1', ['Connection: close']) }),
    () => ({ label: 'raw NUL in the path', bytes: request('GET /api/\u0000x HTTP/1.1', ['Connection: close']) }),
    () => ({ label: 'NUL in a header', bytes: request('GET / HTTP/1.1', ['X-Evil: a\u0000b', 'Connection: close']) }),
    (i) => ({ label: 'overlong path', bytes: request(`GET /api/${'%41'.repeat(1_000 + (i % 7) * 3_000)} HTTP/1.1`, ['Connection: close']) }),
    (i) => ({ label: 'overlong header', bytes: request('GET / HTTP/1.1', [`X-Big: ${'a'.repeat(20_000 + i)}`, 'Connection: close']) }),
    (i) => ({ label: 'unknown method', bytes: request(`${['BREW', 'FOO', 'G\u0000T', 'POSTX'][i % 4]} /api/projects.recent HTTP/1.1`, ['Connection: close']) }),
    () => ({ label: 'not HTTP at all', bytes: Buffer.from('\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003garbage\r\n\r\n', 'latin1') }),
    () => ({ label: 'path without a leading slash', bytes: request('GET api/%E0%A4%A HTTP/1.1', ['Connection: close']) }),
    () => ({ label: 'absolute-form target', bytes: request('GET http://127.0.0.1/api/%ZZ HTTP/1.1', ['Connection: close']) }),
    (i) => ({ label: 'body stops half way', bytes: request('POST /api/project.create HTTP/1.1', [...auth, 'Content-Length: 5000'], `{"name":"${'x'.repeat(i % 100)}`), cutOff: true }),
    () => ({ label: 'headers stop half way', bytes: Buffer.from(`POST /api/project.create HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Le`, 'latin1'), cutOff: true }),
    () => ({ label: 'chunked body stops half way', bytes: request('POST /api/project.create HTTP/1.1', [...auth, 'Transfer-Encoding: chunked'], '10\r\n{"name":"a'), cutOff: true }),
    () => ({ label: 'bad chunk size', bytes: request('POST /api/project.create HTTP/1.1', [...auth, 'Transfer-Encoding: chunked', 'Connection: close'], 'zz\r\n{}\r\n0\r\n\r\n') }),
    () => ({ label: 'bad Content-Length', bytes: request('POST /api/project.create HTTP/1.1', [...auth, 'Content-Length: -1', 'Connection: close'], '{}') }),
  ];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]!(Math.floor(i / makers.length)));
}

async function normalCallWorks(): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/api/projects.recent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-stepwise-token': token },
    body: '{}',
  });
  const body = (await response.json()) as { ok: boolean; value: unknown };
  return response.status === 200 && body.ok && Array.isArray(body.value);
}

describe('the web host under malformed requests', () => {
  it(`answers ${MALFORMED_REQUESTS.toLocaleString('en')} malformed requests from raw sockets with 4xx, and keeps serving`, async () => {
    const requests = malformedRequests(MALFORMED_REQUESTS);
    const outcomes: Array<{ label: string; outcome: Awaited<ReturnType<typeof sendRaw>>; cutOff: boolean }> = [];
    // A few at a time, as a page would: enough to overlap, not enough to exhaust file descriptors.
    for (let start = 0; start < requests.length; start += 25) {
      const batch = requests.slice(start, start + 25);
      const results = await Promise.all(batch.map(sendRaw));
      results.forEach((outcome, index) => outcomes.push({ label: batch[index]!.label, outcome, cutOff: Boolean(batch[index]!.cutOff) }));
    }
    expect(exited, `the host exited during the run:\n${stderr}`).toBeNull();
    const complete = outcomes.filter((entry) => !entry.cutOff);
    // Every whole request was answered by the host, and with a client error, never a 5xx or silence.
    const unexpected = complete.filter((entry) => typeof entry.outcome !== 'number' || entry.outcome < 400 || entry.outcome >= 500);
    expect(unexpected.slice(0, 5)).toEqual([]);
    // The requests never reached the process-level safety net: each was handled where it arrived.
    expect(stderr).not.toMatch(/unexpected error|unhandled rejection|URIError/);
    expect(await normalCallWorks()).toBe(true);
  }, 120_000);

  it('survives a page of another origin aiming images and fetches at the API, and keeps serving', async () => {
    const evilTargets = [...BAD_ENCODINGS.map((encoding) => `/api/${encoding}`), '/%', '/api/%00', `/api/${'%41'.repeat(3_000)}`];
    const html = `<!doctype html><body>${evilTargets.map((target) => `<img src="http://127.0.0.1:${port}${target}">`).join('')}
<script>
window.probes = Promise.allSettled(${JSON.stringify(evilTargets)}.flatMap((target) => [
  fetch('http://127.0.0.1:${port}' + target, { mode: 'no-cors' }),
  fetch('http://127.0.0.1:${port}' + target, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' }),
])).then((results) => results.length);
</script>`;
    const evilSite: Server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(html));
    await new Promise<void>((resolve) => evilSite.listen(0, '127.0.0.1', resolve));
    const evilPort = (evilSite.address() as { port: number }).port;
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${evilPort}/`, { waitUntil: 'load' });
      // Every image has loaded or failed (load fired), and every fetch has settled.
      expect(await page.evaluate(() => (window as unknown as { probes: Promise<number> }).probes)).toBe(evilTargets.length * 2);
    } finally {
      await browser.close();
      await new Promise((resolve) => evilSite.close(resolve));
    }
    expect(exited, `the host exited during the run:\n${stderr}`).toBeNull();
    expect(await normalCallWorks()).toBe(true);
  }, 120_000);
});
