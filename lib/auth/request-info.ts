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

/** True when the request reached us over https (directly, or as the proxy says). */
export function isHttps(headers: HeaderSource): boolean {
  return (headers.get('x-forwarded-proto') ?? '').split(',')[0].trim() === 'https';
}

/** The host the client addressed. */
function requestHost(headers: HeaderSource): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0].trim() || headers.get('host');
}

/** True when the Origin header names this very host (the CSRF check for cookie-authenticated writes). */
export function isSameOrigin(headers: HeaderSource): boolean {
  const origin = headers.get('origin');
  const host = requestHost(headers);
  if (!origin || !host || origin === 'null') return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** A path to return to after signing in: same-site relative paths only (no open redirect). */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/masuk') || value.startsWith('/api/')) return null;
  return value.slice(0, 512);
}
