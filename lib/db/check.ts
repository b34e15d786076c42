import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client';

/** The area_day columns a recomputation checks, as the database names them. */
const FIELDS = ['prelist', 'selesai', 'menolak', 'tidak_ditemui', 'tidak_ditemukan', 'keluarga_baru', 'subsls_count', 'subsls_started'] as const;
type Field = (typeof FIELDS)[number];
type Sums = Record<Field, number | null>;

interface Difference {
  code: string;
  tanggal: string;
  problem: 'missing rollup row' | 'rollup row without sub-SLS' | 'sums differ';
  stored: Sums;
  recomputed: Sums;
}

/**
 * Recomputes every area_day row from the raw report rows (latest report ≤ date per sub-SLS,
 * summed up the code prefixes) and lists the rows that differ, one line per row saying the
 * area, the date and, for each differing field, the stored and the recomputed value.
 * Empty means the rollups hold.
 */
export async function checkRollups(db: Db): Promise<string[]> {
  const rows = await queryRows<{ code: string; tanggal: string; problem: Difference['problem']; stored: Sums; recomputed: Sums }>(
    db,
    sql`
    with days as (
      select c.kode_kota, g.day::date as tanggal from campaign c
      cross join generate_series(c.start_date, c.end_date + c.grace_days, interval '1 day') g(day)
    ),
    leaf as (
      select a.code, a.kode_kota, d.tanggal, a.prelist,
        coalesce(r.selesai, 0) s, coalesce(r.menolak, 0) m, coalesce(r.tidak_ditemui, 0) ti,
        coalesce(r.tidak_ditemukan, 0) tk, coalesce(r.keluarga_baru, 0) kb, (r.tanggal is not null)::int started
      from area a join days d on d.kode_kota = a.kode_kota
      left join lateral (select * from report r where r.kode_subsls = a.code and r.kode_kota = a.kode_kota
        and r.tanggal <= d.tanggal order by r.tanggal desc limit 1) r on true
      where a.level = 'subsls'
    ),
    expected as (
      select left(l.code, n.len) as code, l.kode_kota, l.tanggal, sum(l.prelist)::int p, sum(l.s)::int s, sum(l.m)::int m,
        sum(l.ti)::int ti, sum(l.tk)::int tk, sum(l.kb)::int kb, count(*)::int n, sum(l.started)::int st
      from leaf l cross join (values (4), (7), (10), (14), (16)) n(len)
      group by 1, 2, 3
    )
    select coalesce(e.code, d.code) as code, coalesce(e.tanggal, d.tanggal)::text as tanggal,
      case when d.code is null then 'missing rollup row' when e.code is null then 'rollup row without sub-SLS'
      else 'sums differ' end as problem,
      json_build_object('prelist', d.prelist, 'selesai', d.selesai, 'menolak', d.menolak, 'tidak_ditemui', d.tidak_ditemui,
        'tidak_ditemukan', d.tidak_ditemukan, 'keluarga_baru', d.keluarga_baru, 'subsls_count', d.subsls_count,
        'subsls_started', d.subsls_started) as stored,
      json_build_object('prelist', e.p, 'selesai', e.s, 'menolak', e.m, 'tidak_ditemui', e.ti, 'tidak_ditemukan', e.tk,
        'keluarga_baru', e.kb, 'subsls_count', e.n, 'subsls_started', e.st) as recomputed
    from expected e full join area_day d on d.code = e.code and d.tanggal = e.tanggal and d.kode_kota = e.kode_kota
    where d.code is null or e.code is null or (e.p, e.s, e.m, e.ti, e.tk, e.kb, e.n, e.st) is distinct from
      (d.prelist, d.selesai, d.menolak, d.tidak_ditemui, d.tidak_ditemukan, d.keluarga_baru, d.subsls_count, d.subsls_started)
    order by 1, 2`,
  );
  return rows.map(describeDifference);
}

/** `6471010001000100 2022-11-03: sums differ: selesai stored 12, recomputed 10; …` */
function describeDifference(d: Difference): string {
  const at = `${d.code} ${d.tanggal}: ${d.problem}`;
  if (d.problem !== 'sums differ') return at;
  const fields = FIELDS.filter((f) => d.stored[f] !== d.recomputed[f]).map((f) => `${f} stored ${d.stored[f]}, recomputed ${d.recomputed[f]}`);
  return `${at}: ${fields.join('; ')}`;
}
