import { SESSION_COOKIE, SESSION_SECONDS } from './better-auth';

export { SESSION_COOKIE };

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
