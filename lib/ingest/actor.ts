// Who may put data in, and how a submission is signed. The scope itself is applied in the SQL
// of every read and write; these rules decide which roles may write at all.
import type { Role, Viewer } from '@/lib/server/viewer';
import type { ImportKind } from './reasons';

/** The part of a Viewer the ingest path needs; tests and scripts build one directly. */
export type Actor = Pick<Viewer, 'username' | 'role' | 'scope' | 'officerCode'>;

/**
 * Roles that may submit daily reports: a PPL for themselves, a PML for their team, and BPS
 * staff of the kab/kota acting for a PPL. Camat and lurah only read.
 * 'pimpinan' is here because until accounts land (issue #6) every visitor is a city-wide
 * pimpinan; once operators sign in as admin it can be dropped from both lists.
 */
const REPORT_ROLES: readonly Role[] = ['admin', 'pimpinan', 'pml', 'ppl'];
const MASTER_ROLES: readonly Role[] = ['admin', 'pimpinan'];

export function mayWriteReports(actor: Actor): boolean {
  return REPORT_ROLES.includes(actor.role);
}

/** Master data (areas, officers, assignments) shape the whole kab/kota: city-wide staff only. */
export function mayLoad(actor: Actor, kind: ImportKind): boolean {
  if (kind === 'reports') return mayWriteReports(actor);
  return MASTER_ROLES.includes(actor.role) && actor.scope.kind === 'area' && actor.scope.areaCode.length === 4;
}

/** May this actor report for `kodePetugas`, whose PML is `pmlCode`? (The sub-SLS is already in scope.) */
export function mayReportFor(actor: Actor, kodePetugas: string, pmlCode: string | null): boolean {
  switch (actor.role) {
    case 'ppl':
      return actor.officerCode === kodePetugas;
    case 'pml':
      return actor.officerCode !== null && actor.officerCode === pmlCode;
    default:
      return mayWriteReports(actor);
  }
}

/** What submitted_by records: the officer code of a PPL or PML, else the user name. */
export function submitterOf(actor: Actor): string {
  return actor.officerCode ?? actor.username;
}
