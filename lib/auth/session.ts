import { sql } from 'drizzle-orm';
import { isAPIError } from 'better-auth/api';
import { recordAudit } from '@/lib/audit/record';
import { storableText } from '@/lib/db/jsonb';
import { queryRows, type Db } from '@/lib/db/client';
import { isRole, type Role } from '@/lib/domain/roles';
import { isoTime } from '@/lib/queries/iso-time';
import { readEnv } from '@/lib/env';
import { SESSION_COOKIE, type Auth } from './better-auth';
import { hashPassword, verifyPassword } from './password';
import { checkLoginThrottle } from './throttle';
import { forgetViewers } from './viewer-memory';

export interface SignInInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** How the user signed in, for the audit log. */
  via: 'form' | 'api';
  /** Whether demo accounts may sign in with their published password; by default the environment's demo mode. */
  demoMode?: boolean;
}

export interface SignedIn {
  ok: true;
  /** The signed session token: the cookie's value, also accepted as `Authorization: Bearer`. */
  token: string;
  expiresAt: string;
  user: { username: string; name: string; role: Role; kodeKota: string; areaCode: string | null; officerCode: string | null };
}

export type SignInResult =
  | SignedIn
  | { ok: false; reason: 'invalid' | 'locked' | 'rate_limited' | 'demo_password'; retryAfterSeconds?: number };

interface AccountRow {
  username: string;
  name: string;
  role: string;
  kode_kota: string;
  area_code: string | null;
  officer_code: string | null;
  disabled: boolean;
  demo: boolean;
  hash: string | null;
}

/** A username as stored: trimmed, lower case, at most 64 characters (also bounds what the audit log keeps). */
export function normalizeUsername(username: string): string {
  // NUL (and a lone surrogate) cannot reach PostgreSQL text: no stored username holds one.
  return storableText(username.trim().toLowerCase()).slice(0, 64);
}

type Gate = { ok: true; account: AccountRow } | Exclude<SignInResult, SignedIn>;

/**
 * Signs in by username and password, after Pantau's own checks: the per-username lockout, the
 * per-IP limit, disabled accounts and, outside demo mode, demo accounts still holding the
 * published password. Every attempt is written to the audit log. The password is checked under
 * a per-username lock (see `checkPassword`); better-auth then makes the session (argon2id verify,
 * session row, signed token).
 */
export async function signIn(db: Db, auth: Auth, input: SignInInput): Promise<SignInResult> {
  const username = normalizeUsername(input.username);
  const password = input.password.slice(0, 256);
  const gate = await checkPassword(db, username, password, input);
  if (!gate.ok) return gate;
  const { account } = gate;
  const audit = (action: 'login.success' | 'login.failure', detail: Record<string, unknown>) =>
    recordAudit(db, { kodeKota: account.kode_kota, actor: username, action, detail: { via: input.via, ...detail }, ip: input.ip });
  try {
    const { headers, response } = await auth.api.signInUsername({
      body: { username, password },
      headers: new Headers({ 'user-agent': input.userAgent ?? '', ...(input.ip ? { 'x-forwarded-for': input.ip } : {}) }),
      returnHeaders: true,
    });
    const token = cookieValue(headers.get('set-cookie'), SESSION_COOKIE);
    if (!token || !isRole(account.role)) throw new Error('better-auth signed in without a session cookie or account');
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
    // Only when the password changed between the check and here.
    await audit('login.failure', { reason: 'invalid' });
    return { ok: false, reason: 'invalid' };
  }
}

/**
 * Throttle check, password verification and the failure record as one step per username: a
 * transaction holding an advisory lock on the username, so guesses sent at once queue and each
 * sees the failures of those before it — at most LOGIN_LIMITS.lockAfter verifications per
 * account and window, however many arrive together. Every query here goes through the
 * transaction: PGlite runs one transaction at a time, and a query outside it would wait forever.
 */
async function checkPassword(db: Db, username: string, password: string, input: SignInInput): Promise<Gate> {
  const demoMode = input.demoMode ?? readEnv().demo;
  return db.transaction(async (tx): Promise<Gate> => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pantau.sign-in:${username}`}))`);
    const [account] = await queryRows<AccountRow>(
      tx,
      sql`select u.username, u.name, u.role, u.kode_kota, u.area_code, u.officer_code, u.disabled, u.demo, a.password as hash
        from auth_user u left join auth_account a on a.user_id = u.id and a.provider_id = 'credential' where u.username = ${username}`,
    );
    const fail = async (reason: string) =>
      recordAudit(tx, { kodeKota: account?.kode_kota ?? null, actor: username, action: 'login.failure', detail: { via: input.via, reason }, ip: input.ip });

    const throttle = await checkLoginThrottle(tx, username, input.ip);
    if (throttle.blocked) {
      await fail(throttle.blocked);
      return { ok: false, reason: throttle.blocked, retryAfterSeconds: throttle.retryAfterSeconds };
    }
    if (account?.demo && !demoMode) {
      // The demo password is published: outside demo mode it opens nothing, and is not even checked.
      await fail('demo_password');
      return { ok: false, reason: 'demo_password' };
    }
    const hash = account && !account.disabled && isRole(account.role) ? account.hash : null;
    // Unknown and disabled accounts cost one argon2 hash, as a wrong password does, so timing tells nothing.
    const verified = hash ? await verifyPassword({ hash, password }) : (await hashPassword(password), false);
    if (!verified) {
      await fail(account && !hash ? 'disabled' : 'invalid');
      return { ok: false, reason: 'invalid' };
    }
    return { ok: true, account };
  });
}

/** Ends the session the token belongs to (its row is deleted) and logs it; unknown tokens are ignored. */
export async function signOut(db: Db, auth: Auth, token: string, ip: string | null): Promise<boolean> {
  const headers = sessionHeaders(token);
  const session = await auth.api.getSession({ headers });
  if (!session) return false;
  await auth.api.signOut({ headers });
  forgetViewers();
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
