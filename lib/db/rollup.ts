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
  if (subslsCodes && kelurahanCodes !== 'all') {
    await applyReportChanges(tx, kodeKota, subslsCodes, fromDate);
    return;
  }
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

/** The counts a report carries, in the order of SERIES (subsls_started, the last, is 1 from the first report on). */
const COUNTS = SERIES.slice(0, -1) as Exclude<Series, 'subsls_started'>[];

/** A report as the incremental write read it. */
export interface ReportRead extends Record<(typeof COUNTS)[number], number> {
  code: string;
  tanggal: string;
}

/**
 * What the incremental write read: every report of its sub-SLS from the latest one before
 * `fromDate` to `toDate` (the window's end), grouped by sub-SLS in code order and oldest first.
 */
export interface ReportsRead {
  fromDate: string;
  toDate: string;
  reports: ReportRead[];
}

/**
 * The incremental write: for the sub-SLS whose reports changed, recompute their own series from
 * their raw report rows (so corrections, deletes and out-of-order dates are all the same case),
 * diff against the stored series and add the differences to the sub-SLS's row and its 4
 * ancestors' (each gets the sum of its changed descendants'). One row per level per sub-SLS,
 * locked first in code order (no deadlock between writers). Only the dates from the earliest
 * changed report on can differ: those elements of the locked rows are read along with the lock,
 * the reports that decide them in one more read, the sums worked out here (a few numbers per row
 * and date: grouping them row by row in SQL cost ten times more) and the changed rows written
 * back in one statement; the elements before are kept as they are. Returns the reports it read
 * (the caller finds each changed report's previous one there), or null when it rebuilt instead.
 */
export async function applyReportChanges(
  tx: Db,
  kodeKota: string,
  subslsCodes: readonly string[],
  fromDate?: string,
): Promise<ReportsRead | null> {
  const subs = [...new Set(subslsCodes)].sort();
  if (subs.length === 0) return null;
  const codes = [...new Set(subs.flatMap((c) => [c, ...ANCESTORS.map((n) => c.slice(0, n))]))].sort();
  // Each row's elements from `first` on, every series one after the other, as one JSON text.
  const tail = sql.raw(SERIES.map((f) => `t.${f}[c.f:]`).join(' || '));
  // The window and the first changed element, as both statements below work them out.
  const window = sql`with c as (
      select end_date + grace_days - start_date + 1 as n, start_date, end_date + grace_days as e,
        greatest(1, least(coalesce(${fromDate ?? null}::date, start_date) - start_date + 1, end_date + grace_days - start_date + 1))::int as f
      from campaign where kode_kota = ${kodeKota}
    )`;
  // Sent together (pipelined on PostgreSQL: one round trip). The rows and their ancestors locked
  // in code order; and each sub-SLS's reports from its latest one before the first changed date
  // (so also the one that date carries forward, and every changed report's previous one) to the
  // window's end, in the order of `subs` and oldest first; `i` is the element (1 = start_date).
  // The reports need no row lock: the kelurahan's write lock (writeKota) keeps other writers out.
  const [locked, reports] = await Promise.all([
    queryRows<{ code: string; fits: boolean; first: number; days: number; firstDate: string; lastDate: string; tail: string }>(
      tx,
      sql`${window}
      select t.code, cardinality(t.selesai) = c.n as fits, c.f as first, c.n::int as days,
        (c.start_date + c.f - 1)::text as "firstDate", c.e::text as "lastDate", array_to_json(${tail})::text as tail
      from area_series t cross join c
      where t.kode_kota = ${kodeKota} and t.code = any(${arrayParam(codes)}::text[]) order by t.code for update of t`,
    ),
    queryRows<ReportRead & { i: number }>(
      tx,
      sql`${window}
      select k.code, r.tanggal::text as tanggal, (r.tanggal - c.start_date + 1)::int as i, ${sql.raw(COUNTS.map((f) => `r.${f}`).join(', '))}
      from c cross join unnest(${arrayParam(subs)}::text[]) with ordinality k(code, n)
      cross join lateral (select coalesce(max(p.tanggal), '-infinity'::date) as since from report p
        where p.kode_subsls = k.code and p.kode_kota = ${kodeKota} and p.tanggal < c.start_date + c.f - 1) b
      cross join lateral (select * from report r where r.kode_subsls = k.code and r.kode_kota = ${kodeKota}
        and r.tanggal >= b.since and r.tanggal <= c.e order by r.tanggal) r
      order by k.n, r.tanggal`,
    ),
  ]);
  if (locked.length !== codes.length || !locked.every((r) => r.fits)) {
    // An area without a rollup row (or a window that changed under it): rebuild the kelurahan,
    // which re-sums its kecamatan and kota rows — only under the kota's exclusive lock.
    if (!(await holdsKotaExclusively(tx, kodeKota))) throw new KotaLockNeeded();
    await rebuildRollups(tx, kodeKota, [...new Set(subs.map((c) => codeAtLevel(c, 'kelurahan')))]);
    return null;
  }
  const { first, days, firstDate, lastDate } = locked[0];
  const width = days - first + 1;
  if (width <= 0) return null;
  // Element j of series s of a row is at s * width + j; plain loops over typed arrays (this runs
  // over ~100,000 numbers for a 1,000-report batch, so callbacks and keyed lookups showed).
  const size = SERIES.length * width;
  const started = COUNTS.length * width;
  const stored = new Map<string, Float64Array>();
  for (const row of locked) stored.set(row.code, new Float64Array(JSON.parse(row.tail) as number[]));
  const counts = reports.map((r) => COUNTS.map((f) => r[f]));
  const sums = new Map<string, Float64Array>();
  const diff = new Float64Array(size);
  let at = 0;
  for (const code of subs) {
    const old = stored.get(code)!;
    let changed = false;
    let current: number[] | null = null;
    for (let j = 0; j < width; j++) {
      while (at < reports.length && reports[at].code === code && reports[at].i <= first + j) current = counts[at++];
      for (let s = 0; s < COUNTS.length; s++) {
        const d = (current ? current[s] : 0) - old[s * width + j];
        diff[s * width + j] = d;
        if (d !== 0) changed = true;
      }
      const d = (current ? 1 : 0) - old[started + j];
      diff[started + j] = d;
      if (d !== 0) changed = true;
    }
    while (at < reports.length && reports[at].code === code) at++;
    if (!changed) continue;
    for (const n of [16, ...ANCESTORS]) {
      const up = code.slice(0, n);
      let acc = sums.get(up);
      if (!acc) sums.set(up, (acc = new Float64Array(size)));
      for (let e = 0; e < size; e++) acc[e] += diff[e];
    }
  }
  const rows: [string, Float64Array][] = [];
  for (const [code, acc] of sums) {
    for (let e = 0; e < size; e++) {
      if (acc[e] !== 0) {
        rows.push([code, acc]);
        break;
      }
    }
  }
  if (rows.length === 0) return { fromDate: firstDate, toDate: lastDate, reports };
  // One flat array per series, row n's elements at (n - 1) * width + 1 … n * width.
  const next = SERIES.map((_, s) => {
    const values = new Array<number>(rows.length * width);
    let k = 0;
    for (const [code, acc] of rows) {
      const old = stored.get(code)!;
      for (let e = s * width; e < (s + 1) * width; e++) values[k++] = old[e] + acc[e];
    }
    return sql`${`{${values.join(',')}}`}::int[]`;
  });
  const kept = sql.raw(String(first - 1));
  const sets = sql.join(
    SERIES.map((f, s) => sql`${sql.raw(f)} = t.${sql.raw(f)}[:${kept}] || (${next[s]})[(v.n - 1) * ${sql.raw(String(width))} + 1 : v.n * ${sql.raw(String(width))}]`),
    sql`, `,
  );
  await tx.execute(sql`update area_series t set ${sets}
    from unnest(${arrayParam(rows.map(([code]) => code))}::text[]) with ordinality v(code, n)
    where t.kode_kota = ${kodeKota} and t.code = v.code`);
  return { fromDate: firstDate, toDate: lastDate, reports };
}
