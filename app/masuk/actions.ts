'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SESSION_COOKIE, sessionCookieOptions } from '@/lib/auth/cookie';
import { clientIp, isHttps, safeNextPath } from '@/lib/auth/request-info';
import { signIn, signOut } from '@/lib/auth/session';
import { getAuth } from '@/lib/server/auth';
import { getDb } from '@/lib/server/database';

export interface LoginState {
  error: 'invalid' | 'locked' | 'rate_limited' | 'missing' | null;
  minutes?: number;
  username?: string;
}

/** The login form. Next checks a server action's Origin against the host, so this is same-origin only. */
export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const username = String(form.get('username') ?? '').slice(0, 256);
  const password = String(form.get('password') ?? '').slice(0, 1024);
  if (!username.trim() || !password) return { error: 'missing', username };
  const h = await headers();
  const result = await signIn(await getDb(), await getAuth(), {
    username,
    password,
    ip: clientIp(h),
    userAgent: h.get('user-agent'),
    via: 'form',
  });
  if (!result.ok) return { error: result.reason, minutes: Math.ceil((result.retryAfterSeconds ?? 0) / 60), username };
  (await cookies()).set(SESSION_COOKIE, result.token, sessionCookieOptions(isHttps(h)));
  redirect(safeNextPath(form.get('next')) ?? '/');
}

/** Signs out the current session and returns to the sign-in page. */
export async function logout(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await signOut(await getDb(), await getAuth(), token, clientIp(await headers()));
  jar.delete(SESSION_COOKIE);
  redirect('/masuk');
}
