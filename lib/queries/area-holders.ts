import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import { LEVEL_CODE_LENGTH, type AreaLevel } from '@/lib/domain/types';
import { areaVisible } from '@/lib/db/scope-sql';

export interface OfficerRef {
  code: string;
  name: string;
}

/**
 * The PPL holding the visible sub-SLS under `code`, grouped by the area of `level` they lie in
 * (an SLS split into sub-SLS may have several). Keyed by that area's code.
 */
export async function listAreaHolders(
  db: Db,
  scope: Scope,
  params: { code: string; level: AreaLevel },
): Promise<Map<string, OfficerRef[]>> {
  const depth = sql.raw(String(LEVEL_CODE_LENGTH[params.level]));
  const rows = await queryRows<{ area_code: string; code: string; name: string }>(
    db,
    sql`select distinct left(s.kode_subsls, ${depth}) as area_code, o.code, o.name
    from assignment s join officer o on o.code = s.kode_petugas and o.kode_kota = s.kode_kota
    where s.kode_kota = ${scope.kodeKota} and s.kode_subsls like ${params.code + '%'} and ${areaVisible(scope, sql`s.kode_subsls`)}
    order by 1, 3, 2`,
  );
  const byArea = new Map<string, OfficerRef[]>();
  for (const r of rows) {
    const list = byArea.get(r.area_code) ?? [];
    list.push({ code: r.code, name: r.name });
    byArea.set(r.area_code, list);
  }
  return byArea;
}
