// The officer table a scope sees: which officers it may see and which sub-SLS count for them
// (the scope decides both in SQL), and the table cut to them (officer-table.ts).
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import type { CampaignWindow } from '@/lib/domain/types';
import { memoByStamp } from '@/lib/server/stamp-cache';
import { loadDataStamp } from './officer-facts';
import { getOfficerTable, type OfficerEntry, type OfficerTable, type ScopeLens } from './officer-table';
import { areaVisible, officerVisible } from '@/lib/db/scope-sql';

/** A scope that sees the whole kab/kota: every sub-SLS counts, no set needed. */
const wholeKota = (scope: Scope) => scope.kind === 'area' && scope.areaCode === scope.kodeKota;

/** The officers visible in the scope and the assigned sub-SLS inside it, memoised per scope and stamp. */
function scopeLens(db: Db, scope: Scope, stamp: string): Promise<ScopeLens> {
  const key = JSON.stringify(scope);
  return memoByStamp(db, 'visible', key, stamp, async () => {
    const [officers, subsls] = await Promise.all([
      queryRows<{ code: string }>(
        db,
        sql`select o.code from officer o where o.kode_kota = ${scope.kodeKota} and o.active
        and ${officerVisible(scope, sql`o.code`, sql`o.area_code`)}`,
      ),
      wholeKota(scope)
        ? null
        : queryRows<{ code: string }>(
            db,
            sql`select s.kode_subsls as code from assignment s where s.kode_kota = ${scope.kodeKota}
            and ${areaVisible(scope, sql`s.kode_subsls`)}`,
          ),
    ]);
    return {
      key,
      officers: new Set(officers.map((r) => r.code)),
      within: subsls && new Set(subsls.map((r) => r.code)),
      areaRoot: scope.kind === 'area' ? scope.areaCode : null,
    };
  });
}

export interface ScopedOfficers {
  /** Only the officers the scope sees, with figures over the sub-SLS inside it. */
  table: OfficerTable;
  isVisible: (code: string | null) => boolean;
  /** The table's entries, in table order. */
  visible: () => OfficerEntry[];
}

/** The officer table as the scope sees it. */
export async function scopedOfficers(db: Db, scope: Scope, params: { asOf: string; window: CampaignWindow }): Promise<ScopedOfficers> {
  const stamp = await loadDataStamp(db, scope);
  const lens = await scopeLens(db, scope, stamp);
  const table = await getOfficerTable(db, scope, { window: params.window, asOf: params.asOf, stamp, lens });
  const isVisible = (code: string | null) => code !== null && table.byCode.has(code);
  return { table, isVisible, visible: () => table.entries };
}
