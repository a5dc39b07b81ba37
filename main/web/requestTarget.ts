/** What a request line asks for: a builder API method, or a file of the built renderer. */
export type RequestTarget =
  | { ok: true; kind: 'api'; method: string }
  | { ok: true; kind: 'static'; pathname: string }
  | { ok: false; message: string };

/** Far longer than any method name or renderer file; longer targets are refused before decoding. */
export const MAX_TARGET_LENGTH = 2_048;

const API_PREFIX = '/api/';

/**
 * Parses a request target without throwing: any web page can send one (an `<img>` pointing at
 * the port is enough), so a bad percent-encoding or a NUL byte must become a 400, not an exception.
 */
export function parseRequestTarget(rawTarget: string | undefined): RequestTarget {
  const target = rawTarget ?? '/';
  if (target.length > MAX_TARGET_LENGTH) return { ok: false, message: `The request path is longer than ${MAX_TARGET_LENGTH} characters.` };
  if (!target.startsWith('/')) return { ok: false, message: 'The request path must start with "/".' };
  const rawPath = target.split('?')[0]!;
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, message: 'The request path is not valid percent-encoding.' };
  }
  // eslint-disable-next-line no-control-regex -- control characters (NUL above all) are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(pathname)) return { ok: false, message: 'The request path contains control characters.' };
  if (pathname.startsWith(API_PREFIX)) return { ok: true, kind: 'api', method: pathname.slice(API_PREFIX.length) };
  return { ok: true, kind: 'static', pathname };
}
