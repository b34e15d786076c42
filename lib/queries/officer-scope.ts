// Which rows of the (kab/kota-wide, memoised) officer table a scope may see.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import type { CampaignWindow } from '@/lib/domain/types';
import { memoByStamp } from './officer-cache';
import { loadDataStamp } from './officer-facts';
import { getOfficerTable, type OfficerEntry, type OfficerTable } from './officer-table';
import { officerVisible } from './scope-sql';

/** The codes of the officers visible in the scope (the scope decides in SQL). */
function visibleCodes(db: Db, scope: Scope, stamp: string): Promise<Set<string>> {
  return memoByStamp(db, 'visible', JSON.stringify(scope), stamp, async () => {
    const rows = await queryRows<{ code: string }>(
      db,
      sql`select o.code from officer o where o.kode_kota = ${scope.kodeKota} and o.active
      and ${officerVisible(scope, sql`o.code`, sql`o.area_code`)}`,
    );
    return new Set(rows.map((r) => r.code));
  });
}

export interface ScopedOfficers {
  table: OfficerTable;
  isVisible: (code: string | null) => boolean;
  /** The table's entries the scope may see, in table order. */
  visible: () => OfficerEntry[];
}

/** The kab/kota's officer table and which of its entries the scope may see. */
export async function scopedOfficers(db: Db, scope: Scope, params: { asOf: string; window: CampaignWindow }): Promise<ScopedOfficers> {
  const stamp = await loadDataStamp(db, scope.kodeKota);
  const [table, codes] = await Promise.all([
    getOfficerTable(db, { kodeKota: scope.kodeKota, window: params.window, asOf: params.asOf, stamp }),
    visibleCodes(db, scope, stamp),
  ]);
  const isVisible = (code: string | null) => code !== null && codes.has(code);
  return { table, isVisible, visible: () => table.entries.filter((e) => isVisible(e.row.code)) };
}

