// "Belum lapor hari ini": PPL with no report dated the as-of date, for the morning phone round.
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { OfficerStatus } from '@/lib/domain/officer-status';
import type { Scope } from '@/lib/domain/scope';
import type { CampaignWindow } from '@/lib/domain/types';
import { scopedOfficers } from './officer-scope';

export interface SilentOfficer {
  code: string;
  name: string;
  phone: string | null;
  kecamatanCode: string | null;
  kecamatanName: string | null;
  kelurahanCode: string | null;
  kelurahanName: string | null;
  pmlCode: string | null;
  pmlName: string | null;
  /** The PML's phone, when the PML is visible in the scope. */
  pmlPhone: string | null;
  /** Assigned sub-SLS not closed yet (the reminder names them). */
  subslsOpen: number;
  lastReport: string | null;
  daysSilent: number;
  status: OfficerStatus;
}

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/**
 * PPL visible in the scope with no report dated asOf, except those whose assignment is finished,
 * ordered by kecamatan, PML and code (the grouping of groupSilentOfficers).
 */
export async function listSilentOfficers(db: Db, scope: Scope, params: { asOf: string; window: CampaignWindow }): Promise<SilentOfficer[]> {
  const { table, visible, isVisible } = await scopedOfficers(db, scope, params);
  const rows = visible()
    .map((e) => e.row)
    .filter((r) => r.role === 'ppl' && !r.reportedOnAsOf && r.status !== 'selesai')
    .map((r) => ({
      code: r.code,
      name: r.name,
      phone: r.phone,
      kecamatanCode: r.kecamatanCode,
      kecamatanName: r.kecamatanName,
      kelurahanCode: r.kelurahanCode,
      kelurahanName: r.kelurahanName,
      pmlCode: r.supervisorCode,
      pmlName: r.supervisorName,
      pmlPhone: isVisible(r.supervisorCode) ? (table.byCode.get(r.supervisorCode!)?.row.phone ?? null) : null,
      subslsOpen: r.subslsOpen,
      lastReport: r.lastReport,
      daysSilent: r.daysSilent,
      status: r.status,
    }));
  return rows.sort(
    (a, b) =>
      collator.compare(a.kecamatanName ?? '', b.kecamatanName ?? '') ||
      collator.compare(a.pmlName ?? '', b.pmlName ?? '') ||
      (a.pmlCode ?? '').localeCompare(b.pmlCode ?? '') ||
      a.code.localeCompare(b.code),
  );
}

export interface SilentGroup {
  kecamatanCode: string | null;
  kecamatanName: string | null;
  teams: { pmlCode: string | null; pmlName: string | null; pmlPhone: string | null; officers: SilentOfficer[] }[];
}

/** Rows of listSilentOfficers grouped by kecamatan, then PML, keeping their order. */
export function groupSilentOfficers(rows: readonly SilentOfficer[]): SilentGroup[] {
  const groups: SilentGroup[] = [];
  for (const r of rows) {
    let group = groups[groups.length - 1];
    if (!group || group.kecamatanCode !== r.kecamatanCode) {
      group = { kecamatanCode: r.kecamatanCode, kecamatanName: r.kecamatanName, teams: [] };
      groups.push(group);
    }
    let team = group.teams[group.teams.length - 1];
    if (!team || team.pmlCode !== r.pmlCode) {
      team = { pmlCode: r.pmlCode, pmlName: r.pmlName, pmlPhone: r.pmlPhone, officers: [] };
      group.teams.push(team);
    }
    team.officers.push(r);
  }
  return groups;
}
