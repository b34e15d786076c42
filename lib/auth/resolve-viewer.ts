import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { isRole, viewerForAccount, type Viewer } from '@/lib/domain/roles';
import type { Auth } from './better-auth';
import { sessionCookieName } from './cookie';
import { TOKEN_PREFIX, resolveApiToken } from './tokens';
import { keyOf, remember, remembered, viewerGeneration } from './viewer-memory';

export { VIEWER_TTL_MS } from './viewer-memory';

export interface Credentials {
  /** The Authorization header. */
  authorization: string | null;
  /** The Cookie header. */
  cookie: string | null;
  /** Served over https: the session cookie is then the `__Host-` one (sessionCookieName), and only that. */
  https?: boolean;
}

interface AccountFields {
  username?: string | null;
  role?: unknown;
  kodeKota?: unknown;
  areaCode?: unknown;
  officerCode?: unknown;
  disabled?: unknown;
}

function toViewer(u: AccountFields | null | undefined): Viewer | null {
  if (!u || u.disabled === true || !u.username || !isRole(u.role) || typeof u.kodeKota !== 'string') return null;
  return viewerForAccount({
    username: u.username,
    role: u.role,
    kodeKota: u.kodeKota,
    areaCode: typeof u.areaCode === 'string' ? u.areaCode : null,
    officerCode: typeof u.officerCode === 'string' ? u.officerCode : null,
  });
}

/** The credential of an `Authorization: Bearer <credential>` header, or null for any other header. */
export function bearerCredential(authorization: string | null): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null;
}

/**
 * Who sent the request: `Authorization: Bearer pnt_…` (an API token), `Bearer <session token>`
 * (what POST /api/v1/session returns), or the session cookie. Exactly one credential counts: a
 * request with an Authorization header is authenticated by that header alone — one that is not
 * a Bearer credential, or does not resolve, is never retried with the cookie (so a cookie
 * riding along a `Basic` header cannot slip past the Origin check meant for cookies).
 * Disabled users, revoked tokens and expired sessions resolve to null. A resolved viewer is
 * remembered for at most VIEWER_TTL_MS (keyed by the credential's hash, never past the
 * session's expiry): a change made in this process (role, area, disable, password reset,
 * sign-out, token revocation: lib/auth/*) forgets every remembered viewer at once, one made
 * elsewhere (another node, SQL) applies within VIEWER_TTL_MS.
 */
export async function resolveViewer(db: Db, auth: Auth, credentials: Credentials): Promise<Viewer | null> {
  const bearer = bearerCredential(credentials.authorization);
  if (credentials.authorization !== null && !bearer) return null;
  if (bearer?.startsWith(TOKEN_PREFIX)) {
    const key = `t:${keyOf(bearer)}`;
    const hit = remembered(db, key);
    if (hit) return hit;
    const generation = viewerGeneration();
    const viewer = await tokenViewer(db, bearer);
    if (viewer) remember(db, key, viewer, Infinity, generation);
    return viewer;
  }
  const name = sessionCookieName(credentials.https ?? false);
  const signed = bearer ? tryDecode(bearer) : credentials.cookie?.includes(name) ? cookieValue(credentials.cookie, name) : null;
  if (!signed) return null;
  const token = verifySigned(signed, (await auth.$context).secret);
  if (!token) return null;
  const key = `s:${keyOf(token)}`;
  const hit = remembered(db, key);
  if (hit) return hit;
  const generation = viewerGeneration();
  const resolved = await sessionViewer(db, token);
  if (resolved) remember(db, key, resolved.viewer, resolved.expiresAt, generation);
  return resolved?.viewer ?? null;
}

async function tokenViewer(db: Db, bearer: string): Promise<Viewer | null> {
  const userId = await resolveApiToken(db, bearer);
  if (!userId) return null;
  const [row] = await queryRows<{ username: string; role: string; kode_kota: string; area_code: string | null; officer_code: string | null; disabled: boolean }>(
    db,
    sql`select username, role, kode_kota, area_code, officer_code, disabled from auth_user where id = ${userId}`,
  );
  return row
    ? toViewer({ username: row.username, role: row.role, kodeKota: row.kode_kota, areaCode: row.area_code, officerCode: row.officer_code, disabled: row.disabled })
    : null;
}

const tryDecode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** The first value of cookie `name` in a Cookie header, decoded as better-auth reads it. */
export function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    return tryDecode(value);
  }
  return null;
}

/**
 * The session token of a signed cookie value (`token.base64(HMAC-SHA256(secret, token))`, as
 * better-auth writes it), or null when the signature does not match. Checked with node:crypto
 * synchronously: WebCrypto's async verify (better-auth's path) costs a thread-pool round trip
 * per request.
 */
export function verifySigned(value: string, secret: string): string | null {
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1));
  if (signature.length !== 44) return null;
  const expected = Buffer.from(createHmac('sha256', secret).update(token).digest('base64'));
  return timingSafeEqual(signature, expected) ? token : null;
}

/**
 * The viewer of a session token: the session row and its account in one query (better-auth's
 * getSession takes its endpoint machinery and two signature checks for the same answer).
 * An expired session is deleted, as better-auth does, and resolves to null.
 */
async function sessionViewer(db: Db, token: string): Promise<{ viewer: Viewer; expiresAt: number } | null> {
  const [row] = await queryRows<{
    username: string | null;
    role: string;
    kode_kota: string;
    area_code: string | null;
    officer_code: string | null;
    disabled: boolean;
    live: boolean;
    expires_ms: string;
  }>(
    db,
    sql`select u.username, u.role, u.kode_kota, u.area_code, u.officer_code, u.disabled, s.expires_at > now() as live,
      (extract(epoch from s.expires_at) * 1000)::bigint::text as expires_ms
      from auth_session s join auth_user u on u.id = s.user_id where s.token = ${token}`,
  );
  if (!row) return null;
  if (!row.live) {
    await db.execute(sql`delete from auth_session where token = ${token} and expires_at <= now()`);
    return null;
  }
  const viewer = toViewer({ username: row.username, role: row.role, kodeKota: row.kode_kota, areaCode: row.area_code, officerCode: row.officer_code, disabled: row.disabled });
  return viewer && { viewer, expiresAt: Number(row.expires_ms) };
}
