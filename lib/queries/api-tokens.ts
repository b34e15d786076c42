import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import { isoTime } from './iso-time';
import { userVisible } from './users';

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  username: string;
  role: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Tokens of the accounts visible in the scope, newest first (the hash never leaves the database). */
export async function listApiTokens(db: Db, scope: Scope, params: { limit: number; username?: string }): Promise<ApiTokenRow[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    prefix: string;
    username: string;
    role: string;
    created_by: string;
    created_at: string;
    expires_at: string | null;
    revoked_at: string | null;
    last_used_at: string | null;
  }>(
    db,
    sql`select t.id, t.name, t.prefix, u.username, u.role, t.created_by, ${isoTime(sql`t.created_at`)} as created_at,
      ${isoTime(sql`t.expires_at`)} as expires_at, ${isoTime(sql`t.revoked_at`)} as revoked_at, ${isoTime(sql`t.last_used_at`)} as last_used_at
    from api_token t join auth_user u on u.id = t.user_id
    where t.kode_kota = ${scope.kodeKota} and ${userVisible(scope)} ${params.username ? sql`and u.username = ${params.username}` : sql``}
    order by t.revoked_at is not null, t.created_at desc limit ${params.limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    username: r.username,
    role: r.role,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  }));
}
