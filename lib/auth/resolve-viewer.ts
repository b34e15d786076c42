import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { isRole, viewerForAccount, type Viewer } from '@/lib/domain/roles';
import { SESSION_COOKIE, type Auth } from './better-auth';
import { sessionHeaders } from './session';
import { TOKEN_PREFIX, resolveApiToken } from './tokens';

export interface Credentials {
  /** The Authorization header. */
  authorization: string | null;
  /** The Cookie header. */
  cookie: string | null;
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

/**
 * Who sent the request: `Authorization: Bearer pnt_…` (an API token), `Bearer <session token>`
 * (what POST /api/v1/session returns), or the session cookie. A Bearer header that does not
 * resolve is not retried with the cookie. Disabled users, revoked tokens and expired sessions
 * resolve to null. The account is read afresh on every request, so a changed role or area
 * applies at once.
 */
export async function resolveViewer(db: Db, auth: Auth, credentials: Credentials): Promise<Viewer | null> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(credentials.authorization ?? '')?.[1];
  if (bearer?.startsWith(TOKEN_PREFIX)) {
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
  const headers = bearer ? sessionHeaders(bearer) : credentials.cookie?.includes(SESSION_COOKIE) ? new Headers({ cookie: credentials.cookie }) : null;
  if (!headers) return null;
  const session = await auth.api.getSession({ headers });
  return toViewer(session?.user as AccountFields | undefined);
}
