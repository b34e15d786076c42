import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import type { OutcomeCounts } from '@/lib/domain/types';
import { areaVisible, officerVisible } from '@/lib/db/scope-sql';

export interface PplChoice {
  code: string;
  name: string;
  kelurahan: string;
}

/** The PPL a viewer may report for, by kelurahan and name. */
export async function listReportablePpl(db: Db, scope: Scope): Promise<PplChoice[]> {
  return queryRows<PplChoice>(
    db,
    sql`select o.code, o.name, coalesce(k.name, '') as kelurahan from officer o
    left join area k on k.code = o.area_code and k.kode_kota = o.kode_kota
    where o.kode_kota = ${scope.kodeKota} and o.role = 'ppl' and o.active
      and ${officerVisible(scope, sql`o.code`, sql`o.area_code`)}
    order by k.name, o.name, o.code`,
  );
}

/** One PPL visible in the scope, or null (outside the scope answers like a missing officer). */
export async function getReportablePpl(db: Db, scope: Scope, code: string): Promise<PplChoice | null> {
  const [row] = await queryRows<PplChoice>(
    db,
    sql`select o.code, o.name, coalesce(k.name, '') as kelurahan from officer o
    left join area k on k.code = o.area_code and k.kode_kota = o.kode_kota
    where o.kode_kota = ${scope.kodeKota} and o.code = ${code} and o.role = 'ppl'
      and ${officerVisible(scope, sql`o.code`, sql`o.area_code`)}`,
  );
  return row ?? null;
}

export interface AssignedSubsls {
  kodeSubsls: string;
  name: string;
  kelurahan: string;
  prelist: number;
  kodePetugas: string;
  namaPetugas: string;
  kodePml: string | null;
  /** The latest report dated on or before asOf (its values carry forward), or null. */
  last: (OutcomeCounts & { tanggal: string; catatan: string | null }) | null;
}

interface Row {
  code: string;
  name: string;
  kelurahan: string;
  prelist: number;
  kode_petugas: string;
  nama_petugas: string;
  kode_pml: string | null;
  tanggal: string | null;
  selesai: number;
  menolak: number;
  tidak_ditemui: number;
  tidak_ditemukan: number;
  keluarga_baru: number;
  catatan: string | null;
}

/** Sub-SLS visible in the scope (of one PPL when given) with the values they carry on asOf. */
export async function listAssignedSubsls(
  db: Db,
  scope: Scope,
  params: { asOf: string; officerCode?: string },
): Promise<AssignedSubsls[]> {
  const officerCode = params.officerCode;
  const rows = await queryRows<Row>(
    db,
    sql`select a.code, a.name, coalesce(k.name, '') as kelurahan, a.prelist, s.kode_petugas, o.name as nama_petugas,
      o.supervisor_code as kode_pml, r.tanggal::text as tanggal, r.selesai, r.menolak, r.tidak_ditemui, r.tidak_ditemukan,
      r.keluarga_baru, r.catatan
    from assignment s
    join area a on a.code = s.kode_subsls and a.kode_kota = s.kode_kota
    join officer o on o.code = s.kode_petugas and o.kode_kota = s.kode_kota
    left join area k on k.code = left(a.code, 10) and k.kode_kota = a.kode_kota
    left join lateral (select * from report r where r.kode_subsls = a.code and r.kode_kota = a.kode_kota
      and r.tanggal <= ${params.asOf}::date order by r.tanggal desc limit 1) r on true
    where s.kode_kota = ${scope.kodeKota} and ${areaVisible(scope, sql`a.code`)}
      ${officerCode ? sql`and s.kode_petugas = ${officerCode}` : sql``}
    order by s.kode_petugas, a.code`,
  );
  return rows.map((r) => ({
    kodeSubsls: r.code,
    name: r.name,
    kelurahan: r.kelurahan,
    prelist: r.prelist,
    kodePetugas: r.kode_petugas,
    namaPetugas: r.nama_petugas,
    kodePml: r.kode_pml,
    last: r.tanggal
      ? {
          tanggal: r.tanggal,
          selesai: r.selesai,
          menolak: r.menolak,
          tidakDitemui: r.tidak_ditemui,
          tidakDitemukan: r.tidak_ditemukan,
          keluargaBaru: r.keluarga_baru,
          catatan: r.catatan,
        }
      : null,
  }));
}
