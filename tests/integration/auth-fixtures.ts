import { createAuth, type Auth } from '@/lib/auth/better-auth';
import { signIn, type SignInResult } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import { DEMO_PASSWORD } from '@/lib/auth/demo-users';

/** better-auth on a test database, with a fixed test secret. */
export function testAuth(db: Db): Auth {
  return createAuth(db, { secret: 'test-secret-'.padEnd(48, 'x'), baseURL: 'http://localhost:3000' });
}

/** Signs in as a form would, from the given IP (default: a per-test address). */
export function login(db: Db, auth: Auth, username: string, password = DEMO_PASSWORD, ip = '203.0.113.1'): Promise<SignInResult> {
  return signIn(db, auth, { username, password, ip, userAgent: 'vitest', via: 'api' });
}

export function cookieOf(token: string): string {
  return `pantau.session_token=${encodeURIComponent(token)}`;
}
