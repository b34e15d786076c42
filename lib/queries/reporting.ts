// Reporting completeness per date (lib/domain/completeness.ts): who was expected to report and who
// did, for a kab/kota or an area within the viewer's scope.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { DayReporting } from '@/lib/domain/completeness';
import type { Scope } from '@/lib/domain/scope';
import { areaVisible } from '@/lib/db/scope-sql';

/**
 * Expected and reported PPL on each date from `from` to `to`, counting only sub-SLS under
 * `areaCode` visible in the scope: expected = PPL holding a sub-SLS unfinished at the end of the
 * day before (before the first day: one with families to visit); reported = those of them with
 * a report dated that day on such a visible sub-SLS.
 */
export async function listDayReporting(
  db: Db,
  scope: Scope,
  params: { areaCode: string; from: string; to: string },
): Promise<DayReporting[]> {
  const { areaCode, from, to } = params;
  if (to < from) return [];
  // The sub-SLS filter, on the table whose rows are being picked. In `rep` it is on the report's
  // own code, so its assignment is found by the primary key (equality); put on the assignment
  // there, the planner (with the row estimates of a fresh PGlite load, never analyzed) walked
  // every assignment of the prefix for each report: 20 s for a kota instead of 1 s.
  const heldOn = (alias: 's' | 'r'): SQL => {
    const code = sql.raw(`${alias}.kode_subsls`);
    return sql`${sql.raw(alias)}.kode_kota = ${scope.kodeKota} and ${code} like ${areaCode + '%'} and ${areaVisible(scope, code)}`;
  };
  return queryRows<DayReporting>(
    db,
    sql`with days as (
      select d::date as d from generate_series(${from}::date, ${to}::date, interval '1 day') as g(d)
    ),
    open as (
      select distinct s.kode_petugas, days.d
      from days cross join assignment s
      join area a on a.kode_kota = s.kode_kota and a.code = s.kode_subsls
      left join area_day ad on ad.kode_kota = s.kode_kota and ad.code = s.kode_subsls and ad.tanggal = days.d - 1
      where ${heldOn('s')} and case when ad.code is null then a.prelist > 0
        else ad.selesai + ad.tidak_ditemukan < ad.prelist + ad.keluarga_baru end
    ),
    rep as (
      select distinct r.kode_petugas, r.tanggal as d from report r join assignment s on s.kode_kota = r.kode_kota and s.kode_subsls = r.kode_subsls
      where ${heldOn('r')} and r.tanggal between ${from}::date and ${to}::date
    )
    select days.d::text as tanggal, count(o.kode_petugas)::int as expected, count(rep.kode_petugas)::int as reported
    from days left join open o on o.d = days.d left join rep on rep.kode_petugas = o.kode_petugas and rep.d = o.d
    group by days.d order by days.d`,
  );
}

/** One date's reporting of an area within the scope. */
export async function getDayReporting(db: Db, scope: Scope, params: { areaCode: string; tanggal: string }): Promise<DayReporting> {
  const [day] = await listDayReporting(db, scope, { areaCode: params.areaCode, from: params.tanggal, to: params.tanggal });
  return day ?? { tanggal: params.tanggal, reported: 0, expected: 0 };
}
