'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { sessionCookieName, sessionCookieOptions } from '@/lib/auth/cookie';
import { clientIp, isHttps, safeNextPath } from '@/lib/auth/request-info';
import { signIn, signOut } from '@/lib/server/sign-in';

export interface LoginState {
  error: 'invalid' | 'locked' | 'rate_limited' | 'demo_password' | 'missing' | null;
  minutes?: number;
  username?: string;
}

/** The login form. Next checks a server action's Origin against the host, so this is same-origin only. */
export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const username = String(form.get('username') ?? '').slice(0, 256);
  const password = String(form.get('password') ?? '').slice(0, 1024);
  if (!username.trim() || !password) return { error: 'missing', username };
  const h = await headers();
  const result = await signIn({
    username,
    password,
    ip: clientIp(h),
    userAgent: h.get('user-agent'),
    via: 'form',
  });
  if (!result.ok) return { error: result.reason, minutes: Math.ceil((result.retryAfterSeconds ?? 0) / 60), username };
  const https = isHttps(h);
  (await cookies()).set(sessionCookieName(https), result.token, sessionCookieOptions(https));
  redirect(safeNextPath(form.get('next')) ?? '/');
}

/** Signs out the current session and returns to the sign-in page. */
export async function logout(): Promise<void> {
  const jar = await cookies();
  const h = await headers();
  const https = isHttps(h);
  const token = jar.get(sessionCookieName(https))?.value;
  if (token) await signOut(token, clientIp(h));
  // Cleared with the attributes it was set with: a browser ignores a __Host- cookie without Secure.
  jar.set(sessionCookieName(https), '', { ...sessionCookieOptions(https), maxAge: 0 });
  redirect('/masuk');
}
