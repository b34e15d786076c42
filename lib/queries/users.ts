import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { Role } from '@/lib/domain/roles';
import type { Scope } from '@/lib/domain/scope';
import { isoTime } from './iso-time';
import { areaVisible, officerVisible } from '@/lib/db/scope-sql';

/**
 * SQL condition over `auth_user u`: the account's root (area or officer) lies inside the
 * scope. A whole kab/kota sees every account of it, including ones whose root no longer exists.
 */
export function userVisible(scope: Scope): SQL {
  if (scope.kind === 'area' && scope.areaCode === scope.kodeKota) return sql`(u.kode_kota = ${scope.kodeKota})`;
  return sql`(u.kode_kota = ${scope.kodeKota} and (
    (u.area_code is not null and ${areaVisible(scope, sql`u.area_code`)})
    or exists (select 1 from officer o where o.kode_kota = u.kode_kota and o.code = u.officer_code
      and ${officerVisible(scope, sql`o.code`, sql`o.area_code`)})))`;
}

export interface UserRow {
  id: string;
  username: string;
  name: string;
  role: Role;
  kodeKota: string;
  areaCode: string | null;
  officerCode: string | null;
  /** Name of the root area or officer. */
  rootName: string | null;
  disabled: boolean;
  demo: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

interface Row {
  id: string;
  username: string;
  name: string;
  role: Role;
  kode_kota: string;
  area_code: string | null;
  officer_code: string | null;
  root_name: string | null;
  disabled: boolean;
  demo: boolean;
  created_at: string;
  last_login_at: string | null;
}

const toUser = (r: Row): UserRow => ({
  id: r.id,
  username: r.username,
  name: r.name,
  role: r.role,
  kodeKota: r.kode_kota,
  areaCode: r.area_code,
  officerCode: r.officer_code,
  rootName: r.root_name,
  disabled: r.disabled,
  demo: r.demo,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
});

const USER_COLUMNS = sql`u.id, u.username, u.name, u.role, u.kode_kota, u.area_code, u.officer_code, u.disabled, u.demo,
  ${isoTime(sql`u.created_at`)} as created_at,
  coalesce((select a.name from area a where a.kode_kota = u.kode_kota and a.code = u.area_code),
    (select o.name from officer o where o.kode_kota = u.kode_kota and o.code = u.officer_code)) as root_name,
  (select ${isoTime(sql`max(s.created_at)`)} from auth_session s where s.user_id = u.id) as last_login_at`;

export interface ListUsersParams {
  q?: string;
  role?: Role;
  page: number;
  pageSize: number;
}

/** Accounts visible in the scope, filtered by a search term (username, name, root code) and role. */
export async function listUsers(db: Db, scope: Scope, params: ListUsersParams): Promise<{ rows: UserRow[]; total: number }> {
  const term = params.q?.trim().toLowerCase();
  const like = term ? '%' + term.replace(/[\\%_]/g, (c) => '\\' + c) + '%' : null;
  const where = sql`${userVisible(scope)}
    ${params.role ? sql`and u.role = ${params.role}` : sql``}
    ${like ? sql`and (u.username like ${like} or lower(u.name) like ${like} or u.area_code like ${like} or u.officer_code like ${like})` : sql``}`;
  const [rows, [count]] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select ${USER_COLUMNS} from auth_user u where ${where}
      order by array_position(array['admin','pimpinan','camat','lurah','pml','ppl'], u.role), u.username
      limit ${params.pageSize} offset ${(params.page - 1) * params.pageSize}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from auth_user u where ${where}`),
  ]);
  return { rows: rows.map(toUser), total: count.n };
}

/** One account visible in the scope, or null (outside the scope answers like a missing one). */
export async function getUser(db: Db, scope: Scope, username: string): Promise<UserRow | null> {
  const [row] = await queryRows<Row>(db, sql`select ${USER_COLUMNS} from auth_user u where u.username = ${username} and ${userVisible(scope)}`);
  return row ? toUser(row) : null;
}

export interface RootArea {
  code: string;
  name: string;
  level: 'kota' | 'kecamatan' | 'kelurahan';
}

/** The kota, kecamatan and kelurahan of the scope: the areas an account can be rooted at. */
export async function listRootAreas(db: Db, scope: Scope): Promise<RootArea[]> {
  return queryRows<RootArea>(
    db,
    sql`select code, name, level from area where kode_kota = ${scope.kodeKota}
      and level in ('kota', 'kecamatan', 'kelurahan') and ${areaVisible(scope, sql`code`)} order by code`,
  );
}
