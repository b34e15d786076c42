// The officers a scope sees, with their metrics, status and flags as of a date, computed over the
// sub-SLS inside the scope only (a lurah sees a PPL who also works next door with the figures of
// their own kelurahan, never the whole workload). Built from the kab/kota's facts (officer-facts.ts,
// loaded once per data stamp) using lib/domain for every figure.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { codeAtLevel } from '@/lib/domain/area-code';
import type { Scope } from '@/lib/domain/scope';
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
import { refusalContacts } from '@/lib/domain/refusals';
import type { CampaignWindow, OfficerRole, Status, StatusReason } from '@/lib/domain/types';
import { memoByStamp } from '@/lib/server/stamp-cache';
import type { PlanWindow } from './ppl-plan';
import { ownersOf, rollUpHoldings, type Holding } from './officer-holdings';
import { loadKotaFacts, type DecreaseRow, type KotaFacts, type OfficerMasterRow } from './officer-facts';

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
  /** Assigned sub-SLS not closed yet. */
  subslsOpen: number;
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

function toDecreases(rows: DecreaseRow[]): CountDecrease[] {
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

/**
 * What a scope lets the table show: the sub-SLS whose figures count (null: the whole kab/kota),
 * the officers it may name, and the area whose subtree it can open (null for a PML's or PPL's
 * scope, which opens no kelurahan or kab/kota: their tables quote no area benchmark).
 */
export interface ScopeLens {
  key: string;
  within: ReadonlySet<string> | null;
  officers: ReadonlySet<string>;
  areaRoot: string | null;
}

/** The facts cut to the lens: only sub-SLS inside the scope count, for holdings, reports and flags. */
interface Cut {
  data: KotaFacts;
  holdings: Map<string, Holding>;
  decreases: Map<string, CountDecrease[]>;
  foreign: Map<string, ForeignReport[]>;
  /** Per officer: how many in-scope sub-SLS (theirs or their team's) lie in each kelurahan. */
  kelurahanOf: Map<string, Map<string, number>>;
  officerNames: Map<string, string>;
}

function cut(data: KotaFacts, lens: ScopeLens, days: number): Cut {
  const inside = (subsls: string) => lens.within === null || lens.within.has(subsls);
  const subsls = data.subsls.filter((s) => inside(s.code));
  const supervisorOf = new Map(data.master.map((m) => [m.code, m.supervisor_code]));
  const kelurahanOf = new Map<string, Map<string, number>>();
  for (const s of subsls) {
    for (const owner of ownersOf(s.kode_petugas, supervisorOf)) {
      const counts = kelurahanOf.get(owner) ?? kelurahanOf.set(owner, new Map()).get(owner)!;
      const kelurahan = codeAtLevel(s.code, 'kelurahan');
      counts.set(kelurahan, (counts.get(kelurahan) ?? 0) + 1);
    }
  }
  const decreases = groupBy(data.decreases.filter((d) => inside(d.kode_subsls)), (d) => d.kode_petugas);
  const foreign = groupBy(data.foreign.filter((f) => inside(f.kode_subsls)), (f) => f.kode_petugas);
  return {
    data,
    holdings: rollUpHoldings(data.master, subsls, data.reports.filter((r) => inside(r.subsls)), days),
    decreases: new Map([...decreases].map(([code, rows]) => [code, toDecreases(rows)])),
    foreign: new Map([...foreign].map(([code, rows]) => [code, rows.map((r) => ({ kodeSubsls: r.kode_subsls, tanggal: r.tanggal, assignedTo: r.assigned_to }))])),
    kelurahanOf,
    officerNames: new Map(data.master.map((m) => [m.code, m.name])),
  };
}

function seriesOf(closed: number[], startDate: string): Map<string, number> {
  return new Map(closed.map((c, i) => [addDays(startDate, i), c]));
}

/** Where the officer works as the viewer sees it: their home area, or — when that lies outside an
 * area scope — the kelurahan inside it where most of the sub-SLS the viewer sees of theirs are. */
function placeOf(m: OfficerMasterRow, c: Cut, lens: ScopeLens) {
  const home = { areaCode: m.area_code, areaName: m.area_name, kecCode: m.kec_code, kecName: m.kec_name, isKelurahan: m.area_level === 'kelurahan' };
  if (lens.areaRoot === null || m.area_code.startsWith(lens.areaRoot)) return home;
  const counts = [...(c.kelurahanOf.get(m.code) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const kel = counts[0]?.[0];
  if (!kel) return home;
  const names = c.data.names;
  return { areaCode: kel, areaName: names.get(kel) ?? null, kecCode: codeAtLevel(kel, 'kecamatan'), kecName: names.get(codeAtLevel(kel, 'kecamatan')) ?? null, isKelurahan: true };
}

function buildRow(m: OfficerMasterRow, c: Cut, lens: ScopeLens, window: CampaignWindow, asOf: string): OfficerEntry {
  const held = c.holdings.get(m.code)!;
  const closed = held.selesai.map((s, i) => closedOf({ selesai: s, tidakDitemukan: held.tidakDitemukan[i] }));
  const series = seriesOf(closed, window.startDate);
  const lastReport = held.lastReport;
  // An officer's series runs from the window's start, so a stall is counted from their own reports.
  const metrics = areaMetrics(held.counts, series, window, asOf, {
    daysSinceFirstReport: lastReport === null ? null : Number.POSITIVE_INFINITY,
    // The same complete days as the area pages, so both agree on which day it is.
    completeThrough: (window as PlanWindow).completeThrough,
  });
  const { status: forecastStatus, statusReason: forecastReason } = metrics;
  const status = officerStatus({ forecastStatus, lastReport, asOf, window });
  const place = placeOf(m, c, lens);
  // A supervisor outside the scope is not named (nor is their code given).
  const supervisorCode = m.supervisor_code !== null && lens.officers.has(m.supervisor_code) ? m.supervisor_code : null;
  // The area metrics, then the officer's own fields (status and statusReason replace the area's).
  const row: OfficerRow = {
    ...metrics,
    code: m.code,
    name: m.name,
    role: m.role,
    phone: m.phone,
    supervisorCode,
    supervisorName: supervisorCode === null ? null : (c.officerNames.get(supervisorCode) ?? null),
    areaCode: place.areaCode,
    areaName: place.areaName,
    kecamatanCode: place.kecCode,
    kecamatanName: place.kecName,
    kelurahanCode: place.isKelurahan ? place.areaCode : null,
    kelurahanName: place.isKelurahan ? place.areaName : null,
    subslsCount: held.subsls,
    subslsOpen: held.subslsOpen,
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

/**
 * Flags of every PPL, against benchmarks the viewer can open: the peers and refusal rate of the
 * kelurahan they are placed in and the peers of the scope's own area, all over in-scope figures.
 * A PML's or PPL's scope opens no area, so their tables compare with none (the absolute cap,
 * decreases, foreign reports and silence still apply).
 */
function attachFlags(entries: OfficerEntry[], c: Cut, lens: ScopeLens, window: CampaignWindow, asOf: string): void {
  const ppl = entries.filter((e) => e.row.role === 'ppl');
  const peaks = new Map(ppl.map((e) => [e.row.code, peakDailyPace(seriesOf(e.closed, window.startDate), window, asOf)]));
  const medians = peerPaceMedians(ppl.map((e) => ({ group: e.row.kelurahanCode ?? '', peak: peaks.get(e.row.code)?.pace ?? null })));
  const root = lens.areaRoot;
  const scopePeers: PeerPace | null = root === null ? null : { ...medians.all, areaName: c.data.names.get(root) ?? root };
  const opens = (code: string | null): code is string => root !== null && code !== null && code.startsWith(root);
  for (const e of ppl) {
    const r = e.row;
    const kel = opens(r.kelurahanCode) ? c.data.kelurahan.get(r.kelurahanCode) : undefined;
    const kelMedian = kel ? medians.byGroup.get(kel.code) : undefined;
    const f: OfficerFacts = {
      peak: peaks.get(r.code) ?? null,
      kelurahanPeers: kelMedian && kel ? { ...kelMedian, areaName: kel.name } : null,
      cityPeers: scopePeers,
      refusal: kel
        ? { rate: r.tingkatPenolakan, menolak: r.menolak, contacts: refusalContacts(r), areaRate: countMetrics(kel).tingkatPenolakan, areaName: kel.name }
        : null,
      decreases: c.decreases.get(r.code) ?? [],
      foreignReports: c.foreign.get(r.code) ?? [],
      lastReport: r.lastReport,
      daysSilent: r.daysSilent,
      finished: r.forecastStatus === 'selesai',
    };
    r.flags = officerFlags(f);
  }
}

function buildTable(data: KotaFacts, lens: ScopeLens, window: CampaignWindow, asOf: string): OfficerTable {
  const c = cut(data, lens, diffDays(asOf, window.startDate) + 1);
  const entries = data.master.filter((m) => lens.officers.has(m.code)).map((m) => buildRow(m, c, lens, window, asOf));
  attachFlags(entries, c, lens, window, asOf);
  return { asOf, startDate: window.startDate, entries, byCode: new Map(entries.map((e) => [e.row.code, e])) };
}

/**
 * The table of the officers a scope sees as of a date, rebuilt only when the data stamp changes:
 * the scope's kab/kota's facts are loaded once per stamp and cut to the lens (each scope its own
 * entry). The lens must be the scope's own (officer-scope.ts derives it).
 */
export async function getOfficerTable(
  db: Db,
  scope: Scope,
  params: { window: CampaignWindow; asOf: string; stamp: string; lens: ScopeLens },
): Promise<OfficerTable> {
  const { window, asOf, stamp, lens } = params;
  if (diffDays(asOf, window.startDate) < 0) throw new RangeError(`asOf ${asOf} is before the window starts`);
  const at = `${scope.kodeKota}|${window.startDate}|${window.endDate}|${asOf}`;
  return memoByStamp(db, 'table', `${lens.key}|${at}`, stamp, async () => {
    const data = await memoByStamp(db, 'facts', at, stamp, () => loadKotaFacts(db, scope, { startDate: window.startDate, asOf }));
    return buildTable(data, lens, window, asOf);
  });
}
