// The plan an SLS or sub-SLS is judged against (DESIGN.md, Metrics): what its PPL has left over
// the days left, at the PPL's pace. PPL work their SLS one after another, so an SLS at 0 % on
// day 19 is usually next in line, not late; the PPL's own schedule says whether it is.
import 'server-only';
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows, type Db } from '@/lib/db/client';
import { seriesStart, type PlanWindow } from '@/lib/domain/as-of';
import { forecast, type PplPlan } from '@/lib/domain/pace';
import type { Scope } from '@/lib/domain/scope';
import { areaVisible } from '@/lib/db/scope-sql';

/** A window whose pace and forecasts stop at the latest complete day (lib/queries/campaign.ts). */
export type { PlanWindow } from '@/lib/domain/as-of';

/** The longest prefix every code starts with. */
function commonPrefix(codes: string[]): string {
  let prefix = codes[0];
  for (const c of codes) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** The later finish is the worse plan; no finish at all is the worst. */
function worse(a: PplPlan, b: PplPlan): PplPlan {
  if (a.projectedFinish === null) return a;
  if (b.projectedFinish === null) return b;
  return b.projectedFinish > a.projectedFinish ? b : a;
}

/**
 * For each SLS or sub-SLS code, the plan of the PPL holding it (of the most behind one, for an
 * SLS split between several). A PPL's work counts only inside the viewer's scope, so nothing
 * outside it shapes a status.
 */
export async function listPplPlans(
  db: Db,
  scope: Scope,
  params: { codes: string[]; asOf: string; window: PlanWindow },
): Promise<Map<string, PplPlan>> {
  const { codes, asOf, window } = params;
  const out = new Map<string, PplPlan>();
  if (codes.length === 0) return out;
  const visible = areaVisible(scope, sql`s.kode_subsls`);
  // The codes' common prefix (their parent, usually) as an index range: matching each code's
  // pattern against every assignment of the kab/kota cost codes × sub-SLS comparisons.
  const under = sql`s.kode_subsls like ${commonPrefix(codes) + '%'}`;
  const rows = await queryRows<{ kode_petugas: string; tanggal: string; closed: number; universe: number }>(
    db,
    sql`with holder as (
      select distinct s.kode_petugas from assignment s
      where s.kode_kota = ${scope.kodeKota} and ${under} and (left(s.kode_subsls, 14) = any(${arrayParam(codes)}::text[])
        or s.kode_subsls = any(${arrayParam(codes)}::text[])) and ${visible}
    )
    select s.kode_petugas, d.tanggal::text as tanggal, sum(d.selesai + d.tidak_ditemukan)::int as closed,
      sum(d.prelist + d.keluarga_baru)::int as universe
    from assignment s join holder h on h.kode_petugas = s.kode_petugas
    join area_day d on d.kode_kota = s.kode_kota and d.code = s.kode_subsls
      and d.tanggal between ${seriesStart(window, asOf)}::date and ${asOf}::date
    where s.kode_kota = ${scope.kodeKota} and ${visible}
    group by s.kode_petugas, d.tanggal`,
  );
  const held = await queryRows<{ code: string; kode_petugas: string }>(
    db,
    sql`select distinct c.code, s.kode_petugas from unnest(${arrayParam(codes)}::text[]) as c(code)
    join assignment s on s.kode_kota = ${scope.kodeKota} and ${under} and s.kode_subsls like c.code || '%'
    where ${visible}`,
  );
  const byPpl = new Map<string, { series: Map<string, number>; universe: number }>();
  for (const r of rows) {
    const p = byPpl.get(r.kode_petugas) ?? byPpl.set(r.kode_petugas, { series: new Map(), universe: 0 }).get(r.kode_petugas)!;
    p.series.set(r.tanggal, r.closed);
    if (r.tanggal === asOf) p.universe = r.universe;
  }
  const plans = new Map<string, PplPlan>();
  for (const [code, p] of byPpl) {
    const f = forecast(p.series, window, asOf, p.universe - (p.series.get(asOf) ?? 0), { completeThrough: window.completeThrough });
    plans.set(code, { projectedFinish: f.projectedFinish, pace: f.pace7, requiredPace: f.requiredPace });
  }
  for (const h of held) {
    const plan = plans.get(h.kode_petugas);
    if (!plan) continue;
    const current = out.get(h.code);
    out.set(h.code, current ? worse(current, plan) : plan);
  }
  return out;
}
