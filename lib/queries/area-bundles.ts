// The area API's reads in one round trip each: an area with its breadcrumb, and an area's children
// together with the check that the area itself is visible.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import { lineageCodes } from '@/lib/domain/area-code';
import type { AreaLevel } from '@/lib/domain/types';
import { arrayParam } from '@/lib/db/client';
import { belowCondition, metricsWithPlans, selectAreaSeries, type AreaMetrics, type AreaRef } from './areas';
import type { PlanWindow } from './ppl-plan';

const toRef = (a: { code: string; name: string; level: AreaLevel; kemendagri_code: string | null }): AreaRef => ({
  code: a.code,
  name: a.name,
  level: a.level,
  kemendagriCode: a.kemendagri_code,
});

/** An area's metrics and its visible ancestors (top down); null when the area is not visible. */
export async function getAreaWithBreadcrumb(
  db: Db,
  scope: Scope,
  params: { code: string; asOf: string; window: PlanWindow },
): Promise<{ area: AreaMetrics; breadcrumb: AreaRef[] } | null> {
  const { code, asOf, window } = params;
  const codes = [...lineageCodes(code).filter((c) => c.length < code.length), code];
  const rows = await selectAreaSeries(db, scope, { where: sql`a.code = any(${arrayParam(codes)}::text[])`, withDays: sql`a.code = ${code}`, asOf, window });
  const self = rows.find((a) => a.code === code);
  if (!self) return null;
  const [area] = await metricsWithPlans(db, scope, [self], window, asOf);
  return { area, breadcrumb: rows.filter((a) => a !== self).map(toRef) };
}

/** The children of a visible area (or its descendants at `level`) with their metrics; null when the area is not visible. */
export async function getAreaChildren(
  db: Db,
  scope: Scope,
  params: { code: string; asOf: string; window: PlanWindow; level?: AreaLevel },
): Promise<AreaMetrics[] | null> {
  const { code, asOf, window, level } = params;
  const rows = await selectAreaSeries(db, scope, { where: sql`(a.code = ${code} or ${belowCondition(code, level)})`, withDays: sql`a.code <> ${code}`, asOf, window });
  if (rows[0]?.code !== code) return null;
  return metricsWithPlans(db, scope, rows.slice(1), window, asOf);
}
