import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ApiResponse } from '../../shared/api/apiError';
import type { Dispatch } from '../services/apiDispatcher';
import { parseRequestTarget } from './requestTarget';

export const TOKEN_HEADER = 'x-stepwise-token';
/** A 50 MB image travels as base64 (about 67 MB); nothing else comes close. */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

export interface WebHostOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Made fresh at each launch unless a test passes one. */
  token?: string;
}

export interface WebHost {
  server: Server;
  port: number;
  token: string;
  /** The address to open, token included (in the fragment, so it never reaches a log). */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(response: ServerResponse, status: number, body: ApiResponse): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}

function refuse(response: ServerResponse, status: number, code: 'unauthorized' | 'forbidden' | 'invalidInput' | 'unknownMethod', message: string): void {
  sendJson(response, status, { ok: false, error: { code, message, problems: [] } });
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<{ ok: true; text: string } | { ok: false }> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return { ok: false };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false };
    chunks.push(chunk as Buffer);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/**
 * The builder API over HTTP on 127.0.0.1, plus the built renderer. Anything on this machine can
 * reach the port, so every API call needs the launch token, and Host/Origin are checked to stop
 * DNS-rebinding and cross-site requests from web pages.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = resolve(options.rendererDir);
  let allowedHosts = new Set<string>();
  let ownOrigins = new Set<string>();

  async function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    const relativePath = pathname === '/' ? 'index.html' : normalize(pathname).replace(/^([/\\])+/, '');
    const file = join(rendererDir, relativePath);
    if (!file.startsWith(rendererDir + sep)) {
      response.writeHead(404).end('Not found');
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      response.writeHead(404, SECURITY_HEADERS).end('Not found');
      return;
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': relativePath.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (request.method === 'HEAD') response.end();
    // pipeline, not pipe: a read error (file removed meanwhile) ends this response instead of the process.
    else
      await pipeline(createReadStream(file), response).catch((error: unknown) => {
        // The browser went away mid-download (a reload, a closed tab): nothing to report.
        if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
      });
  }

  async function serveApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') {
      refuse(response, 405, 'invalidInput', 'The builder API takes POST requests only.');
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !ownOrigins.has(origin)) {
      refuse(response, 403, 'forbidden', `Requests from ${origin} are not allowed.`);
      return;
    }
    if (!sameToken(request.headers[TOKEN_HEADER] as string | undefined, token)) {
      refuse(response, 401, 'unauthorized', 'This request has no valid launch token. Open the address the web host printed when it started.');
      return;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      refuse(response, 415, 'invalidInput', 'The builder API takes application/json bodies.');
      return;
    }
    const body = await readBody(request);
    if (!body.ok) {
      refuse(response, 413, 'invalidInput', `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
      request.resume();
      return;
    }
    let input: unknown;
    try {
      input = body.text ? JSON.parse(body.text) : {};
    } catch {
      refuse(response, 400, 'invalidInput', 'The request body is not valid JSON.');
      return;
    }
    sendJson(response, 200, await options.dispatch(method, input));
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (!allowedHosts.has(host)) {
      response.writeHead(421, { 'Content-Type': 'text/plain' }).end('This server only answers requests addressed to 127.0.0.1 or localhost.');
      return;
    }
    const target = parseRequestTarget(request.url);
    if (!target.ok) {
      refuse(response, 400, 'invalidInput', target.message);
      request.resume();
      return;
    }
    if (target.kind === 'api') await serveApi(request, response, target.method);
    else await serveStatic(request, response, target.pathname);
  }

  // Every request is parsed inside this catch: what a page sends can fail a request, never the process.
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[stepwise] web host error:', error);
      if (!response.headersSent && !response.destroyed) response.writeHead(500).end('Internal error');
      else response.destroy();
    });
  });
  server.requestTimeout = 120_000;
  // Slow or stalled headers are dropped quickly: everything legitimate comes from this machine.
  server.headersTimeout = 10_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  ownOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
