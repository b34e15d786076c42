// "Rekonsiliasi prelist": each SLS's drift from its prelist as of a date, scored against the
// other SLS of its kelurahan (lib/domain/prelist-drift.ts holds the definition and threshold).
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { isDriftOutlier, prelistDrift, robustZ, type PrelistDrift } from '@/lib/domain/prelist-drift';
import { codeAtLevel } from '@/lib/domain/area-code';
import type { Scope } from '@/lib/domain/scope';
import { getArea } from './areas';

export interface DriftRow extends PrelistDrift {
  code: string;
  name: string;
  kelurahan: string;
  kelurahanName: string;
  prelist: number;
  keluargaBaru: number;
  tidakDitemukan: number;
  z: number | null;
  flagged: boolean;
}

interface Row {
  code: string;
  name: string;
  kel_code: string;
  kel_name: string;
  prelist: number;
  keluarga_baru: number;
  tidak_ditemukan: number;
}

/**
 * Every SLS under an area scope's `code` with its drift and robust z-score, flagged first then
 * by z. Only area scopes (city, kecamatan, kelurahan) have a kelurahan's whole spread to judge
 * against, so team and officer scopes get null (404), as does an area outside the scope.
 */
export async function listPrelistDrift(db: Db, scope: Scope, params: { code: string; asOf: string }): Promise<DriftRow[] | null> {
  if (scope.kind !== 'area') return null;
  const area = await getArea(db, scope, params.code);
  if (!area) return null;
  // An SLS is judged against the rest of its kelurahan: fetch the kelurahan, keep the SLS.
  const fetchPrefix = codeAtLevel(params.code, 'kelurahan');
  const keep = codeAtLevel(params.code, 'sls');
  const rows = await queryRows<Row>(
    db,
    sql`select s.code, s.name, k.code as kel_code, k.name as kel_name,
      coalesce(d.prelist, 0)::int as prelist, coalesce(d.keluarga_baru, 0)::int as keluarga_baru, coalesce(d.tidak_ditemukan, 0)::int as tidak_ditemukan
    from area s join area k on k.kode_kota = s.kode_kota and k.code = s.parent_code
    left join area_day d on d.kode_kota = s.kode_kota and d.code = s.code and d.tanggal = ${params.asOf}::date
    where s.kode_kota = ${scope.kodeKota} and s.level = 'sls' and s.code like ${fetchPrefix + '%'} and s.code like ${scope.areaCode + '%'}
    order by s.code`,
  );
  const byKel = new Map<string, Row[]>();
  for (const r of rows) byKel.set(r.kel_code, [...(byKel.get(r.kel_code) ?? []), r]);
  const out: DriftRow[] = [];
  for (const group of byKel.values()) {
    const drifts = group.map((r) => prelistDrift({ prelist: r.prelist, keluargaBaru: r.keluarga_baru, tidakDitemukan: r.tidak_ditemukan }));
    const scored = drifts.map((d, i) => ({ d, i })).filter((x) => x.d.drift !== null);
    const zs = robustZ(scored.map((x) => x.d.drift as number));
    const zOf = new Map(scored.map((x, j) => [x.i, zs[j]]));
    group.forEach((r, i) => {
      const z = zOf.get(i) ?? null;
      out.push({
        code: r.code,
        name: r.name,
        kelurahan: r.kel_code,
        kelurahanName: r.kel_name,
        prelist: r.prelist,
        keluargaBaru: r.keluarga_baru,
        tidakDitemukan: r.tidak_ditemukan,
        ...drifts[i],
        z,
        flagged: isDriftOutlier(z),
      });
    });
  }
  return out.filter((r) => r.code.startsWith(keep)).sort((a, b) => Number(b.flagged) - Number(a.flagged) || (b.z ?? -Infinity) - (a.z ?? -Infinity) || a.code.localeCompare(b.code));
}
