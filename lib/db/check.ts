import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client';

/**
 * Recomputes every area_day row from the raw report rows (latest report ≤ date per sub-SLS,
 * summed up the code prefixes) and lists the rows that differ. Empty means the rollups hold.
 */
export async function checkRollups(db: Db): Promise<string[]> {
  const rows = await queryRows<{ code: string; tanggal: string; problem: string }>(
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
      select left(l.code, n.len) as code, l.tanggal, sum(l.prelist)::int p, sum(l.s)::int s, sum(l.m)::int m,
        sum(l.ti)::int ti, sum(l.tk)::int tk, sum(l.kb)::int kb, count(*)::int n, sum(l.started)::int st
      from leaf l cross join (values (4), (7), (10), (14), (16)) n(len)
      group by 1, 2
    )
    select coalesce(e.code, d.code) as code, coalesce(e.tanggal, d.tanggal)::text as tanggal,
      case when d.code is null then 'missing rollup row' when e.code is null then 'rollup row without sub-SLS'
      else 'sums differ' end as problem
    from expected e full join area_day d on d.code = e.code and d.tanggal = e.tanggal
    where d.code is null or e.code is null or (e.p, e.s, e.m, e.ti, e.tk, e.kb, e.n, e.st) is distinct from
      (d.prelist, d.selesai, d.menolak, d.tidak_ditemui, d.tidak_ditemukan, d.keluarga_baru, d.subsls_count, d.subsls_started)
    order by 1, 2`,
  );
  return rows.map((r) => `${r.code} ${r.tanggal}: ${r.problem}`);
}
