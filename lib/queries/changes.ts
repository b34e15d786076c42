import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';

/**
 * A cheap version of the scope's kab/kota data: the newest report version and the newest
 * applied import. Any accepted submission or import changes it; reading it touches two index
 * ends, so dashboards can poll it every few seconds.
 */
export async function getChangeToken(db: Db, scope: Scope): Promise<string> {
  const [row] = await queryRows<{ h: string; j: string }>(
    db,
    sql`select (select coalesce(max(id), 0)::text from report_history where kode_kota = ${scope.kodeKota}) as h,
      (select coalesce(max(id), 0)::text from import_job where kode_kota = ${scope.kodeKota} and status = 'applied') as j`,
  );
  return `${row.h}.${row.j}`;
}
