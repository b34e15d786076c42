import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record';
import { queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import { userVisible } from '@/lib/queries/users';
import { forgetViewers } from './viewer-memory';

/** API tokens start with this, so a Bearer value is told apart from a session token at a glance. */
export const TOKEN_PREFIX = 'pnt_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface IssueTokenInput {
  username: string;
  name: string;
  /** ISO date (YYYY-MM-DD) after which the token stops working, or null for no expiry. */
  expiresOn: string | null;
}

/**
 * Issues a token that acts as `username` (with that user's scope). 256 random bits, so a
 * plain SHA-256 is a sound way to store it. Returns the token once; only its hash is kept.
 * Null when the user is not visible in the issuing admin's scope (answered like a missing one).
 */
export async function issueApiToken(db: Db, scope: Scope, actor: { username: string; ip: string | null }, input: IssueTokenInput) {
  return db.transaction(async (tx) => {
    const [user] = await queryRows<{ id: string; kode_kota: string }>(
      tx,
      sql`select u.id, u.kode_kota from auth_user u where u.username = ${input.username} and ${userVisible(scope)}`,
    );
    if (!user) return null;
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const id = randomUUID();
    // Valid through the whole of that day in the kab/kota's own time zone.
    const expiresAt = input.expiresOn
      ? sql`(${input.expiresOn}::date + 1)::timestamp at time zone coalesce((select timezone from campaign where kode_kota = ${user.kode_kota}), 'UTC')`
      : sql`null`;
    await tx.execute(sql`insert into api_token (id, kode_kota, user_id, name, token_hash, prefix, created_by, expires_at)
      values (${id}, ${user.kode_kota}, ${user.id}, ${input.name}, ${hashToken(token)}, ${token.slice(0, 10)}, ${actor.username}, ${expiresAt})`);
    await recordAudit(tx, {
      kodeKota: user.kode_kota,
      actor: actor.username,
      action: 'token.create',
      target: input.username,
      detail: { tokenId: id, name: input.name, expiresOn: input.expiresOn },
      ip: actor.ip,
    });
    return { id, token };
  });
}

/** Revokes a token visible in the scope; false when there is none (or it was already revoked). */
export async function revokeApiToken(db: Db, scope: Scope, actor: { username: string; ip: string | null }, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ kode_kota: string; username: string; name: string }>(
      tx,
      sql`update api_token t set revoked_at = now() from auth_user u
        where t.id = ${id} and t.revoked_at is null and u.id = t.user_id and t.kode_kota = ${scope.kodeKota} and ${userVisible(scope)}
        returning t.kode_kota, u.username, t.name`,
    );
    if (!rows[0]) return false;
    await recordAudit(tx, {
      kodeKota: rows[0].kode_kota,
      actor: actor.username,
      action: 'token.revoke',
      target: rows[0].username,
      detail: { tokenId: id, name: rows[0].name },
      ip: actor.ip,
    });
    return true;
  }).then((revoked) => {
    if (revoked) forgetViewers();
    return revoked;
  });
}

/**
 * The user id a Bearer token acts for, or null when it is unknown, revoked, expired or its
 * user is disabled. Records the last use at most once a minute (a write per request would
 * make every API read a write).
 */
export async function resolveApiToken(db: Db, token: string): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await queryRows<{ id: string; user_id: string; stale: boolean }>(
    db,
    sql`select t.id, t.user_id, (t.last_used_at is null or t.last_used_at < now() - interval '1 minute') as stale
      from api_token t join auth_user u on u.id = t.user_id
      where t.token_hash = ${hashToken(token)} and t.revoked_at is null
        and (t.expires_at is null or t.expires_at > now()) and not u.disabled`,
  );
  if (!row) return null;
  if (row.stale) await db.execute(sql`update api_token set last_used_at = now() where id = ${row.id}`);
  return row.user_id;
}
