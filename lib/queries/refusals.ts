// Open refusals and not-met families of an area's children (down to SLS) and of every SLS below
// it, with the weekly change and konversiPenolakan — counted from the carried-forward sub-SLS
// rows of area_day, the report history as the rollup keeps it. lib/domain/refusals.ts does the
// arithmetic; this file only gathers the points.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { groupByPrefix, groupChange, type SubslsRefusals } from '@/lib/domain/refusal-groups';
import { refusalWindow, type RefusalChange } from '@/lib/domain/refusals';
import type { Scope } from '@/lib/domain/scope';
import { LEVEL_CODE_LENGTH, type AreaLevel } from '@/lib/domain/types';
import { getArea, type AreaRef } from './areas';
import { areaVisible } from '@/lib/db/scope-sql';

export type { SubslsRefusals };

interface SubslsRow {
  code: string;
  men_d: number;
  tdm_d: number;
  peak_d: number;
  men_b: number;
  tdm_b: number;
  peak_b: number;
}


/** Every visible sub-SLS under `code` with its refusal points around asOf. */
export async function listSubslsRefusals(db: Db, scope: Scope, params: { code: string; asOf: string }): Promise<SubslsRefusals[]> {
  const { end, before } = refusalWindow(params.asOf);
  const rows = await queryRows<SubslsRow>(
    db,
    sql`select d.code,
      coalesce(max(d.menolak) filter (where d.tanggal = ${end}::date), 0)::int as men_d,
      coalesce(max(d.tidak_ditemui) filter (where d.tanggal = ${end}::date), 0)::int as tdm_d,
      coalesce(max(d.menolak), 0)::int as peak_d,
      coalesce(max(d.menolak) filter (where d.tanggal = ${before}::date), 0)::int as men_b,
      coalesce(max(d.tidak_ditemui) filter (where d.tanggal = ${before}::date), 0)::int as tdm_b,
      coalesce(max(d.menolak) filter (where d.tanggal <= ${before}::date), 0)::int as peak_b
    from area_day d
    where d.kode_kota = ${scope.kodeKota} and d.level = 'subsls' and d.code like ${params.code + '%'}
      and d.tanggal <= ${end}::date and ${areaVisible(scope, sql`d.code`)}
    group by d.code order by d.code`,
  );
  return rows.map((r) => ({
    code: r.code,
    now: { menolak: r.men_d, peak: r.peak_d, tidakDitemui: r.tdm_d },
    before: { menolak: r.men_b, peak: r.peak_b, tidakDitemui: r.tdm_b },
  }));
}

export type RefusalRow = { code: string; name: string; level: AreaLevel } & RefusalChange;

export interface RefusalOverview {
  area: AreaRef & RefusalChange;
  asOf: string;
  windowStart: string;
  children: RefusalRow[];
}

const CHILD_LEVEL: Partial<Record<AreaLevel, AreaLevel>> = { kota: 'kecamatan', kecamatan: 'kelurahan', kelurahan: 'sls', sls: 'subsls' };

/**
 * The area's open refusals and not-met with their weekly change and conversion, and the same
 * for each child area (down to SLS: a sub-SLS area lists none). Null when not visible.
 */
export async function getRefusalOverview(db: Db, scope: Scope, params: { code: string; asOf: string }): Promise<RefusalOverview | null> {
  const area = await getArea(db, scope, params.code);
  if (!area) return null;
  const rows = await listSubslsRefusals(db, scope, params);
  const childLevel = CHILD_LEVEL[area.level];
  const children: RefusalRow[] = [];
  if (childLevel) {
    const groups = groupByPrefix(rows, LEVEL_CODE_LENGTH[childLevel]);
    const names = await childNames(db, scope, params.code);
    for (const [code, group] of groups) children.push({ code, name: names.get(code) ?? code, level: childLevel, ...groupChange(group) });
  }
  const { before } = refusalWindow(params.asOf);
  return { area: { ...area, ...groupChange(rows) }, asOf: params.asOf, windowStart: before, children };
}

/** Names of the children; only codes of already-scoped sub-SLS rows are looked up in it. */
async function childNames(db: Db, scope: Scope, code: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ code: string; name: string }>(
    db,
    sql`select code, name from area where kode_kota = ${scope.kodeKota} and parent_code = ${code}`,
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}
