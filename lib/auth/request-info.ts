// What the auth code needs to know about a request, from its headers alone (route handlers,
// server actions and server components all have those).

type HeaderSource = Pick<Headers, 'get'>;

/**
 * The client address: the last X-Forwarded-For entry, the one added by the nearest hop (a
 * reverse proxy, or Next itself from the socket when the header is absent). Behind no proxy a
 * client can forge it, so per-IP limits assume deployment behind one; per-username lockout does not.
 */
export function clientIp(headers: HeaderSource): string | null {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return (last || headers.get('x-real-ip') || null)?.slice(0, 64) ?? null;
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
