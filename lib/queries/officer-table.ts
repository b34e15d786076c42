// Every officer of one kab/kota with their metrics, status and flags as of a date: built once
// per data stamp from the facts of officer-facts.ts, using lib/domain for every figure.
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { addDays, diffDays } from '@/lib/domain/dates';
import { closedOf, countMetrics } from '@/lib/domain/metrics';
import {
  officerFlags,
  peakDailyPace,
  peerPaceMedians,
  type CountDecrease,
  type ForeignReport,
  type OfficerFacts,
  type OfficerFlag,
  type PeerPace,
} from '@/lib/domain/officer-flags';
import { daysSilent, officerStatus, officerStatusReason, type OfficerStatus } from '@/lib/domain/officer-status';
import { areaMetrics, BAND_DAYS, recentPaces, type AreaMetricValues } from '@/lib/domain/pace';
import type { CampaignWindow, OfficerRole, Status, StatusReason } from '@/lib/domain/types';
import { memoByStamp } from './officer-cache';
import type { PlanWindow } from './ppl-plan';
import { rollUpHoldings, type Holding } from './officer-holdings';
import * as facts from './officer-facts';

/** One officer as of a date: identity, the area metrics of what they hold, status, flags. */
export interface OfficerRow extends Omit<AreaMetricValues, 'status'> {
  code: string;
  name: string;
  role: OfficerRole;
  phone: string | null;
  supervisorCode: string | null;
  supervisorName: string | null;
  areaCode: string;
  areaName: string | null;
  kecamatanCode: string | null;
  kecamatanName: string | null;
  kelurahanCode: string | null;
  kelurahanName: string | null;
  subslsCount: number;
  asOf: string;
  status: OfficerStatus;
  statusReason: StatusReason;
  /** The area status of what they hold (selesai … tertinggal), before silence is considered. */
  forecastStatus: Status;
  lastReport: string | null;
  daysSilent: number;
  reportedOnAsOf: boolean;
  /** Flags of a PPL's own reports (none for supervisors). */
  flags: OfficerFlag[];
  /** Daily paces of the last 14 days, oldest first. */
  sparkline: number[];
}

export interface OfficerEntry {
  row: OfficerRow;
  /** Closed families from the window's first day to asOf, one per date. */
  closed: number[];
}

export interface OfficerTable {
  asOf: string;
  startDate: string;
  entries: OfficerEntry[];
  byCode: Map<string, OfficerEntry>;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) (out.get(key(item)) ?? out.set(key(item), []).get(key(item))!).push(item);
  return out;
}

function toDecreases(rows: facts.DecreaseRow[]): CountDecrease[] {
  const fields = [
    ['selesai', 'selesai', 'prev_selesai'],
    ['tidakDitemukan', 'tidak_ditemukan', 'prev_tidak_ditemukan'],
    ['keluargaBaru', 'keluarga_baru', 'prev_keluarga_baru'],
  ] as const;
  return rows.flatMap((r) =>
    fields
      .filter(([, cur, prev]) => r[cur] < r[prev])
      .map(([field, cur, prev]) => ({ kodeSubsls: r.kode_subsls, tanggal: r.tanggal, previousTanggal: r.prev_tanggal, field, previous: r[prev], current: r[cur] })),
  );
}

interface Loaded {
  master: facts.OfficerMasterRow[];
  holdings: Map<string, Holding>;
  decreases: Map<string, CountDecrease[]>;
  foreign: Map<string, ForeignReport[]>;
  kelurahan: Map<string, facts.KelurahanCountsRow>;
  kotaName: string;
}

/**
 * All facts from one read-only snapshot, so they agree with each other. Each query aggregates a
 * whole kab/kota, so hash joins are always right; nested loops are off because without table
 * statistics (PGlite has no autovacuum) the planner picks them over whole tables and takes
 * seconds. JIT is off: compiling costs more than it saves on a few ten thousand rows.
 */
async function load(db: Db, p: facts.FactParams): Promise<Loaded> {
  const [master, subsls, reports, decreases, foreign, kelurahan, kotaName] = await db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local enable_nestloop = off`);
    return [
      await facts.loadOfficerMaster(tx, p),
      await facts.loadSubslsDays(tx, p),
      await facts.loadReportSummary(tx, p),
      await facts.loadDecreases(tx, p),
      await facts.loadForeignReports(tx, p),
      await facts.loadKelurahanCounts(tx, p),
      await facts.loadAreaName(tx, p.kodeKota, p.kodeKota),
    ] as const;
  });
  const decreasesBy = groupBy(decreases, (d) => d.kode_petugas);
  return {
    master,
    holdings: rollUpHoldings(master, subsls, reports, diffDays(p.asOf, p.startDate) + 1),
    decreases: new Map([...decreasesBy].map(([code, rows]) => [code, toDecreases(rows)])),
    foreign: new Map(
      [...groupBy(foreign, (f) => f.kode_petugas)].map(([code, rows]) => [
        code,
        rows.map((r) => ({ kodeSubsls: r.kode_subsls, tanggal: r.tanggal, assignedTo: r.assigned_to })),
      ]),
    ),
    kelurahan: new Map(kelurahan.map((k) => [k.code, k])),
    kotaName: kotaName ?? p.kodeKota,
  };
}

function seriesOf(closed: number[], startDate: string): Map<string, number> {
  return new Map(closed.map((c, i) => [addDays(startDate, i), c]));
}

function buildRow(m: facts.OfficerMasterRow, data: Loaded, window: CampaignWindow, asOf: string, supervisorName: string | null): OfficerEntry {
  const held = data.holdings.get(m.code)!;
  const closed = held.selesai.map((s, i) => closedOf({ selesai: s, tidakDitemukan: held.tidakDitemukan[i] }));
  const series = seriesOf(closed, window.startDate);
  const lastReport = held.lastReport;
  // An officer's series runs from the window's start, so a stall is counted from their own reports.
  const metrics = areaMetrics(held.counts, series, window, asOf, {
    daysSinceFirstReport: lastReport === null ? null : Number.POSITIVE_INFINITY,
    // The same complete days as the area pages, so both agree on which day it is.
    completeThrough: (window as PlanWindow).completeThrough,
  });
  const { status: forecastStatus, statusReason: forecastReason, ...rest } = metrics;
  const status = officerStatus({ forecastStatus, lastReport, asOf, window });
  const isKelurahan = m.area_level === 'kelurahan';
  const row: OfficerRow = {
    ...rest,
    code: m.code,
    name: m.name,
    role: m.role,
    phone: m.phone,
    supervisorCode: m.supervisor_code,
    supervisorName,
    areaCode: m.area_code,
    areaName: m.area_name,
    kecamatanCode: m.kec_code,
    kecamatanName: m.kec_name,
    kelurahanCode: isKelurahan ? m.area_code : null,
    kelurahanName: isKelurahan ? m.area_name : null,
    subslsCount: held.subsls,
    asOf,
    status,
    statusReason: officerStatusReason(status, forecastReason),
    forecastStatus,
    lastReport,
    daysSilent: daysSilent(lastReport, asOf, window),
    reportedOnAsOf: held.reportedOnAsOf,
    flags: [],
    sparkline: recentPaces(series, window, asOf, BAND_DAYS),
  };
  return { row, closed };
}

/** Flags of every PPL, against the peers of their kelurahan (or the kab/kota) and its refusal rate. */
function attachFlags(entries: OfficerEntry[], data: Loaded, window: CampaignWindow, asOf: string): void {
  const ppl = entries.filter((e) => e.row.role === 'ppl');
  const peaks = new Map(ppl.map((e) => [e.row.code, peakDailyPace(seriesOf(e.closed, window.startDate), window, asOf)]));
  const medians = peerPaceMedians(ppl.map((e) => ({ group: e.row.kelurahanCode ?? '', peak: peaks.get(e.row.code)?.pace ?? null })));
  const cityPeers: PeerPace = { ...medians.all, areaName: data.kotaName };
  for (const e of ppl) {
    const r = e.row;
    const kel = r.kelurahanCode ? data.kelurahan.get(r.kelurahanCode) : undefined;
    const kelMedian = r.kelurahanCode ? medians.byGroup.get(r.kelurahanCode) : undefined;
    const f: OfficerFacts = {
      peak: peaks.get(r.code) ?? null,
      kelurahanPeers: kelMedian && kel ? { ...kelMedian, areaName: kel.name } : null,
      cityPeers,
      refusal: kel
        ? { rate: r.tingkatPenolakan, menolak: r.menolak, contacts: r.selesai + r.menolak, areaRate: countMetrics(kel).tingkatPenolakan, areaName: kel.name }
        : null,
      decreases: data.decreases.get(r.code) ?? [],
      foreignReports: data.foreign.get(r.code) ?? [],
      lastReport: r.lastReport,
      daysSilent: r.daysSilent,
      finished: r.forecastStatus === 'selesai',
    };
    r.flags = officerFlags(f);
  }
}

async function buildTable(db: Db, kodeKota: string, window: CampaignWindow, asOf: string): Promise<OfficerTable> {
  const data = await load(db, { kodeKota, startDate: window.startDate, asOf });
  const names = new Map(data.master.map((m) => [m.code, m.name]));
  const entries = data.master.map((m) => buildRow(m, data, window, asOf, m.supervisor_code ? (names.get(m.supervisor_code) ?? null) : null));
  attachFlags(entries, data, window, asOf);
  return { asOf, startDate: window.startDate, entries, byCode: new Map(entries.map((e) => [e.row.code, e])) };
}

/**
 * The officer table of a kab/kota as of a date, rebuilt only when the data stamp changes.
 * Peer medians and kelurahan refusal rates are kab/kota-wide benchmarks; callers return only
 * the rows visible in the viewer's scope.
 */
export async function getOfficerTable(
  db: Db,
  params: { kodeKota: string; window: CampaignWindow; asOf: string; stamp: string },
): Promise<OfficerTable> {
  const { kodeKota, window, asOf, stamp } = params;
  if (diffDays(asOf, window.startDate) < 0) throw new RangeError(`asOf ${asOf} is before the window starts`);
  const key = `table|${kodeKota}|${window.startDate}|${window.endDate}|${asOf}`;
  return memoByStamp(db, 'table', key, stamp, () => buildTable(db, kodeKota, window, asOf));
}
