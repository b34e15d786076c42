import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { areaScope, type Scope } from '@/lib/domain/scope';
import type { Actor } from '@/lib/ingest/actor';
import type { Role } from '@/lib/server/viewer';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export function actor(role: Role, scope: Scope = areaScope('6471'), officerCode: string | null = null): Actor {
  return { username: officerCode ? `${role}-${officerCode}` : role, role, scope, officerCode };
}

/** A byte stream of a fixture file or of text, in small chunks as a network would deliver it. */
export async function* chunksOf(data: string | Uint8Array, size = 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

export interface CurrentRow {
  kode_subsls: string;
  tanggal: string;
  kode_petugas: string;
  selesai: number;
  menolak: number;
  tidak_ditemui: number;
  tidak_ditemukan: number;
  keluarga_baru: number;
  version: number;
  submitted_by: string;
}

export function currentRow(db: Db, kodeSubsls: string, tanggal: string): Promise<CurrentRow | undefined> {
  return queryRows<CurrentRow>(
    db,
    sql`select kode_subsls, tanggal::text as tanggal, kode_petugas, selesai, menolak, tidak_ditemui, tidak_ditemukan,
      keluarga_baru, version, submitted_by from report where kode_subsls = ${kodeSubsls} and tanggal = ${tanggal}`,
  ).then((rows) => rows[0]);
}

export async function countRows(db: Db, table: 'report' | 'report_history' | 'import_job' | 'audit_log' | 'area' | 'officer' | 'assignment'): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.raw(table)}`);
  return row.n;
}

/** A fingerprint of everything the ingest path may write, to prove nothing changed. */
export async function snapshot(db: Db): Promise<string> {
  const parts = await Promise.all([
    queryRows(db, sql`select md5(coalesce(string_agg(t::text, '|' order by kode_subsls, tanggal), '')) h from (select kode_subsls, tanggal, kode_petugas, selesai, menolak, tidak_ditemui, tidak_ditemukan, keluarga_baru, catatan, version from report) t`),
    queryRows(db, sql`select count(*)::int n from report_history`),
    queryRows(db, sql`select md5(coalesce(string_agg(t::text, '|' order by code), '')) h from (select code, name, prelist from area) t`),
    queryRows(db, sql`select md5(coalesce(string_agg(t::text, '|' order by code), '')) h from (select code, role, name, supervisor_code, area_code from officer) t`),
    queryRows(db, sql`select md5(coalesce(string_agg(t::text, '|' order by kode_subsls), '')) h from (select kode_subsls, kode_petugas from assignment) t`),
    queryRows(db, sql`select md5(coalesce(string_agg(t::text, '|' order by code, tanggal), '')) h from (select code, tanggal, selesai, prelist from area_day) t`),
  ]);
  return JSON.stringify(parts);
}
