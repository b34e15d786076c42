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
import { addDays, diffDays } from '@/lib/domain/dates';
import type { DayReporting } from '@/lib/domain/completeness';
import type { Scope } from '@/lib/domain/scope';
import { memoByStamp } from '@/lib/server/stamp-cache';

/** What a kab/kota's marks are keyed by: its window and each kelurahan's stamp. */
export interface MarksContext {
  kodeKota: string;
  startDate: string;
  /** The window's last report date (end + grace): marks cover startDate..lastDate. */
  lastDate: string;
  /** Kelurahan code → `xmin:version` of its kelurahan_version row ('-' when it has none yet). */
  kelurahan: Readonly<Record<string, string>>;
}

/**
 * One kelurahan's marks over the whole window: the PPL seen there, and for day i (from the
 * window's first day) and PPL j, `flags[i * petugas.length + j]` with bit 1 = open there, bit 2 =
 * reported there.
 */
interface KelurahanMarks {
  petugas: string[];
  flags: Uint8Array;
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
const NONE: KelurahanMarks = { petugas: [], flags: new Uint8Array(0) };

/**
 * Expected and reported PPL on each date from `from` to `to` for `areaCode` within the viewer's
 * scope, from the marks of the kelurahan under both the area and the scope: each kelurahan whose
 * stamp moved is read again (its whole window), all of them in one query. Null when marks cannot
 * answer (a team or officer scope, an area or a scope below kelurahan, another kab/kota, dates
 * outside the window): the caller then asks the direct query.
 */
export async function dayReportingFromMarks(
  db: Db,
  scope: Scope,
  ctx: MarksContext,
  params: { areaCode: string; from: string; to: string },
): Promise<DayReporting[] | null> {
  const { areaCode, from, to } = params;
  if (scope.kind !== 'area' || scope.kodeKota !== ctx.kodeKota || scope.areaCode.length > 10 || areaCode.length > 10) return null;
  if (from < ctx.startDate || to > ctx.lastDate) return null;
  const prefixes = [areaCode, scope.areaCode];
  const kels = Object.keys(ctx.kelurahan)
    .filter((k) => prefixes.every((p) => k.startsWith(p)))
    .sort();
  const wanted: string[] = [];
  let settle!: (value: Map<string, KelurahanMarks>) => void;
  let fail!: (error: unknown) => void;
  const batch = new Promise<Map<string, KelurahanMarks>>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const pending = kels.map((kel) =>
    memoByStamp(
      db,
      'marks',
      `${ctx.kodeKota}|${ctx.startDate}|${ctx.lastDate}|${kel}`,
      ctx.kelurahan[kel],
      () => {
        wanted.push(kel);
        return batch.then((m) => m.get(kel) ?? NONE);
      },
      (m) => m.flags.byteLength + m.petugas.length * 48 + 64,
    ),
  );
  if (wanted.length === 0) settle(new Map());
  else readMarks(db, ctx, wanted).then(settle, fail);
  const marks = await Promise.all(pending);
  // Every PPL of these kelurahan gets one slot, so a PPL open in one and reporting in another
  // counts once (the union of the kelurahan's marks).
  const slot = new Map<string, number>();
  const slots = marks.map((m) => {
    const at = new Int32Array(m.petugas.length);
    for (let j = 0; j < m.petugas.length; j++) {
      let s = slot.get(m.petugas[j]);
      if (s === undefined) slot.set(m.petugas[j], (s = slot.size));
      at[j] = s;
    }
    return at;
  });
  const union = new Uint8Array(slot.size);
  const out: DayReporting[] = [];
  const first = diffDays(from, ctx.startDate);
  for (let i = first, d = from; d <= to; i++, d = addDays(d, 1)) {
    union.fill(0);
    for (let k = 0; k < marks.length; k++) {
      const n = marks[k].petugas.length;
      const flags = marks[k].flags;
      const at = slots[k];
      for (let j = 0, base = i * n; j < n; j++) union[at[j]] |= flags[base + j];
    }
    let expected = 0;
    let reported = 0;
    for (let s = 0; s < union.length; s++) {
      if (union[s] & OPEN) expected++;
      if (union[s] === (OPEN | REPORTED)) reported++;
    }
    out.push({ tanggal: d, expected, reported });
  }
  return out;
}

/** The marks of the given kelurahan over the whole window, keyed by kelurahan. */
async function readMarks(db: Db, ctx: MarksContext, kels: string[]): Promise<Map<string, KelurahanMarks>> {
  const { kodeKota, startDate: from, lastDate: to } = ctx;
  const rows = await queryRows<{ kel: string; p: string; o: number[]; r: number[] }>(
    db,
    // The same open and reported tests as listDayReporting (lib/queries/reporting.ts), kept per
    // kelurahan; one row per kelurahan and PPL with the days (index from the window's first day)
    // on which the PPL was open there and those on which they reported there. Each kelurahan is
    // an index range (kode_kota first, then the code's prefix: text_pattern_ops), the reports one
    // index-only probe per day of report_kota_tanggal_idx, and each side is aggregated before
    // the two meet, so the work is the kelurahan's, not the kab/kota's. Each held sub-SLS's area
    // and series row are looked up by key (`offset 0` keeps the lateral subqueries from being
    // flattened into joins): guessing ~3× too many held rows, the planner otherwise hashed every
    // area and series row of the kab/kota (3,300 at 1×) to find a kelurahan's ~50 — half the
    // time of re-reading one kelurahan after a write, growing with the kab/kota.
    sql`with days as (
      select i, ${from}::date + i as d from generate_series(0, ${to}::date - ${from}::date) as g(i)
    ),
    kels as (select unnest(${arrayParam(kels)}::text[]) as kel),
    held as (
      select k.kel, s.kode_subsls, s.kode_petugas from kels k join assignment s
        on s.kode_kota = ${kodeKota} and s.kode_subsls ~>=~ k.kel and s.kode_subsls ~<~ (k.kel || ':')
    ),
    open as (
      select s.kel, s.kode_petugas as p, array_agg(days.i) as o
      from held s
      join campaign c on c.kode_kota = ${kodeKota}
      cross join lateral (select a.prelist from area a where a.kode_kota = ${kodeKota} and a.code = s.kode_subsls offset 0) a
      left join lateral (select ad.prelist, ad.selesai, ad.tidak_ditemukan, ad.keluarga_baru
        from area_series ad where ad.kode_kota = ${kodeKota} and ad.code = s.kode_subsls offset 0) ad on true
      cross join days
      where ${UNFINISHED_DAY_BEFORE}
      group by 1, 2
    ),
    rep as (
      select k.kel, r.kode_petugas as p, array_agg(days.i) as r
      from kels k cross join days
      join report r on r.kode_kota = ${kodeKota} and r.tanggal = days.d and r.kode_subsls ~>=~ k.kel and r.kode_subsls ~<~ (k.kel || ':')
      where exists (select 1 from held s where s.kode_subsls = r.kode_subsls)
      group by 1, 2
    )
    select coalesce(open.kel, rep.kel) as kel, coalesce(open.p, rep.p) as p,
      coalesce(open.o, '{}')::int[] as o, coalesce(rep.r, '{}')::int[] as r
    from open full join rep on rep.kel = open.kel and rep.p = open.p`,
  );
  const days = diffDays(to, from) + 1;
  const byKel = new Map<string, typeof rows>();
  for (const row of rows) (byKel.get(row.kel) ?? byKel.set(row.kel, []).get(row.kel)!).push(row);
  const out = new Map<string, KelurahanMarks>();
  for (const [kel, list] of byKel) {
    const n = list.length;
    const flags = new Uint8Array(days * n);
    // A PPL open on a day through two sub-SLS, or reporting twice, is listed twice: the same bit.
    list.forEach((row, j) => {
      for (const i of row.o) flags[i * n + j] |= OPEN;
      for (const i of row.r) flags[i * n + j] |= REPORTED;
    });
    out.set(kel, { petugas: list.map((row) => row.p), flags });
  }
  return out;
}
