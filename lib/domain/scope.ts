// Who may see what (DESIGN.md, Access). Every function of lib/queries that touches the database
// takes a Scope (or a Viewer, which carries one); the readers that do not are private to their
// module (tests/unit/scoped-readers.test.ts checks this with the compiler). Pages and actions
// reach them only through dataFor(viewer) (lib/server/data.ts), which applies the viewer's Scope.
// There is no "all" value: the widest scope is one whole kab/kota.

import { areaCodePattern, codeAtLevel } from './area-code';

const SCOPE_AREA_CODE = areaCodePattern('kelurahan');

export type Scope =
  /** The subtree of one area: a kab/kota (admin, pimpinan), a kecamatan (camat), a kelurahan (lurah). */
  | { readonly kind: 'area'; readonly kodeKota: string; readonly areaCode: string }
  /** A PML: the sub-SLS held by the PPL they supervise, and those officers. */
  | { readonly kind: 'team'; readonly kodeKota: string; readonly officerCode: string }
  /** A PPL: their own sub-SLS and themselves. */
  | { readonly kind: 'officer'; readonly kodeKota: string; readonly officerCode: string };

export function areaScope(areaCode: string): Scope {
  if (!SCOPE_AREA_CODE.test(areaCode)) throw new RangeError(`scope area must be a kota, kecamatan or kelurahan code: ${areaCode}`);
  return { kind: 'area', kodeKota: codeAtLevel(areaCode, 'kota'), areaCode };
}

/** True when `code` lies inside an area scope's subtree (for officer and team scopes the SQL decides). */
export function areaScopeContains(scope: Scope, code: string): boolean {
  return scope.kind === 'area' && code.startsWith(scope.areaCode);
}
