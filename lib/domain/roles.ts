// Roles and what each may do (DESIGN.md, Who uses it / Access). Pure: no I/O.
import { areaScope, type Scope } from './scope';
import { LEVEL_CODE_LENGTH, type AreaLevel } from './types';

export const ROLES = ['admin', 'pimpinan', 'camat', 'lurah', 'pml', 'ppl'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: their role, the scope every query of theirs runs in, and their home area. */
export interface Viewer {
  username: string;
  role: Role;
  scope: Scope;
  /** Area code of the home page (kota/kecamatan/kelurahan), or null for PML/PPL. */
  homeArea: string | null;
  /** The officer this user is (PML or PPL), else null. */
  officerCode: string | null;
}

/** The one root each role is given: an area of a level, or an officer of a role. */
export const ROLE_ROOT: Record<Role, { area: AreaLevel } | { officer: 'pml' | 'ppl' }> = {
  admin: { area: 'kota' },
  pimpinan: { area: 'kota' },
  camat: { area: 'kecamatan' },
  lurah: { area: 'kelurahan' },
  pml: { officer: 'pml' },
  ppl: { officer: 'ppl' },
};

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** What an account row holds about its access. */
export interface AccountAccess {
  username: string;
  role: Role;
  kodeKota: string;
  areaCode: string | null;
  officerCode: string | null;
}

/** The viewer an account signs in as; null when the row is inconsistent (then it may see nothing). */
export function viewerForAccount(a: AccountAccess): Viewer | null {
  const root = ROLE_ROOT[a.role];
  if (!root) return null;
  if ('officer' in root) {
    if (!a.officerCode) return null;
    const scope: Scope =
      a.role === 'pml'
        ? { kind: 'team', kodeKota: a.kodeKota, officerCode: a.officerCode }
        : { kind: 'officer', kodeKota: a.kodeKota, officerCode: a.officerCode };
    return { username: a.username, role: a.role, scope, homeArea: null, officerCode: a.officerCode };
  }
  if (!a.areaCode || a.areaCode.length !== LEVEL_CODE_LENGTH[root.area] || !a.areaCode.startsWith(a.kodeKota)) return null;
  return { username: a.username, role: a.role, scope: areaScope(a.areaCode), homeArea: a.areaCode, officerCode: null };
}

/** Actions gated by role (the scope still decides which rows). */
export type Permission = 'manageUsers' | 'manageTokens' | 'readAudit' | 'importData' | 'submitReports' | 'export';

const PERMISSIONS: Record<Permission, readonly Role[]> = {
  manageUsers: ['admin'],
  manageTokens: ['admin'],
  readAudit: ['admin'],
  importData: ['admin'],
  // A PML may submit for their PPL (recorded as such); pimpinan, camat and lurah only read.
  submitReports: ['admin', 'pml', 'ppl'],
  export: ['admin', 'pimpinan', 'camat', 'lurah', 'pml', 'ppl'],
};

/** True when the viewer's role may perform the action at all. */
export function can(viewer: Pick<Viewer, 'role'> | null, permission: Permission): boolean {
  return !!viewer && PERMISSIONS[permission].includes(viewer.role);
}
