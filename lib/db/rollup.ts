import { sql, type SQL } from 'drizzle-orm';
import { arrayParam, type Db } from './client';

/**
 * SQL condition: `column` holds a code inside one of the subtrees `prefixes` (all of the same
 * length). Written as ranges (prefix ≤ code < next prefix) so the btree indexes on code and
 * parent_code serve it; `left(code, n) = any(…)` would scan every rollup row of the kota.
 */
function inSubtrees(column: SQL, prefixes: readonly string[]): SQL {
  const next = (p: string) => (BigInt(p) + BigInt(1)).toString().padStart(p.length, '0');
  return sql`(${sql.join(
    prefixes.map((p) => sql`(${column} >= ${p} and ${column} < ${next(p)})`),
    sql` or `,
  )})`;
}

/**
 * Keeps area_day in step with the raw report rows. Invariant: for every area A and date D in
 * the campaign window plus grace, area_day(A, D) = Σ over A's sub-SLS of their latest report
 * dated ≤ D (zero before the first). The unit of recomputation is a kelurahan: its sub-SLS,
 * SLS and own rows are rebuilt from raw rows from `fromDate` on, then its kecamatan and kota
 * rows are re-summed from the kelurahan rows. Must run in the same transaction as the write.
 */
export async function rebuildRollups(
  tx: Db,
  kodeKota: string,
  kelurahanCodes: readonly string[] | 'all',
  fromDate?: string,
  /**
   * When only reports changed, the sub-SLS whose reports did (all inside `kelurahanCodes`): only
   * their own rows and their SLS are recomputed before the kelurahan and everything above.
   */
  subslsCodes?: readonly string[],
): Promise<void> {
  const all = kelurahanCodes === 'all';
  const kel = all ? [] : [...new Set(kelurahanCodes)];
  if (!all && kel.length === 0) return;
  const kec = [...new Set(kel.map((k) => k.slice(0, 7)))];
  const subs = !all && subslsCodes ? [...new Set(subslsCodes)] : null;
  const sls = subs ? [...new Set(subs.map((c) => c.slice(0, 14)))] : null;
  const leafFilter = (column: SQL) => (all ? sql`true` : subs ? sql`${column} = any(${arrayParam(subs)}::text[])` : inSubtrees(column, kel));
  const ownRows = all ? sql`true` : subs && sls ? sql`code = any(${arrayParam([...subs, ...sls, ...kel])}::text[])` : inSubtrees(sql`code`, kel);
  const window = sql`(select start_date from campaign where kode_kota = ${kodeKota})`;
  const last = sql`(select end_date + grace_days from campaign where kode_kota = ${kodeKota})`;
  const from = fromDate ? sql`greatest(${fromDate}::date, ${window})` : window;

  await tx.execute(sql`delete from area_day where kode_kota = ${kodeKota} and tanggal >= ${from}
    and level in ('subsls', 'sls', 'kelurahan') and ${ownRows}`);
  await tx.execute(sql`
    insert into area_day (code, tanggal, kode_kota, level, parent_code, prelist, keluarga_baru, selesai, menolak,
      tidak_ditemui, tidak_ditemukan, subsls_count, subsls_started)
    select a.code, g.day::date, a.kode_kota, 'subsls', a.parent_code, a.prelist,
      coalesce(r.keluarga_baru, 0), coalesce(r.selesai, 0), coalesce(r.menolak, 0),
      coalesce(r.tidak_ditemui, 0), coalesce(r.tidak_ditemukan, 0), 1, (r.tanggal is not null)::int
    from area a
    cross join generate_series(${from}, ${last}, interval '1 day') as g(day)
    left join lateral (
      select * from report r
      where r.kode_subsls = a.code and r.kode_kota = a.kode_kota and r.tanggal <= g.day::date
      order by r.tanggal desc limit 1
    ) r on true
    where a.kode_kota = ${kodeKota} and a.level = 'subsls' and ${leafFilter(sql`a.code`)}`);
  // Each level is summed from the rows of the level below, found by their parent_code (indexed).
  const slsFilter = all ? sql`true` : sls ? sql`parent_code = any(${arrayParam(sls)}::text[])` : inSubtrees(sql`parent_code`, kel);
  await insertSums(tx, kodeKota, 'subsls', 'sls', 14, 10, from, slsFilter);
  await insertSums(tx, kodeKota, 'sls', 'kelurahan', 10, 7, from, all ? sql`true` : sql`parent_code = any(${arrayParam(kel)}::text[])`);
  await tx.execute(sql`delete from area_day where kode_kota = ${kodeKota} and tanggal >= ${from}
    and ${all ? sql`level in ('kecamatan', 'kota')` : sql`code = any(${arrayParam([...kec, kodeKota])}::text[])`}`);
  await insertSums(tx, kodeKota, 'kelurahan', 'kecamatan', 7, 4, from, all ? sql`true` : sql`parent_code = any(${arrayParam(kec)}::text[])`);
  await insertSums(tx, kodeKota, 'kecamatan', 'kota', 4, null, from, sql`parent_code = ${kodeKota}`);
}

async function insertSums(
  tx: Db,
  kodeKota: string,
  fromLevel: string,
  level: string,
  len: number,
  parentLen: number | null,
  from: SQL,
  filter: SQL,
): Promise<void> {
  const parent = parentLen === null ? sql`null` : sql`left(c, ${sql.raw(String(parentLen))})`;
  await tx.execute(sql`
    insert into area_day (code, tanggal, kode_kota, level, parent_code, prelist, keluarga_baru, selesai, menolak,
      tidak_ditemui, tidak_ditemukan, subsls_count, subsls_started)
    select c, tanggal, kode_kota, ${level}::text, ${parent}, p, kb, s, m, ti, tk, n, st
    from (
      select left(code, ${sql.raw(String(len))}) as c, tanggal, kode_kota,
        sum(prelist) p, sum(keluarga_baru) kb, sum(selesai) s, sum(menolak) m, sum(tidak_ditemui) ti,
        sum(tidak_ditemukan) tk, sum(subsls_count) n, sum(subsls_started) st
      from area_day
      where kode_kota = ${kodeKota} and level = ${fromLevel} and tanggal >= ${from} and ${filter}
      group by 1, 2, 3
    ) sums`);
}
