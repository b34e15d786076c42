// Who works each area: the PPL holding its sub-SLS and their PML, with phone numbers, so a lurah
// or camat can call the right person from the page or the printed report.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import { LEVEL_CODE_LENGTH, type AreaLevel } from '@/lib/domain/types';
import { areaVisible } from '@/lib/db/scope-sql';

export interface OfficerContact {
  code: string;
  name: string;
  phone: string | null;
}

export interface AreaOfficers {
  ppl: OfficerContact[];
  pml: OfficerContact[];
}

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/**
 * The PPL holding the visible sub-SLS under `code` and their PML, grouped by the area of `level`
 * each sub-SLS lies in (`level` = the code's own level gives one group for the whole area).
 * Only sub-SLS the scope sees count, so a PML never learns who works outside their team.
 */
export async function listAreaOfficers(db: Db, scope: Scope, params: { code: string; level: AreaLevel }): Promise<Map<string, AreaOfficers>> {
  const depth = sql.raw(String(LEVEL_CODE_LENGTH[params.level]));
  const rows = await queryRows<{ area_code: string; code: string; name: string; phone: string | null; pml_code: string | null; pml_name: string | null; pml_phone: string | null }>(
    db,
    sql`select distinct left(s.kode_subsls, ${depth}) as area_code, o.code, o.name, o.phone,
      p.code as pml_code, p.name as pml_name, p.phone as pml_phone
    from assignment s
    join officer o on o.code = s.kode_petugas and o.kode_kota = s.kode_kota
    left join officer p on p.code = o.supervisor_code and p.kode_kota = o.kode_kota
    where s.kode_kota = ${scope.kodeKota} and s.kode_subsls like ${params.code + '%'} and ${areaVisible(scope, sql`s.kode_subsls`)}`,
  );
  const byArea = new Map<string, AreaOfficers>();
  for (const r of rows) {
    const group = byArea.get(r.area_code) ?? byArea.set(r.area_code, { ppl: [], pml: [] }).get(r.area_code)!;
    if (!group.ppl.some((o) => o.code === r.code)) group.ppl.push({ code: r.code, name: r.name, phone: r.phone });
    if (r.pml_code && !group.pml.some((o) => o.code === r.pml_code)) group.pml.push({ code: r.pml_code, name: r.pml_name ?? r.pml_code, phone: r.pml_phone });
  }
  const byName = (a: OfficerContact, b: OfficerContact) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code);
  for (const g of byArea.values()) {
    g.ppl.sort(byName);
    g.pml.sort(byName);
  }
  return byArea;
}
