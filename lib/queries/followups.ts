// Follow-ups (tindak lanjut) of refusals and not-met families: the scoped write and reads.
// An SLS is in a viewer's scope when any of its sub-SLS is (a PML: their PPL's sub-SLS), the
// same rule every read applies; the check and the write run in one transaction.
import 'server-only';
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows, type Db } from '@/lib/db/client';
import type { FollowupParty } from '@/lib/domain/followup';
import { codeAtLevel } from '@/lib/domain/area-code';
import type { Scope } from '@/lib/domain/scope';
import { areaVisible } from '@/lib/db/scope-sql';

export interface FollowupInput {
  /** Present to edit: the follow-up to write a new version of. */
  id?: number;
  kodeSls: string;
  tanggal: string;
  parties: FollowupParty[];
  visited: number;
  agreed: number;
  stillRefusing: number;
  note: string | null;
}

export interface Followup extends Omit<FollowupInput, 'id'> {
  id: number;
  version: number;
  createdBy: string;
  createdAt: string;
}

interface FollowupRow {
  id: string | number;
  kode_sls: string;
  tanggal: string;
  parties: FollowupParty[] | string;
  visited: number;
  agreed: number;
  still_refusing: number;
  note: string | null;
  created_by: string;
  created_at: string | Date;
  version: number;
}

/** PGlite returns text[] as an array, postgres.js too; a literal "{a,b}" is parsed as a fallback. */
function partiesOf(v: FollowupRow['parties']): FollowupParty[] {
  if (Array.isArray(v)) return v;
  return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean) as FollowupParty[];
}

export function toFollowup(r: FollowupRow): Followup {
  return {
    id: Number(r.id),
    kodeSls: r.kode_sls,
    tanggal: r.tanggal,
    parties: partiesOf(r.parties),
    visited: r.visited,
    agreed: r.agreed,
    stillRefusing: r.still_refusing,
    note: r.note,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
  };
}

const COLUMNS = sql`f.id, f.kode_sls, f.tanggal::text as tanggal, f.parties, f.visited, f.agreed, f.still_refusing, f.note,
  f.created_by, f.created_at, f.version`;

/** SQL condition: the SLS in `column` has a sub-SLS visible in the scope. */
export function slsVisible(scope: Scope, column: ReturnType<typeof sql>) {
  return sql`exists (select 1 from area sa where sa.kode_kota = ${scope.kodeKota} and sa.parent_code = ${column}
    and sa.level = 'subsls' and ${areaVisible(scope, sql`sa.code`)})`;
}

/**
 * The open cases (menolak + tidak ditemui) of the SLS's visible sub-SLS on `tanggal`, carried
 * forward; null when the SLS is not visible in the scope (or does not exist).
 */
export async function getSlsOpenCases(db: Db, scope: Scope, kodeSls: string, tanggal: string): Promise<{ menolak: number; tidakDitemui: number } | null> {
  const [row] = await queryRows<{ n: number; menolak: number; tidak_ditemui: number }>(
    db,
    sql`select count(*)::int as n, coalesce(sum(d.menolak), 0)::int as menolak, coalesce(sum(d.tidak_ditemui), 0)::int as tidak_ditemui
    from area sa left join area_day d on d.kode_kota = sa.kode_kota and d.code = sa.code and d.tanggal = ${tanggal}::date
    where sa.kode_kota = ${scope.kodeKota} and sa.parent_code = ${kodeSls} and sa.level = 'subsls' and ${areaVisible(scope, sql`sa.code`)}`,
  );
  return row && row.n > 0 ? { menolak: row.menolak, tidakDitemui: row.tidak_ditemui } : null;
}

/** The current version of a follow-up whose SLS is visible, or null. */
export async function getFollowup(db: Db, scope: Scope, id: number): Promise<Followup | null> {
  const [row] = await queryRows<FollowupRow>(
    db,
    sql`select ${COLUMNS} from followup f where f.kode_kota = ${scope.kodeKota} and f.id = ${id} and ${slsVisible(scope, sql`f.kode_sls`)}`,
  );
  return row ? toFollowup(row) : null;
}

/**
 * Writes a follow-up (or, with `id`, its next version): the history row first, whose id also
 * numbers a new follow-up, then the current row. Run inside the caller's transaction, after
 * the scope and count checks.
 */
export async function writeFollowup(db: Db, scope: Scope, input: FollowupInput, by: { username: string; version: number }): Promise<Followup> {
  const { kodeKota } = scope;
  const [{ n }] = await queryRows<{ n: string }>(db, sql`select nextval(pg_get_serial_sequence('followup_history', 'history_id'))::text as n`);
  const id = input.id ?? Number(n);
  const values = sql`${id}, ${kodeKota}, ${input.kodeSls}, ${input.tanggal}::date, ${arrayParam(input.parties)}::text[], ${input.visited},
    ${input.agreed}, ${input.stillRefusing}, ${input.note}, ${by.username}, ${by.version}`;
  await db.execute(sql`insert into followup_history (history_id, id, kode_kota, kode_sls, tanggal, parties, visited, agreed, still_refusing,
    note, created_by, version) values (${Number(n)}, ${values})`);
  const [row] = await queryRows<FollowupRow>(
    db,
    sql`insert into followup as f (id, kode_kota, kode_sls, tanggal, parties, visited, agreed, still_refusing, note, created_by, version)
    values (${values})
    on conflict (kode_kota, id) do update set kode_sls = excluded.kode_sls, tanggal = excluded.tanggal, parties = excluded.parties,
      visited = excluded.visited, agreed = excluded.agreed, still_refusing = excluded.still_refusing, note = excluded.note,
      created_by = excluded.created_by, created_at = now(), version = excluded.version
    returning ${COLUMNS}`,
  );
  return toFollowup(row);
}

/** Every version of a follow-up, oldest first (its SLS must be visible). */
export async function listFollowupVersions(db: Db, scope: Scope, id: number): Promise<Followup[]> {
  const rows = await queryRows<FollowupRow>(
    db,
    sql`select ${COLUMNS} from followup_history f where f.kode_kota = ${scope.kodeKota} and f.id = ${id}
      and ${slsVisible(scope, sql`f.kode_sls`)} order by f.version`,
  );
  return rows.map(toFollowup);
}

/** Current follow-ups of the visible SLS under `code`, dated from … to, newest first. */
export async function listFollowups(
  db: Db,
  scope: Scope,
  params: { code: string; from?: string; to?: string; limit?: number },
): Promise<Followup[]> {
  const rows = await queryRows<FollowupRow>(
    db,
    sql`select ${COLUMNS} from followup f
    where f.kode_kota = ${scope.kodeKota} and f.kode_sls like ${codeAtLevel(params.code, 'sls') + '%'}
      and ${params.from ? sql`f.tanggal >= ${params.from}::date` : sql`true`} and ${params.to ? sql`f.tanggal <= ${params.to}::date` : sql`true`}
      and ${slsVisible(scope, sql`f.kode_sls`)}
    order by f.tanggal desc, f.id desc limit ${params.limit ?? 500}`,
  );
  return rows.map(toFollowup);
}
