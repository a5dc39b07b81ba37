import { CaptureError } from './capturePage';

/** Chromium's network error names (the same in Playwright and Electron), in words for the author. */
const NET_ERRORS: Array<[RegExp, (host: string) => string]> = [
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED/, (host) => `${host} could not be found (no such host). Check the address.`],
  [/ERR_CONNECTION_REFUSED/, (host) => `${host} refused the connection. Is the site running?`],
  [/ERR_CONNECTION_(RESET|CLOSED|FAILED)|ERR_EMPTY_RESPONSE/, (host) => `The connection to ${host} was dropped before the page arrived.`],
  [/ERR_ADDRESS_UNREACHABLE|ERR_INTERNET_DISCONNECTED|ERR_NETWORK_/, (host) => `${host} cannot be reached from this computer.`],
  [/ERR_TOO_MANY_REDIRECTS/, (host) => `${host} redirects in a loop, so the page never arrives. Open it in a browser to see where it goes.`],
  [/ERR_CERT_|ERR_SSL_/, (host) => `${host} has a certificate problem, so the page was not loaded.`],
  [/ERR_BLOCKED|ERR_ABORTED/, (host) => `Loading ${host} was stopped (a download, or a blocked page) before a page arrived.`],
];

export function navigationError(url: string, error: unknown, timeoutMs: number): CaptureError {
  const text = error instanceof Error ? error.message : String(error);
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  if (/timeout|timed out/i.test(text) && !/ERR_/.test(text)) {
    return new CaptureError(`${url} did not finish loading within ${Math.round(timeoutMs / 1000)} s. Try again, or raise the timeout.`);
  }
  for (const [pattern, message] of NET_ERRORS) if (pattern.test(text)) return new CaptureError(message(host));
  const code = /net::(ERR_[A-Z_]+)/.exec(text)?.[1];
  return new CaptureError(`${url} could not be loaded${code ? ` (${code})` : ''}.`);
}

export function statusError(url: string, status: number, statusText: string): CaptureError {
  return new CaptureError(`${url} answered ${status}${statusText ? ` ${statusText}` : ''}, so there is no page to capture.`);
}
