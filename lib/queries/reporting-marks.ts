// Reporting completeness (lib/domain/completeness.ts) assembled from each kelurahan's marks: for
// one kelurahan and one date, which PPL were open there (held a sub-SLS of it unfinished at the
// end of the day before) and which reported there (a report dated that day on a sub-SLS of it they
// are assigned). An area's expected and reported PPL are the union of its kelurahan's marks (a PPL
// open in one kelurahan and reporting in another counts once, as in the direct query), so the
// counts equal lib/queries/reporting.ts's query exactly. Each kelurahan's marks are kept in memory
// under its kelurahan_version stamp (bumped by triggers on its reports, assignments and areas,
// migration 0015): after a write only the written kelurahan's marks are read again, instead of
// every sub-SLS of the kab/kota — what every reader paid after every write.
import 'server-only';
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows, type Db } from '@/lib/db/client';
import { addDays } from '@/lib/domain/dates';
import type { DayReporting } from '@/lib/domain/completeness';
import type { Scope } from '@/lib/domain/scope';
import { memoByStamp } from '@/lib/server/stamp-cache';

/** What a kab/kota's marks are keyed by: its window's first day and each kelurahan's stamp. */
export interface MarksContext {
  kodeKota: string;
  startDate: string;
  /** Kelurahan code → `xmin:version` of its kelurahan_version row ('-' when it has none yet). */
  kelurahan: Readonly<Record<string, string>>;
}

/** One kelurahan's marks on one date: PPL codes with bit 1 = open there, bit 2 = reported there. */
interface KelurahanDay {
  petugas: string[];
  flags: number[];
}

/**
 * The one definition of "expected" (lib/domain/completeness.ts) in SQL, shared with the direct
 * query (lib/queries/reporting.ts): the sub-SLS `a` (its series `ad`, the campaign `c`) is
 * unfinished at the end of the day before `days.d` — picked from area_series by subscript
 * (element i = start_date + i − 1; before the window NULL: then one with families to visit).
 */
export const UNFINISHED_DAY_BEFORE = sql`case when ad.selesai[days.d - c.start_date] is null then a.prelist > 0
  else ad.selesai[days.d - c.start_date] + ad.tidak_ditemukan[days.d - c.start_date]
    < ad.prelist + ad.keluarga_baru[days.d - c.start_date] end`;

const OPEN = 1;
const REPORTED = 2;
const NONE: KelurahanDay = { petugas: [], flags: [] };

/**
 * Expected and reported PPL on each date from `from` to `to` for `areaCode` within the viewer's
 * scope, from the marks of the kelurahan under both the area and the scope: each kelurahan-date
 * whose stamp moved is read again, all of them in one query. Null when marks cannot answer (a
 * team or officer scope, an area or a scope below kelurahan, another kab/kota): the caller then
 * asks the direct query.
 */
export async function dayReportingFromMarks(
  db: Db,
  scope: Scope,
  ctx: MarksContext,
  params: { areaCode: string; from: string; to: string },
): Promise<DayReporting[] | null> {
  const { areaCode, from, to } = params;
  if (scope.kind !== 'area' || scope.kodeKota !== ctx.kodeKota || scope.areaCode.length > 10 || areaCode.length > 10) return null;
  const prefixes = [areaCode, scope.areaCode];
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const kels = Object.keys(ctx.kelurahan)
    .filter((k) => prefixes.every((p) => k.startsWith(p)))
    .sort();
  const wanted: { kel: string; d: string }[] = [];
  let settle!: (value: Map<string, KelurahanDay>) => void;
  let fail!: (error: unknown) => void;
  const batch = new Promise<Map<string, KelurahanDay>>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const marks = days.map((d) =>
    kels.map((kel) =>
      memoByStamp(db, 'marks', `${ctx.kodeKota}|${ctx.startDate}|${kel}|${d}`, ctx.kelurahan[kel], () => {
        wanted.push({ kel, d });
        return batch.then((m) => m.get(`${kel}|${d}`) ?? NONE);
      }),
    ),
  );
  if (wanted.length === 0) settle(new Map());
  else {
    const kelsToRead = [...new Set(wanted.map((w) => w.kel))];
    const first = wanted.reduce((m, w) => (w.d < m ? w.d : m), wanted[0].d);
    const last = wanted.reduce((m, w) => (w.d > m ? w.d : m), wanted[0].d);
    readMarks(db, ctx.kodeKota, kelsToRead, first, last).then(settle, fail);
  }
  const out: DayReporting[] = [];
  for (let i = 0; i < days.length; i++) {
    const union = new Map<string, number>();
    for (const day of await Promise.all(marks[i])) {
      for (let j = 0; j < day.petugas.length; j++) union.set(day.petugas[j], (union.get(day.petugas[j]) ?? 0) | day.flags[j]);
    }
    let expected = 0;
    let reported = 0;
    for (const f of union.values()) {
      if (f & OPEN) expected++;
      if (f === (OPEN | REPORTED)) reported++;
    }
    out.push({ tanggal: days[i], expected, reported });
  }
  return out;
}

/** The marks of the given kelurahan on every date from `from` to `to`, keyed `kelurahan|date`. */
async function readMarks(db: Db, kodeKota: string, kels: string[], from: string, to: string): Promise<Map<string, KelurahanDay>> {
  const rows = await queryRows<{ kel: string; d: string; p: string; f: number }>(
    db,
    // The same open and reported tests as listDayReporting (lib/queries/reporting.ts), kept per
    // kelurahan.
    sql`with days as (
      select ${from}::date + i as d from generate_series(0, ${to}::date - ${from}::date) as g(i)
    ),
    held as (
      select s.kode_subsls, s.kode_petugas from assignment s
      where s.kode_kota = ${kodeKota} and left(s.kode_subsls, 10) = any(${arrayParam(kels)}::text[])
    ),
    marks as (
      select left(s.kode_subsls, 10) as kel, days.d, s.kode_petugas, ${OPEN}::int as f
      from days cross join held s
      join campaign c on c.kode_kota = ${kodeKota}
      join area a on a.kode_kota = ${kodeKota} and a.code = s.kode_subsls
      left join area_series ad on ad.kode_kota = ${kodeKota} and ad.code = s.kode_subsls
      where ${UNFINISHED_DAY_BEFORE}
      union all
      select left(r.kode_subsls, 10), r.tanggal, r.kode_petugas, ${REPORTED}::int
      from report r join held s on s.kode_subsls = r.kode_subsls
      where r.kode_kota = ${kodeKota} and r.tanggal between ${from}::date and ${to}::date
        and left(r.kode_subsls, 10) = any(${arrayParam(kels)}::text[])
    )
    select kel, d::text as d, kode_petugas as p, bit_or(f)::int as f from marks group by kel, d, kode_petugas`,
  );
  const out = new Map<string, KelurahanDay>();
  for (const r of rows) {
    const key = `${r.kel}|${r.d}`;
    let day = out.get(key);
    if (!day) out.set(key, (day = { petugas: [], flags: [] }));
    day.petugas.push(r.p);
    day.flags.push(r.f);
  }
  return out;
}
