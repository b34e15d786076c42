// What each officer holds: a PPL their assigned sub-SLS, a supervisor everything their
// supervisees hold. Sums of counts only; every metric is computed from them by lib/domain.
import 'server-only';
import { closedOf, universeOf, type AreaCounts } from '@/lib/domain/metrics';
import type { OfficerMasterRow, ReportSummaryRow, SubslsDaysRow } from './officer-facts';

export interface Holding {
  counts: AreaCounts;
  /** Summed daily values from the window's first day to asOf. */
  selesai: number[];
  tidakDitemukan: number[];
  subsls: number;
  /** Sub-SLS not yet closed (closed < universe) as of asOf: what a reminder says is left. */
  subslsOpen: number;
  lastReport: string | null;
  reportedOnAsOf: boolean;
}

/** Supervision is at most Koseka → PML → PPL: an assignee's figures count for them and two levels up. */
const MAX_LEVELS = 3;

/** The assignee and the supervisors above them, nearest first; stops at a cycle in bad master data. */
export function ownersOf(code: string, supervisorOf: ReadonlyMap<string, string | null>): string[] {
  const owners = [code];
  let next = supervisorOf.get(code) ?? null;
  while (next !== null && owners.length < MAX_LEVELS && !owners.includes(next)) {
    owners.push(next);
    next = supervisorOf.get(next) ?? null;
  }
  return owners;
}

function emptyHolding(days: number): Holding {
  return {
    counts: { prelist: 0, keluargaBaru: 0, selesai: 0, menolak: 0, tidakDitemui: 0, tidakDitemukan: 0 },
    selesai: new Array<number>(days).fill(0),
    tidakDitemukan: new Array<number>(days).fill(0),
    subsls: 0,
    subslsOpen: 0,
    lastReport: null,
    reportedOnAsOf: false,
  };
}

function addSubsls(h: Holding, s: SubslsDaysRow): void {
  const last = s.selesai.length - 1;
  h.counts.prelist += s.prelist ?? 0;
  h.counts.keluargaBaru += s.keluarga_baru ?? 0;
  h.counts.menolak += s.menolak ?? 0;
  h.counts.tidakDitemui += s.tidak_ditemui ?? 0;
  h.counts.selesai += s.selesai[last] ?? 0;
  h.counts.tidakDitemukan += s.tidak_ditemukan[last] ?? 0;
  for (let i = 0; i < h.selesai.length; i++) {
    h.selesai[i] += s.selesai[i] ?? 0;
    h.tidakDitemukan[i] += s.tidak_ditemukan[i] ?? 0;
  }
  h.subsls += 1;
  const counts = { prelist: s.prelist ?? 0, keluargaBaru: s.keluarga_baru ?? 0, selesai: s.selesai[last] ?? 0, tidakDitemukan: s.tidak_ditemukan[last] ?? 0 };
  if (closedOf(counts) < universeOf({ ...counts, menolak: 0, tidakDitemui: 0 })) h.subslsOpen += 1;
}

/** Holdings of every officer of the master list, from the assigned sub-SLS and the report summary. */
export function rollUpHoldings(
  master: readonly OfficerMasterRow[],
  subsls: readonly SubslsDaysRow[],
  reports: readonly ReportSummaryRow[],
  days: number,
): Map<string, Holding> {
  const supervisorOf = new Map(master.map((m) => [m.code, m.supervisor_code]));
  const holdings = new Map(master.map((m) => [m.code, emptyHolding(days)]));
  for (const s of subsls) {
    for (const owner of ownersOf(s.kode_petugas, supervisorOf)) {
      const h = holdings.get(owner);
      if (h) addSubsls(h, s);
    }
  }
  for (const r of reports) {
    for (const owner of ownersOf(r.code, supervisorOf)) {
      const h = holdings.get(owner);
      if (!h) continue;
      if (r.last !== null && (h.lastReport === null || r.last > h.lastReport)) h.lastReport = r.last;
      h.reportedOnAsOf ||= r.today;
    }
  }
  return holdings;
}
