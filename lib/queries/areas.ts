import { sql, type SQL } from 'drizzle-orm';
import { arrayParam, queryRows, type Db } from '@/lib/db/client';
import { addDays } from '@/lib/domain/dates';
import { closedOf } from '@/lib/domain/metrics';
import { BAND_DAYS, areaMetrics, type AreaMetricValues } from '@/lib/domain/pace';
import type { Scope } from '@/lib/domain/scope';
import { LEVEL_CODE_LENGTH, type AreaLevel, type CampaignWindow } from '@/lib/domain/types';
import { areaVisible } from './scope-sql';

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

/** Metrics of each area from its area_day rows of asOf−15 … asOf. */
export function metricsFromDays(areas: AreaRow[], days: DayRow[], window: CampaignWindow, asOf: string): AreaMetrics[] {
  const byCode = new Map<string, DayRow[]>();
  for (const d of days) (byCode.get(d.code) ?? byCode.set(d.code, []).get(d.code)!).push(d);
  return areas.map((a) => {
    const rows = byCode.get(a.code) ?? [];
    const series = new Map(rows.map((r) => [r.tanggal, closedOf({ selesai: r.selesai, tidakDitemukan: r.tidak_ditemukan })]));
    const current = rows.find((r) => r.tanggal === asOf);
    const counts = {
      prelist: current?.prelist ?? 0,
      keluargaBaru: current?.keluarga_baru ?? 0,
      selesai: current?.selesai ?? 0,
      menolak: current?.menolak ?? 0,
      tidakDitemui: current?.tidak_ditemui ?? 0,
      tidakDitemukan: current?.tidak_ditemukan ?? 0,
    };
    return { ...toRef(a), asOf, ...areaMetrics(counts, series, window, asOf) };
  });
}

export const DAY_COLUMNS = sql`d.code, d.tanggal::text as tanggal, d.prelist, d.keluarga_baru, d.selesai, d.menolak, d.tidak_ditemui, d.tidak_ditemukan`;

type AreaDayRow = AreaRow & { [K in keyof Omit<DayRow, 'code'>]: DayRow[K] | null };

/**
 * Areas visible in the scope matching `where`, each with its area_day rows of asOf−15 … asOf when
 * `withDays` holds for it, in one round trip (a query costs a socket write and read each way, which
 * under load weighs more than the rows). Areas come top level first, then in code order.
 */
export async function selectAreasWithDays(
  db: Db,
  scope: Scope,
  params: { where: SQL; withDays: SQL; asOf: string },
): Promise<{ areas: AreaRow[]; days: DayRow[] }> {
  const rows = await queryRows<AreaDayRow>(
    db,
    sql`select a.code, a.name, a.level, a.kemendagri_code, d.tanggal::text as tanggal, d.prelist, d.keluarga_baru,
      d.selesai, d.menolak, d.tidak_ditemui, d.tidak_ditemukan
    from area a left join area_day d on d.kode_kota = a.kode_kota and d.code = a.code and ${params.withDays}
      and d.tanggal between ${addDays(params.asOf, -(BAND_DAYS + 1))}::date and ${params.asOf}::date
    where a.kode_kota = ${scope.kodeKota} and ${params.where} and ${areaVisible(scope, sql`a.code`)}
    order by length(a.code), a.code, d.tanggal`,
  );
  const areas: AreaRow[] = [];
  const days: DayRow[] = [];
  for (const r of rows) {
    if (areas.at(-1)?.code !== r.code) areas.push({ code: r.code, name: r.name, level: r.level, kemendagri_code: r.kemendagri_code });
    if (r.tanggal !== null) days.push(r as DayRow);
  }
  return { areas, days };
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
  const prefixes = Object.values(LEVEL_CODE_LENGTH)
    .filter((n) => n < code.length)
    .map((n) => code.slice(0, n));
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
  params: { code: string; asOf: string; window: CampaignWindow },
): Promise<AreaMetrics | null> {
  const { code, asOf, window } = params;
  const { areas, days } = await selectAreasWithDays(db, scope, { where: sql`a.code = ${code}`, withDays: sql`true`, asOf });
  return areas.length ? metricsFromDays(areas, days, window, asOf)[0] : null;
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
  params: { code: string; asOf: string; window: CampaignWindow; level?: AreaLevel },
): Promise<AreaMetrics[]> {
  const { code, asOf, window, level } = params;
  const { areas, days } = await selectAreasWithDays(db, scope, { where: belowCondition(code, level), withDays: sql`true`, asOf });
  return metricsFromDays(areas, days, window, asOf);
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
