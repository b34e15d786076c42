// Reporting completeness per date (lib/domain/completeness.ts): who was expected to report and who
// did, for a kab/kota or an area within the viewer's scope.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { DayReporting } from '@/lib/domain/completeness';
import type { Scope } from '@/lib/domain/scope';
import { areaVisible } from '@/lib/db/scope-sql';
import { dayReportingFromMarks, UNFINISHED_DAY_BEFORE, type MarksContext } from './reporting-marks';

/**
 * Expected and reported PPL on each date from `from` to `to`, counting only sub-SLS under
 * `areaCode` visible in the scope: expected = PPL holding a sub-SLS unfinished at the end of the
 * day before (before the first day: one with families to visit); reported = those of them with
 * a report dated that day on such a visible sub-SLS. With the kab/kota's `marks` (Campaign.marks)
 * and an area scope, an area at kelurahan level or above is assembled from its kelurahan's marks
 * kept in memory (lib/queries/reporting-marks.ts: the same counts, re-read only for kelurahan
 * written since); otherwise, and for SLS and sub-SLS, the query below answers directly.
 */
export async function listDayReporting(
  db: Db,
  scope: Scope,
  params: { areaCode: string; from: string; to: string; marks?: MarksContext },
): Promise<DayReporting[]> {
  const { areaCode, from, to, marks } = params;
  if (to < from) return [];
  const fromMarks = marks ? await dayReportingFromMarks(db, scope, marks, { areaCode, from, to }) : null;
  if (fromMarks) return fromMarks;
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
    // Days as integers from `from`: the planner then knows how many there are (a date series is
    // guessed at 1,000 rows). The counts at the end of the day before are picked out of each
    // sub-SLS's area_series arrays by subscript (element i = start_date + i − 1; a subscript
    // before the window is NULL): the area_day view would unroll every date of every sub-SLS of
    // the kab/kota to find one (120,000 rows, ~100 ms for one day at 1×).
    sql`with days as (
      select ${from}::date + i as d from generate_series(0, ${to}::date - ${from}::date) as g(i)
    ),
    open as (
      select distinct s.kode_petugas, days.d
      from days cross join assignment s
      join campaign c on c.kode_kota = s.kode_kota
      join area a on a.kode_kota = s.kode_kota and a.code = s.kode_subsls
      left join area_series ad on ad.kode_kota = s.kode_kota and ad.code = s.kode_subsls
      where ${heldOn('s')} and ${UNFINISHED_DAY_BEFORE}
    ),
    rep as (
      select distinct r.kode_petugas, r.tanggal as d from report r join assignment s on s.kode_kota = r.kode_kota and s.kode_subsls = r.kode_subsls
      where ${heldOn('r')} and r.tanggal between ${from}::date and ${to}::date
    ),
    -- Open and reported PPL-days marked in one pass, not joined: with the row estimates of a
    -- prefix LIKE (far too low) the planner joined them by a nested loop, 0.4 s for one kota day.
    marks as (
      select kode_petugas, d, true as open, false as rep from open
      union all
      select kode_petugas, d, false, true from rep
    ),
    per_day as (
      select d, count(*) filter (where open)::int as expected, count(*) filter (where open and rep)::int as reported
      from (select kode_petugas, d, bool_or(open) as open, bool_or(rep) as rep from marks group by kode_petugas, d) m
      group by d
    )
    select days.d::text as tanggal, coalesce(p.expected, 0) as expected, coalesce(p.reported, 0) as reported
    from days left join per_day p on p.d = days.d
    order by days.d`,
  );
}

/** One date's reporting of an area within the scope. */
export async function getDayReporting(db: Db, scope: Scope, params: { areaCode: string; tanggal: string; marks?: MarksContext }): Promise<DayReporting> {
  const [day] = await listDayReporting(db, scope, { areaCode: params.areaCode, from: params.tanggal, to: params.tanggal, marks: params.marks });
  return day ?? { tanggal: params.tanggal, reported: 0, expected: 0 };
}
