// One officer's page: their row, the sub-SLS they hold with progress, the daily series, the team.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { addDays } from '@/lib/domain/dates';
import { closedOf } from '@/lib/domain/metrics';
import { areaMetrics, dailyPace, type AreaMetricValues } from '@/lib/domain/pace';
import type { Scope } from '@/lib/domain/scope';
import type { CampaignWindow } from '@/lib/domain/types';
import { scopedOfficers } from './officer-scope';
import type { OfficerRow } from './officer-table';
import { seriesStart, type PlanWindow } from '@/lib/domain/as-of';
import { areaVisible } from '@/lib/db/scope-sql';

/** A sub-SLS an officer holds, with who holds it directly and its metrics as of the date. */
export interface SubslsProgress extends AreaMetricValues {
  code: string;
  name: string;
  kelurahanName: string | null;
  kodePetugas: string;
  lastReport: string | null;
}

export interface DailyPoint {
  tanggal: string;
  closed: number;
  pace: number;
}

export interface OfficerDetail {
  officer: OfficerRow;
  /** Their supervisor, when visible in the scope. */
  supervisor: OfficerRow | null;
  /** A supervisor's team, or a PPL's team mates (themselves included), as visible in the scope. */
  team: OfficerRow[];
  /** The team's sums from the query: the supervisor's own row (for a PPL, their PML's when visible). */
  teamTotals: OfficerRow | null;
  daily: DailyPoint[];
  subsls: SubslsProgress[];
}

interface HeldRow {
  code: string;
  name: string;
  kelurahan_name: string | null;
  kode_petugas: string;
  last_report: string | null;
  tanggal: string;
  prelist: number;
  keluarga_baru: number;
  selesai: number;
  menolak: number;
  tidak_ditemui: number;
  tidak_ditemukan: number;
}

/**
 * Every officer paired with every officer whose assignment counts as theirs: themselves, the
 * officers they supervise, and those their supervisees supervise (Koseka → PML → PPL).
 */
function officerChain(kodeKota: string): SQL {
  return sql`chain(owner, member) as (
    select o.code, o.code from officer o where o.kode_kota = ${kodeKota}
    union all
    select o.supervisor_code, o.code from officer o where o.kode_kota = ${kodeKota} and o.supervisor_code is not null
    union all
    select p.supervisor_code, o.code from officer o join officer p on p.kode_kota = o.kode_kota and p.code = o.supervisor_code
    where o.kode_kota = ${kodeKota} and p.supervisor_code is not null
  )`;
}

/** The sub-SLS held by the officer or the PPL under them, visible in the scope, with their metrics. */
async function listHeldSubsls(
  db: Db,
  scope: Scope,
  params: { code: string; asOf: string; window: CampaignWindow; plans: ReadonlyMap<string, Pick<AreaMetricValues, 'projectedFinish' | 'pace7' | 'requiredPace'>> },
): Promise<SubslsProgress[]> {
  const { code, asOf, window, plans } = params;
  const rows = await queryRows<HeldRow>(
    db,
    sql`with ${officerChain(scope.kodeKota)},
    held as (
      select s.kode_subsls, s.kode_petugas from assignment s join chain c on c.member = s.kode_petugas
      where s.kode_kota = ${scope.kodeKota} and c.owner = ${code} and ${areaVisible(scope, sql`s.kode_subsls`)}
    )
    select h.kode_subsls as code, a.name, k.name as kelurahan_name, h.kode_petugas,
      (select max(r.tanggal)::text from report r where r.kode_kota = ${scope.kodeKota} and r.kode_subsls = h.kode_subsls
        and r.tanggal <= ${asOf}::date) as last_report,
      d.tanggal::text as tanggal, d.prelist, d.keluarga_baru, d.selesai, d.menolak, d.tidak_ditemui, d.tidak_ditemukan
    from held h
    join area a on a.kode_kota = ${scope.kodeKota} and a.code = h.kode_subsls
    left join area k on k.kode_kota = ${scope.kodeKota} and k.code = left(h.kode_subsls, 10)
    join area_day d on d.kode_kota = ${scope.kodeKota} and d.code = h.kode_subsls
      and d.tanggal between ${seriesStart(window, asOf)}::date and ${asOf}::date
    order by h.kode_subsls, d.tanggal`,
  );
  const bySubsls = new Map<string, HeldRow[]>();
  for (const r of rows) (bySubsls.get(r.code) ?? bySubsls.set(r.code, []).get(r.code)!).push(r);
  return [...bySubsls.values()].map((days) => {
    const current = days.find((d) => d.tanggal === asOf) ?? days[days.length - 1];
    const series = new Map(days.map((d) => [d.tanggal, closedOf({ selesai: d.selesai, tidakDitemukan: d.tidak_ditemukan })]));
    const counts = {
      prelist: current.prelist,
      keluargaBaru: current.keluarga_baru,
      selesai: current.selesai,
      menolak: current.menolak,
      tidakDitemui: current.tidak_ditemui,
      tidakDitemukan: current.tidak_ditemukan,
    };
    const { code: subsls, name, kelurahan_name, kode_petugas, last_report } = current;
    // A sub-SLS is judged against its PPL's plan (DESIGN.md, Metrics), as on the area pages.
    const ppl = plans.get(kode_petugas);
    const plan = ppl ? { projectedFinish: ppl.projectedFinish, pace: ppl.pace7, requiredPace: ppl.requiredPace } : null;
    const options = { daysSinceFirstReport: last_report === null ? null : Number.POSITIVE_INFINITY, plan, completeThrough: (window as PlanWindow).completeThrough };
    return { code: subsls, name, kelurahanName: kelurahan_name, kodePetugas: kode_petugas, lastReport: last_report, ...areaMetrics(counts, series, window, asOf, options) };
  });
}

/** An officer visible in the scope with everything their page shows; null when not visible or unknown. */
export async function getOfficer(db: Db, scope: Scope, params: { code: string; asOf: string; window: CampaignWindow }): Promise<OfficerDetail | null> {
  const { code, asOf, window } = params;
  const { table, visible, isVisible } = await scopedOfficers(db, scope, { asOf, window });
  const entry = isVisible(code) ? table.byCode.get(code) : undefined;
  if (!entry) return null;
  const officer = entry.row;
  const supervisor = isVisible(officer.supervisorCode) ? (table.byCode.get(officer.supervisorCode!)?.row ?? null) : null;
  const leads = officer.role !== 'ppl';
  const teamOf = leads ? officer.code : officer.supervisorCode;
  const team = teamOf === null ? [officer] : visible().map((e) => e.row).filter((r) => r.supervisorCode === teamOf);
  const series = new Map(entry.closed.map((c, i) => [addDays(table.startDate, i), c]));
  const daily = [...series.keys()].map((tanggal) => ({ tanggal, closed: series.get(tanggal)!, pace: dailyPace(series, tanggal) }));
  return {
    officer,
    supervisor,
    team,
    teamTotals: leads ? officer : supervisor,
    daily,
    subsls: await listHeldSubsls(db, scope, { code, asOf, window, plans: new Map([...table.byCode].map(([c, e]) => [c, e.row])) }),
  };
}
