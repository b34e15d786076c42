import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { bulkInsert } from '@/lib/db/bulk';
import { queryRows, type Db } from '@/lib/db/client';
import type { Role } from '@/lib/domain/roles';
import type { DemoData } from '@/lib/demo/generate';
import { hashPassword } from './password';
import { slugify } from './username';

/** The published password of every demo login (DESIGN.md, Runs anywhere). Demo mode only. */
export const DEMO_PASSWORD = 'regsosek2022';

export interface DemoAccount {
  username: string;
  name: string;
  role: Role;
  kodeKota: string;
  areaCode: string | null;
  officerCode: string | null;
}

/**
 * One login per role and root: `admin` and `pimpinan` of the first kab/kota (`admin-9901` …
 * for the synthetic ones), `camat-<kecamatan>`, `lurah-<kelurahan>`, `pml-<code>`, `ppl-<code>`.
 */
export function demoAccounts(data: Pick<DemoData, 'campaigns' | 'areas' | 'officers'>): DemoAccount[] {
  const out: DemoAccount[] = [];
  const taken = new Set<string>();
  const add = (a: DemoAccount) => {
    // Two areas with one name (not the case in Balikpapan) keep distinct logins by their code.
    const username = taken.has(a.username) ? `${a.username}-${a.areaCode ?? a.officerCode}` : a.username;
    taken.add(username);
    out.push({ ...a, username });
  };
  data.campaigns.forEach((c, i) => {
    const kota = data.areas.find((a) => a.code === c.kodeKota)?.name ?? c.kodeKota;
    const suffix = i === 0 ? '' : `-${c.kodeKota}`;
    const root = { kodeKota: c.kodeKota, areaCode: c.kodeKota, officerCode: null };
    add({ username: `admin${suffix}`, name: `Admin ${kota}`, role: 'admin', ...root });
    add({ username: `pimpinan${suffix}`, name: `Kepala BPS ${kota}`, role: 'pimpinan', ...root });
  });
  for (const a of data.areas) {
    if (a.level !== 'kecamatan' && a.level !== 'kelurahan') continue;
    const role = a.level === 'kecamatan' ? 'camat' : 'lurah';
    const title = role === 'camat' ? 'Camat' : 'Lurah';
    add({ username: `${role}-${slugify(a.name)}`, name: `${title} ${a.name}`, role, kodeKota: a.kodeKota, areaCode: a.code, officerCode: null });
  }
  for (const o of data.officers) {
    if (o.role !== 'pml' && o.role !== 'ppl') continue;
    add({ username: `${o.role}-${o.code.toLowerCase()}`, name: o.name, role: o.role, kodeKota: o.kodeKota, areaCode: null, officerCode: o.code });
  }
  return out;
}

/**
 * Replaces every account with the demo logins. The password is hashed once and the hash
 * reused: argon2id costs ~30 ms per hash by design, and there are 1,100+ officers per city.
 */
export async function seedDemoUsers(tx: Db, accounts: DemoAccount[]): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await tx.execute(sql`truncate auth_session, auth_account, api_token, auth_verification, auth_user`);
  const ids = accounts.map(() => randomUUID());
  const now = new Date().toISOString();
  await bulkInsert(tx, 'auth_user', [
    ['id', 'text', ids],
    ['name', 'text', accounts.map((a) => a.name)],
    ['email', 'text', accounts.map((a) => `${a.username}@pantau.invalid`)],
    ['username', 'text', accounts.map((a) => a.username)],
    ['display_username', 'text', accounts.map((a) => a.username)],
    ['role', 'text', accounts.map((a) => a.role)],
    ['kode_kota', 'text', accounts.map((a) => a.kodeKota)],
    ['area_code', 'text', accounts.map((a) => a.areaCode)],
    ['officer_code', 'text', accounts.map((a) => a.officerCode)],
    ['demo', 'bool', accounts.map(() => true)],
    ['created_at', 'timestamptz', accounts.map(() => now)],
  ]);
  await bulkInsert(tx, 'auth_account', [
    ['id', 'text', accounts.map(() => randomUUID())],
    ['account_id', 'text', ids],
    ['provider_id', 'text', accounts.map(() => 'credential')],
    ['user_id', 'text', ids],
    ['password', 'text', accounts.map(() => hash)],
  ]);
}

export interface DemoLogin {
  username: string;
  name: string;
  role: Role;
  /** Name of the root area or officer's area. */
  place: string | null;
}

/**
 * Demo logins for the sign-in page, matching a search term; none unless demo accounts exist.
 * Public by design (demo mode lists them); only accounts flagged `demo` are ever shown.
 */
export async function listDemoLogins(
  db: Db,
  params: { q?: string; username?: string; limit: number; examples?: boolean },
): Promise<DemoLogin[]> {
  const like = params.q ? '%' + params.q.trim().toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c) + '%' : null;
  const rows = await queryRows<{ username: string; name: string; role: Role; place: string | null }>(
    db,
    sql`with candidates as (
      select u.username, u.name, u.role, u.kode_kota,
        coalesce(a.name, oa.name) as place,
        row_number() over (partition by u.role order by u.kode_kota, u.username) as nth
      from auth_user u
      left join area a on a.kode_kota = u.kode_kota and a.code = u.area_code
      left join officer o on o.kode_kota = u.kode_kota and o.code = u.officer_code
      left join area oa on oa.kode_kota = o.kode_kota and oa.code = o.area_code
      where u.demo and not u.disabled ${params.username ? sql`and u.username = ${params.username}` : sql``}
        ${like ? sql`and (u.username like ${like} or lower(u.name) like ${like} or lower(coalesce(a.name, oa.name, '')) like ${like})` : sql``})
    select username, name, role, place from candidates
    ${params.examples ? sql`where nth = 1` : sql``}
    order by array_position(array['admin','pimpinan','camat','lurah','pml','ppl'], role), kode_kota, username
    limit ${params.limit}`,
  );
  return rows;
}
