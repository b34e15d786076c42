// What the database knows about the sub-SLS and dates of a batch of reports: read inside the
// write's transaction, scoped in SQL, so the checks and the writes see the same state.
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import type { OutcomeCounts } from '@/lib/domain/types';
import { areaVisible } from '@/lib/db/scope-sql';

export interface SubslsContext {
  prelist: number;
  /** The PPL assigned, or null when nobody holds the sub-SLS. */
  assigned: string | null;
  /** The assigned PPL's supervisor (PML). */
  supervisorCode: string | null;
}

/** Sub-SLS of the batch that exist and are visible in the scope; the rest are absent from the map. */
export async function loadSubsls(tx: Db, scope: Scope, codes: readonly string[]): Promise<Map<string, SubslsContext>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{ code: string; prelist: number; assigned: string | null; supervisor_code: string | null }>(
    tx,
    sql`select a.code, a.prelist, s.kode_petugas as assigned, o.supervisor_code
    from area a
    left join assignment s on s.kode_subsls = a.code and s.kode_kota = a.kode_kota
    left join officer o on o.code = s.kode_petugas and o.kode_kota = s.kode_kota
    where a.kode_kota = ${scope.kodeKota} and a.level = 'subsls' and a.code = any(${arrayParam(codes)}::text[])
      and ${areaVisible(scope, sql`a.code`)}`,
  );
  return new Map(rows.map((r) => [r.code, { prelist: r.prelist, assigned: r.assigned, supervisorCode: r.supervisor_code }]));
}

export interface StoredReport extends OutcomeCounts {
  kodePetugas: string;
  catatan: string | null;
  version: number;
}

interface StoredRow {
  kode_subsls: string;
  tanggal: string;
  kode_petugas: string;
  selesai: number;
  menolak: number;
  tidak_ditemui: number;
  tidak_ditemukan: number;
  keluarga_baru: number;
  catatan: string | null;
  version: number;
}

export const reportKey = (kodeSubsls: string, tanggal: string) => `${kodeSubsls}|${tanggal}`;

/** Keys per lookup query: a large file is looked up in parts so no single answer is huge. */
const LOOKUP_SLICE = 10_000;

async function inSlices<K, T>(keys: readonly K[], lookup: (part: readonly K[]) => Promise<[string, T][]>): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  for (let i = 0; i < keys.length; i += LOOKUP_SLICE) for (const [k, v] of await lookup(keys.slice(i, i + LOOKUP_SLICE))) out.set(k, v);
  return out;
}

/** The current rows already stored for these (sub-SLS, date) keys. */
export async function loadCurrent(
  tx: Db,
  kodeKota: string,
  keys: readonly { kodeSubsls: string; tanggal: string }[],
): Promise<Map<string, StoredReport>> {
  return inSlices(keys, async (part) => {
    const rows = await queryRows<StoredRow>(
      tx,
      sql`select r.kode_subsls, r.tanggal::text as tanggal, r.kode_petugas, r.selesai, r.menolak, r.tidak_ditemui,
        r.tidak_ditemukan, r.keluarga_baru, r.catatan, r.version
      from unnest(${arrayParam(part.map((k) => k.kodeSubsls))}::text[], ${arrayParam(part.map((k) => k.tanggal))}::date[]) k(code, d)
      join report r on r.kode_subsls = k.code and r.tanggal = k.d and r.kode_kota = ${kodeKota}`,
    );
    return rows.map((r): [string, StoredReport] => [
      reportKey(r.kode_subsls, r.tanggal),
      {
        kodePetugas: r.kode_petugas,
        selesai: r.selesai,
        menolak: r.menolak,
        tidakDitemui: r.tidak_ditemui,
        tidakDitemukan: r.tidak_ditemukan,
        keluargaBaru: r.keluarga_baru,
        catatan: r.catatan,
        version: r.version,
      },
    ]);
  });
}

/** For each key, the sub-SLS's latest report dated before it (what it carried forward). */
export async function loadPrevious(
  tx: Db,
  kodeKota: string,
  keys: readonly { kodeSubsls: string; tanggal: string }[],
): Promise<Map<string, OutcomeCounts & { tanggal: string }>> {
  return inSlices(keys, async (part) => {
    const rows = await queryRows<{ code: string; d: string; tanggal: string } & Omit<StoredRow, 'kode_subsls' | 'tanggal' | 'kode_petugas' | 'catatan' | 'version'>>(
      tx,
      sql`select k.code, k.d::text as d, p.tanggal::text as tanggal, p.selesai, p.menolak, p.tidak_ditemui, p.tidak_ditemukan, p.keluarga_baru
      from unnest(${arrayParam(part.map((k) => k.kodeSubsls))}::text[], ${arrayParam(part.map((k) => k.tanggal))}::date[]) k(code, d)
      join lateral (select * from report r where r.kode_subsls = k.code and r.kode_kota = ${kodeKota} and r.tanggal < k.d
        order by r.tanggal desc limit 1) p on true`,
    );
    return rows.map((r): [string, OutcomeCounts & { tanggal: string }] => [
      reportKey(r.code, r.d),
      {
        tanggal: r.tanggal,
        selesai: r.selesai,
        menolak: r.menolak,
        tidakDitemui: r.tidak_ditemui,
        tidakDitemukan: r.tidak_ditemukan,
        keluargaBaru: r.keluarga_baru,
      },
    ]);
  });
}
