// What the auth code needs to know about a request, from its headers alone (route handlers,
// server actions and server components all have those).

type HeaderSource = Pick<Headers, 'get'>;

/**
 * True when Pantau is deployed behind a reverse proxy that appends the client's address to
 * X-Forwarded-For (and sets the X-Forwarded-Host it was asked for): `PANTAU_TRUSTED_PROXY` set
 * to anything but empty, 0, false or no.
 */
export function trustedProxy(env: Record<string, string | undefined> = process.env): boolean {
  const value = (env.PANTAU_TRUSTED_PROXY ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false' && value !== 'no';
}

/**
 * The client address the audit log and the per-IP sign-in limit use, by one rule everywhere:
 * behind a trusted proxy, the last X-Forwarded-For entry (the one that proxy appended; entries
 * before it are whatever the client sent). Without one, none: Next passes a client's own
 * X-Forwarded-For through unchanged and only fills it from the socket when it is absent, so
 * the header proves nothing and the socket address is not reachable from a route handler.
 */
export function clientIp(headers: HeaderSource, env: Record<string, string | undefined> = process.env): string | null {
  if (!trustedProxy(env)) return null;
  const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return last ? last.slice(0, 64) : null;
}

/**
 * True when clients reach us over https: the public URL (`PANTAU_URL`) says so, or a trusted
 * proxy does (X-Forwarded-Proto). Without a trusted proxy that header is the client's word.
 */
export function isHttps(headers: HeaderSource, env: Record<string, string | undefined> = process.env): boolean {
  if (/^https:\/\//i.test(env.PANTAU_URL ?? '')) return true;
  return trustedProxy(env) && (headers.get('x-forwarded-proto') ?? '').split(',')[0].trim().toLowerCase() === 'https';
}

/** The host the client addressed: X-Forwarded-Host only when a trusted proxy set it (a client could name any host). */
function requestHost(headers: HeaderSource, env: Record<string, string | undefined>): string | null {
  return (trustedProxy(env) && headers.get('x-forwarded-host')?.split(',')[0].trim()) || headers.get('host');
}

/** True when the Origin header names this very host (the CSRF check for cookie-authenticated writes). */
export function isSameOrigin(headers: HeaderSource, env: Record<string, string | undefined> = process.env): boolean {
  const origin = headers.get('origin');
  const host = requestHost(headers, env);
  if (!origin || !host || origin === 'null') return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Stands for the app's own origin when resolving `next`: only whether the origin stays the same matters. */
const APP_ORIGIN = 'http://pantau.invalid';

/** Control characters (C0, DEL, C1), any whitespace, and backslashes, which browsers read as `/`. */
const UNSAFE_IN_PATH = /[\u0000-\u0020\u007f-\u00a0\s\\]/u;

function decodedOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * A path to return to after signing in, or null for home. `next` is resolved against the app's
 * own origin and kept only when it stays there: no control or whitespace character and no
 * backslash anywhere, nor in its path after one round of %-decoding (`/%09/evil.example`
 * arrives as `/\t/evil.example`, which a browser reads as `//evil.example`; an encoded space
 * in the query, `?q=Damai%20Baru`, stays). The result is the URL parser's own serialisation,
 * ASCII only, so it can never break a Location header (a raw newline or `é` there was a 500).
 * The sign-in page and the API are never a destination.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 1024) return null;
  const decoded = decodedOnce(value.split(/[?#]/)[0]);
  if (decoded === null || UNSAFE_IN_PATH.test(value) || UNSAFE_IN_PATH.test(decoded) || decoded.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(value, APP_ORIGIN);
  } catch {
    return null;
  }
  const path = url.pathname + url.search + url.hash;
  if (url.origin !== APP_ORIGIN || !path.startsWith('/') || path.startsWith('//')) return null;
  if (path === '/masuk' || path.startsWith('/masuk/') || path.startsWith('/masuk?') || path.startsWith('/api/')) return null;
  return path;
}
