import { sql } from 'drizzle-orm';
import { isAPIError } from 'better-auth/api';
import { recordAudit } from '@/lib/audit/record';
import { storableText } from '@/lib/db/jsonb';
import { queryRows, type Db } from '@/lib/db/client';
import { isRole, type Role } from '@/lib/domain/roles';
import { isoTime } from '@/lib/queries/iso-time';
import { SESSION_COOKIE, type Auth } from './better-auth';
import { hashPassword } from './password';
import { checkLoginThrottle } from './throttle';

export interface SignInInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** How the user signed in, for the audit log. */
  via: 'form' | 'api';
}

export interface SignedIn {
  ok: true;
  /** The signed session token: the cookie's value, also accepted as `Authorization: Bearer`. */
  token: string;
  expiresAt: string;
  user: { username: string; name: string; role: Role; kodeKota: string; areaCode: string | null; officerCode: string | null };
}

export type SignInResult = SignedIn | { ok: false; reason: 'invalid' | 'locked' | 'rate_limited'; retryAfterSeconds?: number };

interface AccountRow {
  username: string;
  name: string;
  role: string;
  kode_kota: string;
  area_code: string | null;
  officer_code: string | null;
  disabled: boolean;
}

/** A username as stored: trimmed, lower case, at most 64 characters (also bounds what the audit log keeps). */
export function normalizeUsername(username: string): string {
  // NUL (and a lone surrogate) cannot reach PostgreSQL text: no stored username holds one.
  return storableText(username.trim().toLowerCase()).slice(0, 64);
}

/**
 * Signs in by username and password through better-auth (argon2id verify, session row,
 * signed token), after Pantau's own checks: the per-username lockout, the per-IP limit and
 * disabled accounts. Every attempt is written to the audit log.
 */
export async function signIn(db: Db, auth: Auth, input: SignInInput): Promise<SignInResult> {
  const username = normalizeUsername(input.username);
  const [account] = await queryRows<AccountRow>(
    db,
    sql`select username, name, role, kode_kota, area_code, officer_code, disabled from auth_user where username = ${username}`,
  );
  const audit = (action: 'login.success' | 'login.failure', detail: Record<string, unknown>) =>
    recordAudit(db, { kodeKota: account?.kode_kota ?? null, actor: username, action, detail: { via: input.via, ...detail }, ip: input.ip });

  const throttle = await checkLoginThrottle(db, username, input.ip);
  if (throttle.blocked) {
    await audit('login.failure', { reason: throttle.blocked });
    return { ok: false, reason: throttle.blocked, retryAfterSeconds: throttle.retryAfterSeconds };
  }
  if (account && (account.disabled || !isRole(account.role))) {
    // Same work as a wrong password, so the answer's timing does not tell the two apart.
    await hashPassword(input.password.slice(0, 256));
    await audit('login.failure', { reason: 'disabled' });
    return { ok: false, reason: 'invalid' };
  }
  try {
    const { headers, response } = await auth.api.signInUsername({
      body: { username, password: input.password.slice(0, 256) },
      headers: new Headers({ 'user-agent': input.userAgent ?? '', ...(input.ip ? { 'x-forwarded-for': input.ip } : {}) }),
      returnHeaders: true,
    });
    const token = cookieValue(headers.get('set-cookie'), SESSION_COOKIE);
    if (!token || !account || !isRole(account.role)) throw new Error('better-auth signed in without a session cookie or account');
    const [session] = await queryRows<{ expires_at: string }>(
      db,
      sql`select ${isoTime(sql`expires_at`)} as expires_at from auth_session where token = ${response.token}`,
    );
    await audit('login.success', {});
    return {
      ok: true,
      token,
      expiresAt: session.expires_at,
      user: {
        username: account.username,
        name: account.name,
        role: account.role,
        kodeKota: account.kode_kota,
        areaCode: account.area_code,
        officerCode: account.officer_code,
      },
    };
  } catch (error) {
    // isAPIError, not instanceof: bundling can load better-auth's error class twice.
    if (!isAPIError(error) || !['UNAUTHORIZED', 'UNPROCESSABLE_ENTITY', 'BAD_REQUEST'].includes(String(error.status))) throw error;
    await audit('login.failure', { reason: 'invalid' });
    return { ok: false, reason: 'invalid' };
  }
}

/** Ends the session the token belongs to (its row is deleted) and logs it; unknown tokens are ignored. */
export async function signOut(db: Db, auth: Auth, token: string, ip: string | null): Promise<boolean> {
  const headers = sessionHeaders(token);
  const session = await auth.api.getSession({ headers });
  if (!session) return false;
  await auth.api.signOut({ headers });
  const user = session.user as { username?: string | null; kodeKota?: string };
  await recordAudit(db, { kodeKota: user.kodeKota ?? null, actor: user.username ?? session.user.id, action: 'logout', ip });
  return true;
}

/** Request headers carrying a session token as better-auth's cookie. */
export function sessionHeaders(token: string): Headers {
  return new Headers({ cookie: `${SESSION_COOKIE}=${encodeURIComponent(decodeURIComponent(token))}` });
}

/** The value of one cookie in a (possibly combined) Set-Cookie header. */
function cookieValue(setCookie: string | null, name: string): string | null {
  for (const part of (setCookie ?? '').split(/,(?=\s*[^;,=\s]+=)/)) {
    const [pair] = part.trim().split(';');
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq) === name) return decodeURIComponent(pair.slice(eq + 1));
  }
  return null;
}
