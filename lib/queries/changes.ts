import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import { getCampaign } from './campaign';
import { areaVisible } from '@/lib/db/scope-sql';
import { slsVisible } from './followups';

/**
 * A cheap version of the data the viewer may see: the newest report version on a sub-SLS inside
 * their scope, the newest follow-up version on an SLS inside it (a colleague's follow-up shows on
 * an open page without a reload), the newest applied import (kab/kota-wide viewers only: an
 * import is activity anywhere) and the kab/kota's latest complete day (a day-granularity fact,
 * the same for everyone, which moves every viewer's default date). A report or a follow-up
 * outside the scope changes none of them, so the token never lets a PPL or a lurah watch
 * activity elsewhere in the city.
 */
export async function getChangeToken(db: Db, scope: Scope): Promise<string> {
  const wholeKota = scope.kind === 'area' && scope.areaCode === scope.kodeKota;
  const [row] = await queryRows<{ h: string; j: string; f: string }>(
    db,
    wholeKota
      ? sql`select (select coalesce(max(id), 0)::text from report_history where kode_kota = ${scope.kodeKota}) as h,
          (select coalesce(max(id), 0)::text from import_job where kode_kota = ${scope.kodeKota} and status = 'applied') as j,
          (select coalesce(max(history_id), 0)::text from followup_history where kode_kota = ${scope.kodeKota}) as f`
      : sql`select (select coalesce(max(h.id), 0)::text from report_history h where h.kode_kota = ${scope.kodeKota}
          and ${areaVisible(scope, sql`h.kode_subsls`)}) as h, '-' as j,
          (select coalesce(max(f.history_id), 0)::text from followup_history f where f.kode_kota = ${scope.kodeKota}
          and ${slsVisible(scope, sql`f.kode_sls`)}) as f`,
  );
  const campaign = await getCampaign(db, scope);
  return `${row.h}.${row.j}.${row.f}.${campaign?.defaultAsOf ?? '-'}`;
}
