import 'server-only';
import type { Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import { getAreaSummary, listAreaChildren, listBreadcrumb, type AreaMetrics, type AreaRef } from './areas';
import { resolveAsOf } from '@/lib/domain/as-of';
import { getCampaign, type Campaign } from './campaign';

export interface AreaView {
  campaign: Campaign;
  area: AreaMetrics;
  breadcrumb: AreaRef[];
  children: AreaMetrics[];
}

/** Everything an area page shows, from the same queries the API answers with; null = 404. */
export async function getAreaView(db: Db, scope: Scope, code: string, asOfParam?: string | null): Promise<AreaView | null> {
  const campaign = await getCampaign(db, scope);
  if (!campaign) return null;
  const asOf = resolveAsOf(campaign, asOfParam);
  const params = { code, asOf, window: campaign };
  const [area, breadcrumb, children] = await Promise.all([
    getAreaSummary(db, scope, params),
    listBreadcrumb(db, scope, code),
    listAreaChildren(db, scope, params),
  ]);
  return area ? { campaign, area, breadcrumb, children } : null;
}
