import { sql, type SQL } from 'drizzle-orm';
import { codeAtLevel } from '@/lib/domain/area-code';
import { arrayParam, queryRows, type Db } from './client';
import { holdsKotaExclusively, KotaLockNeeded } from './write-lock';

/*
 * The rollup (docs/ARCHITECTURE.md, "The rollup"). area_series holds one row per area with, per
 * count, an array of its carried-forward sums over the campaign window plus grace; the area_day
 * view unrolls it into one row per area and date. Invariant: for every area A and date D of the
 * window plus grace, area_day(A, D) = Σ over A's sub-SLS of their latest report dated ≤ D (zero
 * before the first). Both functions run inside the write's transaction.
 */

const SERIES = ['keluarga_baru', 'selesai', 'menolak', 'tidak_ditemui', 'tidak_ditemukan', 'subsls_started'] as const;
type Series = (typeof SERIES)[number];
/** Prefix lengths of the ancestors of a sub-SLS: SLS, kelurahan, kecamatan, kota. */
const ANCESTORS = [14, 10, 7, 4] as const;

/**
 * SQL condition: `column` holds a code inside one of the subtrees `prefixes` (all of the same
 * length), as ranges so the btree indexes serve it.
 */
function inSubtrees(column: SQL, prefixes: readonly string[]): SQL {
  const next = (p: string) => (BigInt(p) + BigInt(1)).toString().padStart(p.length, '0');
  return sql`(${sql.join(
    prefixes.map((p) => sql`(${column} >= ${p} and ${column} < ${next(p)})`),
    sql` or `,
  )})`;
}

/**
 * Rebuilds the rollup of whole kelurahan (or the whole kota) from the raw rows: their sub-SLS,
 * SLS and own rows, then their kecamatan and the kota re-summed from the kelurahan rows. Used for
 * master-data writes (areas, prelist, the campaign window) and seeds; a write of reports only
 * passes `subslsCodes` and takes the incremental path, whose cost is the size of the write.
 * `fromDate` is accepted for callers that know it; a rebuild recomputes every date.
 */
export async function rebuildRollups(
  tx: Db,
  kodeKota: string,
  kelurahanCodes: readonly string[] | 'all',
  fromDate?: string,
  /** When only reports changed, the sub-SLS whose reports did: applied incrementally. */
  subslsCodes?: readonly string[],
): Promise<void> {
  if (subslsCodes && kelurahanCodes !== 'all') return applyReportChanges(tx, kodeKota, subslsCodes, fromDate);
  const all = kelurahanCodes === 'all';
  const kel = all ? [] : [...new Set(kelurahanCodes)].sort();
  if (!all && kel.length === 0) return;
  const kec = [...new Set(kel.map((k) => codeAtLevel(k, 'kecamatan')))];
  const subtree = (column: SQL) => (all ? sql`true` : inSubtrees(column, kel));

  if (all) await tx.execute(sql`delete from area_series where kode_kota = ${kodeKota}`);
  else await tx.execute(sql`delete from area_series where kode_kota = ${kodeKota} and level in ('subsls', 'sls', 'kelurahan') and ${subtree(sql`code`)}`);
  // Sub-SLS: each report covers the days from its date to the day before the next one.
  await tx.execute(sql`
    with c as (select start_date s, end_date + grace_days e from campaign where kode_kota = ${kodeKota}),
    leaf as (select code, parent_code, prelist from area where kode_kota = ${kodeKota} and level = 'subsls' and ${subtree(sql`code`)}),
    r as (
      select r.*, lead(r.tanggal) over (partition by r.kode_subsls order by r.tanggal) as nxt
      from report r where r.kode_kota = ${kodeKota} and ${subtree(sql`r.kode_subsls`)}
    ),
    cells as (
      select r.kode_subsls as code, d.day::date as day, r.keluarga_baru, r.selesai, r.menolak, r.tidak_ditemui, r.tidak_ditemukan
      from r cross join c
      cross join generate_series(greatest(r.tanggal, c.s), least(coalesce(r.nxt - 1, c.e), c.e), interval '1 day') d(day)
    )
    insert into area_series (code, kode_kota, level, parent_code, prelist, subsls_count, keluarga_baru, selesai, menolak,
      tidak_ditemui, tidak_ditemukan, subsls_started)
    select l.code, ${kodeKota}, 'subsls', l.parent_code, l.prelist, 1,
      array_agg(coalesce(x.keluarga_baru, 0) order by g.day), array_agg(coalesce(x.selesai, 0) order by g.day),
      array_agg(coalesce(x.menolak, 0) order by g.day), array_agg(coalesce(x.tidak_ditemui, 0) order by g.day),
      array_agg(coalesce(x.tidak_ditemukan, 0) order by g.day), array_agg((x.code is not null)::int order by g.day)
    from leaf l cross join c cross join generate_series(c.s, c.e, interval '1 day') g(day)
    left join cells x on x.code = l.code and x.day = g.day::date
    group by l.code, l.parent_code, l.prelist`);
  await insertSums(tx, kodeKota, 'subsls', all ? sql`true` : subtree(sql`parent_code`));
  await insertSums(tx, kodeKota, 'sls', all ? sql`true` : sql`parent_code = any(${arrayParam(kel)}::text[])`);
  if (!all) await tx.execute(sql`delete from area_series where kode_kota = ${kodeKota} and code = any(${arrayParam([...kec, kodeKota])}::text[])`);
  await insertSums(tx, kodeKota, 'kelurahan', all ? sql`true` : sql`parent_code = any(${arrayParam(kec)}::text[])`);
  await insertSums(tx, kodeKota, 'kecamatan', sql`parent_code = ${kodeKota}`);
}

/** Inserts the rows of the level above `childLevel` for the children matching `filter`, summed element by element. */
async function insertSums(tx: Db, kodeKota: string, childLevel: string, filter: SQL): Promise<void> {
  const cols = sql.raw(SERIES.join(', '));
  const sums = sql.raw(SERIES.map((f) => `sum(c.${f}[i])::int as ${f}`).join(', '));
  const aggs = sql.raw(SERIES.map((f) => `array_agg(${f} order by i)`).join(', '));
  await tx.execute(sql`
    with cells as (
      select c.parent_code as code, i, ${sums},
        sum(c.prelist) filter (where i = 1) as prelist, sum(c.subsls_count) filter (where i = 1) as n
      from area_series c cross join generate_subscripts(c.selesai, 1) as i
      where c.kode_kota = ${kodeKota} and c.level = ${childLevel} and ${filter}
      group by 1, 2
    )
    insert into area_series (code, kode_kota, level, parent_code, prelist, subsls_count, ${cols})
    select x.code, ${kodeKota}, a.level, a.parent_code, max(x.prelist)::int, max(x.n)::int, ${aggs}
    from cells x join area a on a.kode_kota = ${kodeKota} and a.code = x.code
    group by x.code, a.level, a.parent_code`);
}

/**
 * The incremental write: for the sub-SLS whose reports changed, recompute their own series from
 * their raw report rows (so corrections, deletes and out-of-order dates are all the same case),
 * diff against the stored series and add the differences to the sub-SLS's row and its 4
 * ancestors' (each gets the sum of its changed descendants'). One row per level per sub-SLS,
 * locked first in code order (no deadlock between writers), all in SQL: nothing of the series
 * travels to the application.
 */
export async function applyReportChanges(tx: Db, kodeKota: string, subslsCodes: readonly string[], fromDate?: string): Promise<void> {
  const subs = [...new Set(subslsCodes)].sort();
  if (subs.length === 0) return;
  const codes = [...new Set(subs.flatMap((c) => [c, ...ANCESTORS.map((n) => c.slice(0, n))]))].sort();
  const [lock] = await queryRows<{ ok: number; first: number }>(
    tx,
    sql`with locked as (
        select t.code, cardinality(t.selesai) = (c.end_date + c.grace_days - c.start_date + 1) as fits
        from area_series t join campaign c on c.kode_kota = t.kode_kota
        where t.kode_kota = ${kodeKota} and t.code = any(${arrayParam(codes)}::text[]) order by t.code for update of t
      )
      select count(*) filter (where fits)::int as ok,
        greatest(1, least(coalesce(${fromDate ?? null}::date, start_date) - start_date + 1, end_date + grace_days - start_date + 1))::int as first
      from locked, campaign where campaign.kode_kota = ${kodeKota} group by start_date, end_date, grace_days`,
  );
  if ((lock?.ok ?? 0) !== codes.length) {
    // An area without a rollup row (or a window that changed under it): rebuild the kelurahan,
    // which re-sums its kecamatan and kota rows — only under the kota's exclusive lock.
    if (!(await holdsKotaExclusively(tx, kodeKota))) throw new KotaLockNeeded();
    return rebuildRollups(tx, kodeKota, [...new Set(subs.map((c) => codeAtLevel(c, 'kelurahan')))]);
  }
  const first = lock.first;
  const skipped = sql.raw(String(first - 1));
  const subsParam = sql`${arrayParam(subs)}::text[]`;
  const fresh = (f: Series) => (f === 'subsls_started' ? sql`(x.code is not null)::int` : sql`coalesce(x.${sql.raw(f)}, 0)`);
  const diffs = sql.join(SERIES.map((f) => sql`${fresh(f)} - o.${sql.raw(f)} as ${sql.raw(f)}`), sql`, `);
  const sums = sql.raw(SERIES.map((f) => `sum(d.${f})::int as ${f}`).join(', '));
  const aggs = sql.raw(SERIES.map((f) => `array_agg(${f} order by i) as ${f}`).join(', '));
  const nonZero = sql.raw(SERIES.map((f) => `${f} <> 0`).join(' or '));
  // Only the dates from the earliest changed report on can differ: the arrays are diffed and
  // added from element `first` on, and the elements before it are kept as they are.
  const sets = sql.raw(
    SERIES.map((f) => `${f} = t.${f}[:${first - 1}] || array(select a + b from unnest(t.${f}[${first}:], arr.${f}) with ordinality u(a, b, o) order by o)`).join(', '),
  );
  await tx.execute(sql`
    with c as (select start_date s, end_date + grace_days e from campaign where kode_kota = ${kodeKota}),
    r as (
      select r.*, lead(r.tanggal) over (partition by r.kode_subsls order by r.tanggal) as nxt
      from report r where r.kode_kota = ${kodeKota} and r.kode_subsls = any(${subsParam})
    ),
    cells as materialized (
      select r.kode_subsls as code, (d.day::date - c.s + 1)::bigint as i, r.keluarga_baru, r.selesai, r.menolak, r.tidak_ditemui, r.tidak_ditemukan
      from r cross join c
      cross join generate_series(greatest(r.tanggal, c.s, c.s + ${skipped}), least(coalesce(r.nxt - 1, c.e), c.e), interval '1 day') d(day)
    ),
    old as materialized (
      select t.code, g.*
      from area_series t cross join unnest(${sql.raw(SERIES.map((f) => `t.${f}[${first}:]`).join(', '))}) with ordinality g(${sql.raw(SERIES.join(', '))}, o)
      where t.kode_kota = ${kodeKota} and t.code = any(${subsParam})
    ),
    diff as (select o.code, o.o + ${skipped} as i, ${diffs} from old o left join cells x on x.code = o.code and x.i = o.o + ${skipped}),
    changed as (select code from diff group by code having bool_or(${nonZero})),
    up as (
      select left(d.code, l.len) as code, d.i, ${sums}
      from diff d join changed using (code) cross join (values (16), (14), (10), (7), (4)) l(len)
      group by 1, 2
    ),
    arr as (select code, ${aggs} from up group by code)
    update area_series t set ${sets}
    from arr where t.kode_kota = ${kodeKota} and t.code = arr.code`);
}
