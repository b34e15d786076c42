// The body of GET /api/v1/session. Its `scope` keeps the public keys it was published with
// (`pmlCode` for a team, `pplCode` for an officer) while the Scope type names both `officerCode`
// (DESIGN.md, Names): the boundary maps them here.
import type { Viewer } from '@/lib/domain/roles';
import type { Scope } from '@/lib/domain/scope';

export type ScopeJson =
  | { kind: 'area'; kodeKota: string; areaCode: string }
  | { kind: 'team'; kodeKota: string; pmlCode: string }
  | { kind: 'officer'; kodeKota: string; pplCode: string };

export function scopeJson(scope: Scope): ScopeJson {
  switch (scope.kind) {
    case 'area':
      return { kind: 'area', kodeKota: scope.kodeKota, areaCode: scope.areaCode };
    case 'team':
      return { kind: 'team', kodeKota: scope.kodeKota, pmlCode: scope.officerCode };
    case 'officer':
      return { kind: 'officer', kodeKota: scope.kodeKota, pplCode: scope.officerCode };
  }
}

/** Who the request is authenticated as, in the session body's key order. */
export function viewerJson(viewer: Viewer) {
  return {
    username: viewer.username,
    role: viewer.role,
    scope: scopeJson(viewer.scope),
    homeArea: viewer.homeArea,
    officerCode: viewer.officerCode,
  };
}
