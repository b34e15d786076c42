// "Tindak lanjut penolakan": every SLS under an area with its open refusals and not-met
// families, their weekly change, the PPL/PML who hold it and the date of its latest follow-up —
// the list a lurah or camat works from. Counts only: never a family.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { openCases } from '@/lib/domain/refusals';
import { codeAtLevel } from '@/lib/domain/area-code';
import type { Scope } from '@/lib/domain/scope';
import { LEVEL_CODE_LENGTH } from '@/lib/domain/types';
import { areaVisible } from '@/lib/db/scope-sql';
import { groupByPrefix, groupChange } from '@/lib/domain/refusal-groups';
import { getRefusalOverview, listSubslsRefusals, type RefusalOverview, type RefusalRow } from './refusals';
import { slsVisible } from './followups';

export interface FollowupListRow extends RefusalRow {
  /** The kelurahan the SLS lies in (code and name), for one PDF page per kelurahan. */
  kelurahan: string;
  kelurahanName: string;
  ppl: string[];
  pml: string[];
  lastFollowup: string | null;
}

export interface FollowupList extends RefusalOverview {
  sls: FollowupListRow[];
}

interface SlsInfo {
  code: string;
  name: string;
  kel_code: string;
  kel_name: string;
  ppl: string[] | null;
  pml: string[] | null;
  last_followup: string | null;
}

/** The overview of the area plus its SLS, most open cases first; null when not visible. */
export async function getFollowupList(db: Db, scope: Scope, params: { code: string; asOf: string }): Promise<FollowupList | null> {
  const overview = await getRefusalOverview(db, scope, params);
  if (!overview) return null;
  const rows = await listSubslsRefusals(db, scope, params);
  const groups = groupByPrefix(rows, LEVEL_CODE_LENGTH.sls);
  const info = await queryRows<SlsInfo>(
    db,
    sql`select s.code, s.name, k.code as kel_code, k.name as kel_name,
      (select array_agg(distinct o.name order by o.name) from assignment x join officer o on o.code = x.kode_petugas and o.kode_kota = x.kode_kota
        where x.kode_kota = s.kode_kota and x.kode_subsls like s.code || '%' and ${areaVisible(scope, sql`x.kode_subsls`)}) as ppl,
      (select array_agg(distinct m.name order by m.name) from assignment x join officer o on o.code = x.kode_petugas and o.kode_kota = x.kode_kota
        join officer m on m.code = o.supervisor_code and m.kode_kota = o.kode_kota
        where x.kode_kota = s.kode_kota and x.kode_subsls like s.code || '%' and ${areaVisible(scope, sql`x.kode_subsls`)}) as pml,
      (select max(f.tanggal)::text from followup f where f.kode_kota = s.kode_kota and f.kode_sls = s.code) as last_followup
    from area s join area k on k.kode_kota = s.kode_kota and k.code = s.parent_code
    where s.kode_kota = ${scope.kodeKota} and s.level = 'sls' and s.code like ${codeAtLevel(params.code, 'sls') + '%'}
      and ${slsVisible(scope, sql`s.code`)}`,
  );
  const sls: FollowupListRow[] = [];
  for (const i of info) {
    const group = groups.get(i.code);
    if (!group) continue;
    sls.push({
      code: i.code,
      name: i.name,
      level: 'sls',
      ...groupChange(group),
      kelurahan: i.kel_code,
      kelurahanName: i.kel_name,
      ppl: i.ppl ?? [],
      pml: i.pml ?? [],
      lastFollowup: i.last_followup,
    });
  }
  sls.sort((a, b) => openCases(b) - openCases(a) || b.menolak - a.menolak || a.code.localeCompare(b.code));
  return { ...overview, sls };
}
