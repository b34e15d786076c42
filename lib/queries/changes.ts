import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import { getCampaign } from './campaign';
import { areaVisible } from '@/lib/db/scope-sql';

/**
 * A cheap version of the data the viewer may see: the newest report version on a sub-SLS inside
 * their scope, the newest applied import (kab/kota-wide viewers only: an import is activity
 * anywhere) and the kab/kota's latest complete day (a day-granularity fact, the same for everyone,
 * which moves every viewer's default date). A report outside the scope changes none of them, so
 * the token never lets a PPL or a lurah watch activity elsewhere in the city.
 */
export async function getChangeToken(db: Db, scope: Scope): Promise<string> {
  const wholeKota = scope.kind === 'area' && scope.areaCode === scope.kodeKota;
  const [row] = await queryRows<{ h: string; j: string }>(
    db,
    wholeKota
      ? sql`select (select coalesce(max(id), 0)::text from report_history where kode_kota = ${scope.kodeKota}) as h,
          (select coalesce(max(id), 0)::text from import_job where kode_kota = ${scope.kodeKota} and status = 'applied') as j`
      : sql`select (select coalesce(max(h.id), 0)::text from report_history h where h.kode_kota = ${scope.kodeKota}
          and ${areaVisible(scope, sql`h.kode_subsls`)}) as h, '-' as j`,
  );
  const campaign = await getCampaign(db, scope);
  return `${row.h}.${row.j}.${campaign?.defaultAsOf ?? '-'}`;
}
