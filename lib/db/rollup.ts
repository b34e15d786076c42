import { sql, type SQL } from 'drizzle-orm';
import { addDays } from '@/lib/domain/dates';
import { arrayParam, queryRows, type Db } from './client';

/*
 * The rollup (docs/ARCHITECTURE.md, "The rollup"). area_series holds one row per area with, per
 * count, an array of its carried-forward sums over the campaign window plus grace; the area_day
 * view unrolls it into one row per area and date. Invariant: for every area A and date D of the
 * window plus grace, area_day(A, D) = Σ over A's sub-SLS of their latest report dated ≤ D (zero
 * before the first). Both functions run inside the write's transaction.
 */

const SERIES = ['keluarga_baru', 'selesai', 'menolak', 'tidak_ditemui', 'tidak_ditemukan', 'subsls_started'] as const;
type Series = (typeof SERIES)[number];
const COUNTS = ['keluarga_baru', 'selesai', 'menolak', 'tidak_ditemui', 'tidak_ditemukan'] as const;
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
  void fromDate;
  if (subslsCodes && kelurahanCodes !== 'all') return applyReportChanges(tx, kodeKota, subslsCodes);
  const all = kelurahanCodes === 'all';
  const kel = all ? [] : [...new Set(kelurahanCodes)].sort();
  if (!all && kel.length === 0) return;
  const kec = [...new Set(kel.map((k) => k.slice(0, 7)))];
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

interface StoredRow {
  code: string;
  keluarga_baru: number[];
  selesai: number[];
  menolak: number[];
  tidak_ditemui: number[];
  tidak_ditemukan: number[];
  subsls_started: number[];
}

interface RawReport {
  kode_subsls: string;
  tanggal: string;
  keluarga_baru: number;
  selesai: number;
  menolak: number;
  tidak_ditemui: number;
  tidak_ditemukan: number;
}

/** Parses an int[] as either driver returns it (an array, or PGlite/postgres text `{1,2}`). */
function ints(v: unknown): number[] {
  if (Array.isArray(v)) return v.map(Number);
  const s = String(v);
  return s.length <= 2 ? [] : s.slice(1, -1).split(',').map(Number);
}

/**
 * The incremental write: for the sub-SLS whose reports changed, recompute their own series from
 * their raw report rows (so corrections, deletes and out-of-order dates are all the same case),
 * diff against the stored series and add the differences to the sub-SLS's 4 ancestors. Touches
 * one row per level per sub-SLS, locked in code order (no deadlock between writers).
 */
export async function applyReportChanges(tx: Db, kodeKota: string, subslsCodes: readonly string[]): Promise<void> {
  const subs = [...new Set(subslsCodes)].sort();
  if (subs.length === 0) return;
  const ancestors = [...new Set(subs.flatMap((c) => ANCESTORS.map((n) => c.slice(0, n))))];
  const [window] = await queryRows<{ s: string; n: number }>(
    tx,
    sql`select start_date::text s, (end_date + grace_days - start_date + 1)::int n from campaign where kode_kota = ${kodeKota}`,
  );
  if (!window) return;
  const codes = [...subs, ...ancestors].sort();
  const storedRows = await queryRows<StoredRow>(
    tx,
    sql`select code, ${sql.raw(SERIES.join(', '))} from area_series
      where kode_kota = ${kodeKota} and code = any(${arrayParam(codes)}::text[]) order by code for update`,
  );
  const stored = new Map(storedRows.map((r) => [r.code, Object.fromEntries(SERIES.map((f) => [f, ints(r[f])])) as Record<Series, number[]>]));
  const n = window.n;
  if (codes.some((c) => stored.get(c)?.selesai.length !== n)) {
    // An area without a rollup row (or a window that changed under it): rebuild the kelurahan.
    return rebuildRollups(tx, kodeKota, [...new Set(subs.map((c) => c.slice(0, 10)))]);
  }
  const raw = await queryRows<RawReport>(
    tx,
    sql`select kode_subsls, tanggal::text tanggal, keluarga_baru, selesai, menolak, tidak_ditemui, tidak_ditemukan
      from report where kode_kota = ${kodeKota} and kode_subsls = any(${arrayParam(subs)}::text[]) order by kode_subsls, tanggal`,
  );
  const days = Array.from({ length: n }, (_, i) => addDays(window.s, i));
  const bySub = new Map<string, RawReport[]>();
  for (const r of raw) (bySub.get(r.kode_subsls) ?? bySub.set(r.kode_subsls, []).get(r.kode_subsls)!).push(r);

  const next = new Map<string, Record<Series, number[]>>();
  for (const code of subs) {
    const reports = bySub.get(code) ?? [];
    const fresh = Object.fromEntries(SERIES.map((f) => [f, new Array<number>(n).fill(0)])) as Record<Series, number[]>;
    let k = -1;
    for (let i = 0; i < n; i++) {
      while (k + 1 < reports.length && reports[k + 1].tanggal <= days[i]) k++;
      if (k < 0) continue;
      for (const f of COUNTS) fresh[f][i] = Number(reports[k][f]);
      fresh.subsls_started[i] = 1;
    }
    const old = stored.get(code)!;
    let changed = false;
    const delta = Object.fromEntries(SERIES.map((f) => [f, fresh[f].map((v, i) => v - old[f][i])])) as Record<Series, number[]>;
    for (const f of SERIES) if (delta[f].some((d) => d !== 0)) changed = true;
    if (!changed) continue;
    next.set(code, fresh);
    for (const len of ANCESTORS) {
      const a = code.slice(0, len);
      const target = next.get(a) ?? next.set(a, Object.fromEntries(SERIES.map((f) => [f, [...stored.get(a)![f]]])) as Record<Series, number[]>).get(a)!;
      for (const f of SERIES) for (let i = 0; i < n; i++) target[f][i] += delta[f][i];
    }
  }
  if (next.size === 0) return;
  const keys = [...next.keys()].sort();
  const flat = (f: Series) => arrayParam(keys.flatMap((c) => next.get(c)![f]));
  const sets = sql.join(
    SERIES.map((f) => sql`${sql.raw(f)} = p.${sql.raw(f)}[(u.k::int - 1) * ${n} + 1 : u.k::int * ${n}]`),
    sql`, `,
  );
  await tx.execute(sql`
    update area_series t set ${sets}
    from unnest(${arrayParam(keys)}::text[]) with ordinality as u(code, k),
      (select ${sql.join(SERIES.map((f) => sql`${flat(f)}::int[] as ${sql.raw(f)}`), sql`, `)}) p
    where t.kode_kota = ${kodeKota} and t.code = u.code`);
}
