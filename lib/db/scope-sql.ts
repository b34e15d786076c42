import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@/lib/domain/scope';

/**
 * SQL condition: the area whose code is in `codeColumn` is visible in `scope`.
 * Area scopes see their subtree; team and officer scopes see only the sub-SLS assigned to
 * their PPL. Every read and write of areas composes this into its WHERE clause.
 */
export function areaVisible(scope: Scope, codeColumn: SQL): SQL {
  switch (scope.kind) {
    case 'area':
      return sql`(${codeColumn} like ${scope.areaCode + '%'})`;
    case 'team':
      return sql`(${codeColumn} in (select s.kode_subsls from assignment s join officer o
        on o.code = s.kode_petugas and o.kode_kota = s.kode_kota
        where s.kode_kota = ${scope.kodeKota} and o.supervisor_code = ${scope.officerCode}))`;
    case 'officer':
      return sql`(${codeColumn} in (select s.kode_subsls from assignment s
        where s.kode_kota = ${scope.kodeKota} and s.kode_petugas = ${scope.officerCode}))`;
  }
}

/** SQL condition: the officer whose code is in `codeColumn` is visible in `scope`. */
export function officerVisible(scope: Scope, codeColumn: SQL, areaColumn: SQL): SQL {
  switch (scope.kind) {
    case 'area':
      return sql`(${areaColumn} like ${scope.areaCode + '%'} or ${codeColumn} in (
        select s.kode_petugas from assignment s where s.kode_kota = ${scope.kodeKota}
        and s.kode_subsls like ${scope.areaCode + '%'}))`;
    case 'team':
      return sql`(${codeColumn} = ${scope.officerCode} or ${codeColumn} in (select o.code from officer o
        where o.kode_kota = ${scope.kodeKota} and o.supervisor_code = ${scope.officerCode}))`;
    case 'officer':
      return sql`(${codeColumn} = ${scope.officerCode})`;
  }
}
