// PPL with no report dated the as-of date, and their grouping for the morning phone round. Pure.
import type { OfficerStatus } from './officer-status';

export interface SilentOfficer {
  code: string;
  name: string;
  phone: string | null;
  kecamatanCode: string | null;
  kecamatanName: string | null;
  kelurahanCode: string | null;
  kelurahanName: string | null;
  supervisorCode: string | null;
  supervisorName: string | null;
  /** The PML's phone, when the PML is visible in the scope. */
  supervisorPhone: string | null;
  /** Assigned sub-SLS not closed yet (the reminder names them). */
  subslsOpen: number;
  lastReport: string | null;
  daysSilent: number;
  status: OfficerStatus;
}

export interface SilentGroup {
  kecamatanCode: string | null;
  kecamatanName: string | null;
  teams: { supervisorCode: string | null; supervisorName: string | null; supervisorPhone: string | null; officers: SilentOfficer[] }[];
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
    if (!team || team.supervisorCode !== r.supervisorCode) {
      team = { supervisorCode: r.supervisorCode, supervisorName: r.supervisorName, supervisorPhone: r.supervisorPhone, officers: [] };
      group.teams.push(team);
    }
    team.officers.push(r);
  }
  return groups;
}
