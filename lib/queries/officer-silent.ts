// "Belum lapor hari ini": PPL with no report dated the as-of date, for the morning phone round.
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import type { SilentOfficer } from '@/lib/domain/silent-officers';
import type { CampaignWindow } from '@/lib/domain/types';
import { scopedOfficers } from './officer-scope';

export type { SilentGroup, SilentOfficer } from '@/lib/domain/silent-officers';

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
      supervisorCode: r.supervisorCode,
      supervisorName: r.supervisorName,
      supervisorPhone: isVisible(r.supervisorCode) ? (table.byCode.get(r.supervisorCode!)?.row.phone ?? null) : null,
      subslsOpen: r.subslsOpen,
      lastReport: r.lastReport,
      daysSilent: r.daysSilent,
      status: r.status,
    }));
  return rows.sort(
    (a, b) =>
      collator.compare(a.kecamatanName ?? '', b.kecamatanName ?? '') ||
      collator.compare(a.supervisorName ?? '', b.supervisorName ?? '') ||
      (a.supervisorCode ?? '').localeCompare(b.supervisorCode ?? '') ||
      a.code.localeCompare(b.code),
  );
}
