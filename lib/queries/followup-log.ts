// The follow-up log of an area (the SLS and kelurahan pages, the API, the kelurahan's PDF).
import 'server-only';
import type { Db } from '@/lib/db/client';
import { followupTotals, type FollowupTotals } from '@/lib/domain/followup';
import type { Scope } from '@/lib/domain/scope';
import { getArea } from './areas';
import { listFollowups, type Followup } from './followups';

export interface FollowupLog {
  code: string;
  totals: FollowupTotals;
  followups: Followup[];
}

/** The area's follow-ups dated from … to with their totals; null when the area is not visible. */
export async function getFollowupLog(db: Db, scope: Scope, params: { code: string; from?: string; to?: string }): Promise<FollowupLog | null> {
  const area = await getArea(db, scope, params.code);
  if (!area) return null;
  const followups = await listFollowups(db, scope, params);
  return { code: area.code, totals: followupTotals(followups), followups };
}
