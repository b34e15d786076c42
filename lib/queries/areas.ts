import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { arrayParam, queryRows, type Db } from '@/lib/db/client';
import { diffDays } from '@/lib/domain/dates';
import { closedOf } from '@/lib/domain/metrics';
import { areaMetrics, forecastDay, type AreaMetricValues, type PplPlan } from '@/lib/domain/pace';
import type { Scope } from '@/lib/domain/scope';
import { lineageCodes } from '@/lib/domain/area-code';
import type { AreaLevel } from '@/lib/domain/types';
import { seriesStart, type PlanWindow } from '@/lib/domain/as-of';
import { listPplPlans } from './ppl-plan';
import { areaVisible } from '@/lib/db/scope-sql';

export interface AreaRef {
  code: string;
  name: string;
  level: AreaLevel;
  kemendagriCode: string | null;
}

/** The contract of DESIGN.md: an area's identity and every metric as of a date. */
export type AreaMetrics = AreaRef & { asOf: string } & AreaMetricValues;

/** One area_day row as the database returns it. */
export interface DayRow {
  code: string;
  tanggal: string;
  prelist: number;
  keluarga_baru: number;
  selesai: number;
  menolak: number;
  tidak_ditemui: number;
  tidak_ditemukan: number;
}

export interface AreaRow {
  code: string;
  name: string;
  level: AreaLevel;
  kemendagri_code: string | null;
}

const toRef = (r: AreaRow): AreaRef => ({ code: r.code, name: r.name, level: r.level, kemendagriCode: r.kemendagri_code });

/** An area's counts on asOf and its dated selesai / tidak ditemukan of asOf−15 … asOf, as one row. */
export interface AreaSeriesRow extends AreaRow {
  prelist: number;
  keluarga_baru: number;
  selesai: number;
  menolak: number;
  tidak_ditemui: number;
  tidak_ditemukan: number;
  dates: string[];
  selesai_series: number[];
  tidak_ditemukan_series: number[];
  /** Sub-SLS with any report dated ≤ each date: when the area's first report came. */
  started_series: number[];
}

/**
 * Days from the area's first report to `day`, from its started series: null when it has none by
 * then; when it had one on the series' first date and that lies at its start (not just the
 * window's first day), longer ago than any stall the series can show.
 */
function daysSinceFirstReport(row: AreaSeriesRow, day: string, from: string): number | null {
  const first = row.dates.findIndex((d, i) => d <= day && row.started_series[i] > 0);
  if (first < 0) return null;
  return row.dates[first] <= from ? Number.POSITIVE_INFINITY : diffDays(day, row.dates[first]);
}

/**
 * Every metric of an area from its series row (lib/domain does the arithmetic). Pace, forecast
 * and status stop at the window's latest complete day; an SLS or sub-SLS with a plan is judged
 * against its PPL's (lib/queries/ppl-plan.ts).
 */
function metricsOfSeries(row: AreaSeriesRow, window: PlanWindow, asOf: string, plan?: PplPlan | null): AreaMetrics {
  const series = new Map(row.dates.map((d, i) => [d, closedOf({ selesai: row.selesai_series[i], tidakDitemukan: row.tidak_ditemukan_series[i] })]));
  const day = forecastDay(window, asOf, window.completeThrough);
  const counts = {
    prelist: row.prelist,
    keluargaBaru: row.keluarga_baru,
    selesai: row.selesai,
    menolak: row.menolak,
    tidakDitemui: row.tidak_ditemui,
    tidakDitemukan: row.tidak_ditemukan,
  };
  // A stall is counted only as far back as the series this row carries (day−15 … asOf).
  const from = seriesStart(window, asOf);
  const stallLookback = Math.max(0, diffDays(day, from));
  const options = { completeThrough: window.completeThrough, daysSinceFirstReport: daysSinceFirstReport(row, day, from), plan, stallLookback };
  return { ...toRef(row), asOf, ...areaMetrics(counts, series, window, asOf, options) };
}

const onAsOf = (column: string, asOf: string) => sql`coalesce(max(d.${sql.raw(column)}) filter (where d.tanggal = ${asOf}::date), 0)::int`;
const seriesOf = (expression: SQL, cast: string) =>
  sql`coalesce(array_agg(${expression} order by d.tanggal) filter (where d.tanggal is not null), '{}')::${sql.raw(cast)}`;

/**
 * Areas visible in the scope matching `where` (a condition on `a`), one row each: the counts on
 * asOf and, when `withDays` holds for it, the series of asOf−15 … asOf as arrays. One round trip
 * and one row per area: a query costs a socket write and read each way, and rows cost parsing.
 * Areas come top level first, then in code order.
 */
export async function selectAreaSeries(
  db: Db,
  scope: Scope,
  params: { where: SQL; withDays: SQL; asOf: string; window: PlanWindow },
): Promise<AreaSeriesRow[]> {
  const { asOf } = params;
  return queryRows<AreaSeriesRow>(
    db,
    sql`select a.code, a.name, a.level, a.kemendagri_code,
      ${onAsOf('prelist', asOf)} as prelist, ${onAsOf('keluarga_baru', asOf)} as keluarga_baru, ${onAsOf('selesai', asOf)} as selesai,
      ${onAsOf('menolak', asOf)} as menolak, ${onAsOf('tidak_ditemui', asOf)} as tidak_ditemui, ${onAsOf('tidak_ditemukan', asOf)} as tidak_ditemukan,
      ${seriesOf(sql`d.tanggal::text`, 'text[]')} as dates, ${seriesOf(sql`d.selesai`, 'int[]')} as selesai_series,
      ${seriesOf(sql`d.tidak_ditemukan`, 'int[]')} as tidak_ditemukan_series, ${seriesOf(sql`d.subsls_started`, 'int[]')} as started_series
    from area a left join area_day d on d.kode_kota = a.kode_kota and d.code = a.code and ${params.withDays}
      and d.tanggal between ${seriesStart(params.window, asOf)}::date and ${asOf}::date
    where a.kode_kota = ${scope.kodeKota} and ${params.where} and ${areaVisible(scope, sql`a.code`)}
    group by a.code, a.name, a.level, a.kemendagri_code
    order by length(a.code), a.code`,
  );
}

/** One area visible in the scope, or null (outside the scope answers like a missing area). */
export async function getArea(db: Db, scope: Scope, code: string): Promise<AreaRef | null> {
  const [row] = await queryRows<AreaRow>(
    db,
    sql`select code, name, level, kemendagri_code from area
    where kode_kota = ${scope.kodeKota} and code = ${code} and ${areaVisible(scope, sql`code`)}`,
  );
  return row ? toRef(row) : null;
}

/** The area's ancestors inside the scope, from the top down (the breadcrumb). */
export async function listBreadcrumb(db: Db, scope: Scope, code: string): Promise<AreaRef[]> {
  const prefixes = lineageCodes(code).filter((c) => c.length < code.length);
  if (prefixes.length === 0) return [];
  const rows = await queryRows<AreaRow>(
    db,
    sql`select code, name, level, kemendagri_code from area
    where kode_kota = ${scope.kodeKota} and code = any(${arrayParam(prefixes)}::text[]) and ${areaVisible(scope, sql`code`)}
    order by length(code)`,
  );
  return rows.map(toRef);
}

/** An area's metrics as of a date; null when the area is not visible in the scope. */
export async function getAreaSummary(
  db: Db,
  scope: Scope,
  params: { code: string; asOf: string; window: PlanWindow },
): Promise<AreaMetrics | null> {
  const { code, asOf, window } = params;
  const [row] = await selectAreaSeries(db, scope, { where: sql`a.code = ${code}`, withDays: sql`true`, asOf, window });
  return row ? (await metricsWithPlans(db, scope, [row], window, asOf))[0] : null;
}

/** Metrics of series rows, SLS and sub-SLS judged against their PPL's plan (one query for all of them). */
export async function metricsWithPlans(db: Db, scope: Scope, rows: AreaSeriesRow[], window: PlanWindow, asOf: string): Promise<AreaMetrics[]> {
  const planned = rows.filter((r) => r.level === 'sls' || r.level === 'subsls').map((r) => r.code);
  const plans = planned.length > 0 ? await listPplPlans(db, scope, { codes: planned, asOf, window }) : new Map<string, PplPlan>();
  return rows.map((r) => metricsOfSeries(r, window, asOf, plans.get(r.code)));
}

/** SQL condition on `a`: the children of `code`, or with `level` every descendant at that level. */
export function belowCondition(code: string, level?: AreaLevel): SQL {
  return level ? sql`(a.code like ${code + '%'} and a.level = ${level} and a.code <> ${code})` : sql`a.parent_code = ${code}`;
}

/**
 * Each child area of `code` visible in the scope, with its metrics, in code order; with `level`,
 * every descendant at that deeper level instead (e.g. all kelurahan of a kota).
 */
export async function listAreaChildren(
  db: Db,
  scope: Scope,
  params: { code: string; asOf: string; window: PlanWindow; level?: AreaLevel },
): Promise<AreaMetrics[]> {
  const { code, asOf, window, level } = params;
  const rows = await selectAreaSeries(db, scope, { where: belowCondition(code, level), withDays: sql`true`, asOf, window });
  return metricsWithPlans(db, scope, rows, window, asOf);
}

/** Areas visible in the scope whose name, BPS code or Kemendagri code matches `q`. */
export async function searchAreas(db: Db, scope: Scope, q: string, limit = 20): Promise<AreaRef[]> {
  const term = q.trim();
  if (!term) return [];
  const like = '%' + term.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
  // "64.71.01.1004" is a Kemendagri code, "6471020002" a BPS code: the schemes number
  // differently, so a dotted term never matches a BPS code by its digits.
  const byCode = /^[\d.]+$/.test(term)
    ? term.includes('.')
      ? sql`or kemendagri_code like ${term + '%'}`
      : sql`or code like ${term + '%'}`
    : sql``;
  const rows = await queryRows<AreaRow>(
    db,
    sql`select code, name, level, kemendagri_code from area
    where kode_kota = ${scope.kodeKota} and ${areaVisible(scope, sql`code`)}
      and level in ('kota', 'kecamatan', 'kelurahan', 'sls')
      and (name ilike ${like} ${byCode})
    order by length(code), code limit ${limit}`,
  );
  return rows.map(toRef);
}

/** The kota, kecamatan and kelurahan visible in the scope, in code order (pickers, report forms). */
export async function listAreaOptions(db: Db, scope: Scope): Promise<AreaRef[]> {
  const rows = await queryRows<AreaRow>(
    db,
    sql`select code, name, level, kemendagri_code from area
    where kode_kota = ${scope.kodeKota} and level in ('kota', 'kecamatan', 'kelurahan') and ${areaVisible(scope, sql`code`)}
    order by code`,
  );
  return rows.map(toRef);
}
