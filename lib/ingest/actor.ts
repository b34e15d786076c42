// Who may put data in, and how a submission is signed. Roles are gated by lib/domain/roles.ts
// (`can`); the scope itself is applied in the SQL of every read and write.
import { levelOfCode } from '@/lib/domain/area-code';
import { can, type Viewer } from '@/lib/domain/roles';
import type { ImportKind } from './reasons';

/** The part of a Viewer the ingest path needs; tests and scripts build one directly. */
export type Actor = Pick<Viewer, 'username' | 'role' | 'scope' | 'officerCode'>;

/** Daily reports by JSON or the phone form: a PPL for themselves, a PML for their team, the admin for anyone. */
export function mayWriteReports(actor: Actor): boolean {
  return can(actor, 'submitReports');
}

/** Files (reports and master data) are the admin's; master data shapes the whole kab/kota. */
export function mayLoad(actor: Actor, kind: ImportKind): boolean {
  if (!can(actor, 'importData')) return false;
  return kind === 'reports' || (actor.scope.kind === 'area' && levelOfCode(actor.scope.areaCode) === 'kota');
}

/** The import history: the admin sees the kab/kota's, a PML or PPL their own submissions; others none. */
export function mayViewImports(actor: Actor): boolean {
  return can(actor, 'importData') || can(actor, 'submitReports');
}

/** May this actor report for the PPL `officerCode`, whose PML is `supervisorCode`? (The sub-SLS is already in scope.) */
export function mayReportFor(actor: Actor, officerCode: string, supervisorCode: string | null): boolean {
  switch (actor.role) {
    case 'ppl':
      return actor.officerCode === officerCode;
    case 'pml':
      return actor.officerCode !== null && actor.officerCode === supervisorCode;
    default:
      return mayWriteReports(actor);
  }
}

/** What submitted_by records: the officer code of a PPL or PML, else the user name. */
export function submitterOf(actor: Actor): string {
  return actor.officerCode ?? actor.username;
}
