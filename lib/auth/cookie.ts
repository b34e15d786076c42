import { SESSION_COOKIE, SESSION_SECONDS } from './better-auth';

export { SESSION_COOKIE };

/**
 * The session cookie's name: over https `__Host-pantau.session_token`, which browsers accept
 * only when Secure, on path / and with no Domain — so no subdomain or plain-http page can plant
 * or overwrite it. Over plain http (the local demo) the prefix is impossible and left off.
 */
export function sessionCookieName(https: boolean): string {
  return https ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

/** The session cookie's attributes: httpOnly, SameSite=Lax, Secure when the request came over https. */
export function sessionCookieOptions(https: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: https, path: '/', maxAge: SESSION_SECONDS };
}

/** The session token of a request: a Bearer session token (not an API token) or the cookie. */
export function sessionTokenOf(authorization: string | null, cookieValue: string | undefined): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (bearer) return bearer.startsWith('pnt_') ? null : bearer;
  return cookieValue ?? null;
}
