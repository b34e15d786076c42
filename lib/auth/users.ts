import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/record';
import { queryRows, type Db } from '@/lib/db/client';
import { ROLES, ROLE_ROOT, type Role } from '@/lib/domain/roles';
import type { Scope } from '@/lib/domain/scope';
import { areaVisible, officerVisible } from '@/lib/db/scope-sql';
import { userVisible } from '@/lib/queries/users';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, hashPassword } from './password';
import { USERNAME_PATTERN } from './username';
import { forgetViewers } from './viewer-memory';

export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);

/** A role and its root: an area code for admin/pimpinan/camat/lurah, an officer code for PML/PPL. */
export const accessSchema = z.object({ role: z.enum(ROLES), root: z.string().trim().min(4).max(32) });

export const newUserSchema = accessSchema.extend({
  username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN),
  name: z.string().trim().min(1).max(120),
  password: passwordSchema,
});

export type NewUser = z.infer<typeof newUserSchema>;
export type Access = z.infer<typeof accessSchema>;
export type Actor = { username: string; ip: string | null };

/** Why a change was refused; the pages and the CLI turn these into messages. */
export type UserError = 'not_found' | 'root_not_found' | 'username_taken' | 'self';

interface Root {
  kodeKota: string;
  areaCode: string | null;
  officerCode: string | null;
}

/** The role's root, if it exists inside the scope with the level (area) or role (officer) the role needs. */
async function resolveRoot(db: Db, scope: Scope, access: Access): Promise<Root | null> {
  const need = ROLE_ROOT[access.role];
  if ('area' in need) {
    const [row] = await queryRows<{ code: string; kode_kota: string }>(
      db,
      sql`select code, kode_kota from area where kode_kota = ${scope.kodeKota} and code = ${access.root}
        and level = ${need.area} and ${areaVisible(scope, sql`code`)}`,
    );
    return row ? { kodeKota: row.kode_kota, areaCode: row.code, officerCode: null } : null;
  }
  const [row] = await queryRows<{ code: string; kode_kota: string }>(
    db,
    sql`select code, kode_kota from officer where kode_kota = ${scope.kodeKota} and code = ${access.root}
      and role = ${need.officer} and ${officerVisible(scope, sql`code`, sql`area_code`)}`,
  );
  return row ? { kodeKota: row.kode_kota, areaCode: null, officerCode: row.code } : null;
}

/** Creates an account inside the scope (root checked), with an argon2id password. */
export async function createUser(db: Db, scope: Scope, actor: Actor, input: NewUser): Promise<{ ok: true } | { ok: false; error: UserError }> {
  const root = await resolveRoot(db, scope, input);
  if (!root) return { ok: false, error: 'root_not_found' };
  const hash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const inserted = await queryRows<{ id: string }>(
      tx,
      sql`insert into auth_user (id, name, email, username, display_username, role, kode_kota, area_code, officer_code)
        values (${id}, ${input.name}, ${`${input.username}@pantau.invalid`}, ${input.username}, ${input.username}, ${input.role},
          ${root.kodeKota}, ${root.areaCode}, ${root.officerCode})
        on conflict do nothing returning id`,
    );
    if (!inserted[0]) return { ok: false as const, error: 'username_taken' as const };
    await tx.execute(sql`insert into auth_account (id, account_id, provider_id, user_id, password)
      values (${randomUUID()}, ${id}, 'credential', ${id}, ${hash})`);
    await recordAudit(tx, {
      kodeKota: root.kodeKota,
      actor: actor.username,
      action: 'user.create',
      target: input.username,
      detail: { role: input.role, root: input.root },
      ip: actor.ip,
    });
    return { ok: true as const };
  });
}

/** The visible account's id and kab/kota, or null. */
async function findUser(db: Db, scope: Scope, username: string) {
  const [row] = await queryRows<{ id: string; kode_kota: string; role: Role; area_code: string | null; officer_code: string | null }>(
    db,
    sql`select u.id, u.kode_kota, u.role, u.area_code, u.officer_code from auth_user u where u.username = ${username} and ${userVisible(scope)}`,
  );
  return row ?? null;
}

/** Sets the role and root of an account; an admin cannot change their own (they would lock themselves out). */
export async function setUserAccess(db: Db, scope: Scope, actor: Actor, username: string, access: Access) {
  if (username === actor.username) return { ok: false as const, error: 'self' as const };
  const user = await findUser(db, scope, username);
  if (!user) return { ok: false as const, error: 'not_found' as const };
  const root = await resolveRoot(db, scope, access);
  if (!root) return { ok: false as const, error: 'root_not_found' as const };
  await db.transaction(async (tx) => {
    await tx.execute(sql`update auth_user set role = ${access.role}, area_code = ${root.areaCode}, officer_code = ${root.officerCode},
      updated_at = now() where id = ${user.id}`);
    await recordAudit(tx, {
      kodeKota: user.kode_kota,
      actor: actor.username,
      action: 'user.update',
      target: username,
      detail: { from: { role: user.role, root: user.area_code ?? user.officer_code }, to: { role: access.role, root: access.root } },
      ip: actor.ip,
    });
  });
  forgetViewers();
  return { ok: true as const };
}

/** Disables (ending every session of) or re-enables an account. */
export async function setUserDisabled(db: Db, scope: Scope, actor: Actor, username: string, disabled: boolean) {
  if (username === actor.username) return { ok: false as const, error: 'self' as const };
  const user = await findUser(db, scope, username);
  if (!user) return { ok: false as const, error: 'not_found' as const };
  await db.transaction(async (tx) => {
    await tx.execute(sql`update auth_user set disabled = ${disabled}, updated_at = now() where id = ${user.id}`);
    if (disabled) await tx.execute(sql`delete from auth_session where user_id = ${user.id}`);
    await recordAudit(tx, { kodeKota: user.kode_kota, actor: actor.username, action: 'user.disable', target: username, detail: { disabled }, ip: actor.ip });
  });
  forgetViewers();
  return { ok: true as const };
}

/** A random password for a reset: 16 characters from an alphabet without look-alikes (~92 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/**
 * Sets a new password and ends everything the old one could have opened: the account's sessions
 * and its API tokens (revoked; a token issued to a leaked account must not outlive the reset).
 * The account no longer holds the published demo password, so it stops being a demo login.
 */
export async function resetUserPassword(db: Db, scope: Scope, actor: Actor, username: string, password: string) {
  const user = await findUser(db, scope, username);
  if (!user) return { ok: false as const, error: 'not_found' as const };
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.execute(sql`update auth_account set password = ${hash}, updated_at = now() where user_id = ${user.id} and provider_id = 'credential'`);
    await tx.execute(sql`update auth_user set demo = false, updated_at = now() where id = ${user.id} and demo`);
    await tx.execute(sql`delete from auth_session where user_id = ${user.id}`);
    const revoked = await queryRows<{ id: string }>(
      tx,
      sql`update api_token set revoked_at = now() where user_id = ${user.id} and revoked_at is null returning id`,
    );
    await recordAudit(tx, {
      kodeKota: user.kode_kota,
      actor: actor.username,
      action: 'user.password_reset',
      target: username,
      detail: { tokensRevoked: revoked.length },
      ip: actor.ip,
    });
  });
  forgetViewers();
  return { ok: true as const };
}
