// The raw facts behind the officer table of one kab/kota as of a date, one query each.
// Each reader is private: the one export, loadKotaFacts, reads the scope's kab/kota only, and its
// one caller (officer-table.ts) cuts the facts to the scope's lens before anything leaves lib/queries.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { AreaCounts } from '@/lib/domain/metrics';
import type { Scope } from '@/lib/domain/scope';
import type { OfficerRole } from '@/lib/domain/types';
import { getCampaign } from './campaign';

export interface OfficerMasterRow {
  code: string;
  role: OfficerRole;
  name: string;
  supervisor_code: string | null;
  phone: string | null;
  area_code: string;
  area_name: string | null;
  area_level: string | null;
  kec_code: string | null;
  kec_name: string | null;
}

/** One assigned sub-SLS: who holds it, its counts as of asOf and its series from the window's start. */
export interface SubslsDaysRow {
  code: string;
  kode_petugas: string;
  /** From the window's first day to asOf, one value per date. */
  selesai: number[];
  tidak_ditemukan: number[];
  prelist: number;
  keluarga_baru: number;
  menolak: number;
  tidak_ditemui: number;
}

/** Per assignee and sub-SLS they hold: the latest report dated ≤ asOf and whether one is dated asOf. */
export interface ReportSummaryRow {
  code: string;
  subsls: string;
  last: string | null;
  today: boolean;
}

export interface DecreaseRow {
  kode_subsls: string;
  kode_petugas: string;
  tanggal: string;
  prev_tanggal: string;
  selesai: number;
  prev_selesai: number;
  tidak_ditemukan: number;
  prev_tidak_ditemukan: number;
  keluarga_baru: number;
  prev_keluarga_baru: number;
}

export interface ForeignReportRow {
  kode_petugas: string;
  kode_subsls: string;
  tanggal: string;
  assigned_to: string | null;
}

export interface KelurahanCountsRow extends AreaCounts {
  code: string;
  name: string;
}

interface FactParams {
  kodeKota: string;
  startDate: string;
  asOf: string;
}

function loadOfficerMaster(db: Db, p: FactParams): Promise<OfficerMasterRow[]> {
  return queryRows<OfficerMasterRow>(
    db,
    sql`select o.code, o.role, o.name, o.supervisor_code, o.phone, o.area_code, a.name as area_name, a.level as area_level,
      k.code as kec_code, k.name as kec_name
    from officer o
    left join area a on a.kode_kota = o.kode_kota and a.code = o.area_code
    left join area k on k.kode_kota = o.kode_kota and k.level = 'kecamatan' and k.code = left(o.area_code, 7)
    where o.kode_kota = ${p.kodeKota} and o.active order by o.code`,
  );
}

/**
 * Every assigned sub-SLS with its carried-forward counts from the window's first day to asOf:
 * slices of its area_series arrays (element i is start_date + i − 1, the rows area_day unnests),
 * read as stored instead of unnested into a row per day and aggregated back.
 */
function loadSubslsDays(db: Db, p: FactParams): Promise<SubslsDaysRow[]> {
  const from = sql`(${p.startDate}::date - c.start_date + 1)`;
  const at = sql`(${p.asOf}::date - c.start_date + 1)`;
  return queryRows<SubslsDaysRow>(
    db,
    sql`select d.code, s.kode_petugas, d.selesai[${from}:${at}] as selesai, d.tidak_ditemukan[${from}:${at}] as tidak_ditemukan,
      case when ${at} between 1 and cardinality(d.selesai) then d.prelist end as prelist,
      d.keluarga_baru[${at}] as keluarga_baru, d.menolak[${at}] as menolak, d.tidak_ditemui[${at}] as tidak_ditemui
    from assignment s
    join area_series d on d.kode_kota = s.kode_kota and d.code = s.kode_subsls and d.level = 'subsls'
    join campaign c on c.kode_kota = s.kode_kota
    where s.kode_kota = ${p.kodeKota}`,
  );
}

/**
 * Per assignee and sub-SLS they hold: the latest report dated ≤ asOf and whether one is dated
 * asOf. Per sub-SLS, so a viewer's table counts only the reports on sub-SLS inside their scope.
 */
function loadReportSummary(db: Db, p: FactParams): Promise<ReportSummaryRow[]> {
  return queryRows<ReportSummaryRow>(
    db,
    sql`select s.kode_petugas as code, s.kode_subsls as subsls, max(r.tanggal)::text as last, bool_or(r.tanggal = ${p.asOf}::date) as today
    from assignment s join report r on r.kode_kota = s.kode_kota and r.kode_subsls = s.kode_subsls
    where s.kode_kota = ${p.kodeKota} and r.tanggal <= ${p.asOf}::date
    group by 1, 2`,
  );
}

/** Reports dated ≤ asOf whose selesai, tidak ditemukan or keluarga baru is below the sub-SLS's previous report. */
function loadDecreases(db: Db, p: FactParams): Promise<DecreaseRow[]> {
  return queryRows<DecreaseRow>(
    db,
    sql`select kode_subsls, kode_petugas, tanggal::text as tanggal, prev_tanggal::text as prev_tanggal, selesai, prev_selesai,
      tidak_ditemukan, prev_tidak_ditemukan, keluarga_baru, prev_keluarga_baru
    from (
      select r.kode_subsls, r.kode_petugas, r.tanggal, r.selesai, r.tidak_ditemukan, r.keluarga_baru,
        lag(r.tanggal) over w as prev_tanggal, lag(r.selesai) over w as prev_selesai,
        lag(r.tidak_ditemukan) over w as prev_tidak_ditemukan, lag(r.keluarga_baru) over w as prev_keluarga_baru
      from report r where r.kode_kota = ${p.kodeKota} and r.tanggal <= ${p.asOf}::date
      window w as (partition by r.kode_subsls order by r.tanggal)
    ) x
    where selesai < prev_selesai or tidak_ditemukan < prev_tidak_ditemukan or keluarga_baru < prev_keluarga_baru
    order by tanggal, kode_subsls`,
  );
}

/** Reports dated ≤ asOf made by an officer for a sub-SLS assigned to someone else (or nobody). */
function loadForeignReports(db: Db, p: FactParams): Promise<ForeignReportRow[]> {
  return queryRows<ForeignReportRow>(
    db,
    sql`select r.kode_petugas, r.kode_subsls, r.tanggal::text as tanggal, s.kode_petugas as assigned_to
    from report r left join assignment s on s.kode_kota = r.kode_kota and s.kode_subsls = r.kode_subsls
    where r.kode_kota = ${p.kodeKota} and r.tanggal <= ${p.asOf}::date and s.kode_petugas is distinct from r.kode_petugas
    order by r.tanggal, r.kode_subsls`,
  );
}

/** Every kelurahan's counts as of the date: the benchmark for refusal rates. */
function loadKelurahanCounts(db: Db, p: FactParams): Promise<KelurahanCountsRow[]> {
  return queryRows<KelurahanCountsRow>(
    db,
    sql`select d.code, a.name, d.prelist, d.keluarga_baru as "keluargaBaru", d.selesai, d.menolak,
      d.tidak_ditemui as "tidakDitemui", d.tidak_ditemukan as "tidakDitemukan"
    from area_day d join area a on a.kode_kota = d.kode_kota and a.code = d.code
    where d.kode_kota = ${p.kodeKota} and d.level = 'kelurahan' and d.tanggal = ${p.asOf}::date`,
  );
}

/** The kab/kota's facts as loaded: what every scope's table is cut from. */
export interface KotaFacts {
  master: OfficerMasterRow[];
  subsls: SubslsDaysRow[];
  reports: ReportSummaryRow[];
  decreases: DecreaseRow[];
  foreign: ForeignReportRow[];
  kelurahan: Map<string, KelurahanCountsRow>;
  /** Names of the kab/kota, kecamatan and kelurahan. */
  names: Map<string, string>;
}

/**
 * All facts from one read-only snapshot, so they agree with each other. Each query aggregates a
 * whole kab/kota, so hash joins are always right; nested loops are off because without table
 * statistics (PGlite has no autovacuum) the planner picks them over whole tables and takes
 * seconds. JIT is off: compiling costs more than it saves on a few ten thousand rows.
 */
export async function loadKotaFacts(db: Db, scope: Scope, params: { startDate: string; asOf: string }): Promise<KotaFacts> {
  const p: FactParams = { kodeKota: scope.kodeKota, ...params };
  const [master, subsls, reports, decreases, foreign, kelurahan, names] = await db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    await tx.execute(sql`set local enable_nestloop = off`);
    // Sent together: PostgreSQL runs them one after another in the snapshot while this process
    // parses the rows of those already answered.
    return Promise.all([
      loadOfficerMaster(tx, p),
      loadSubslsDays(tx, p),
      loadReportSummary(tx, p),
      loadDecreases(tx, p),
      loadForeignReports(tx, p),
      loadKelurahanCounts(tx, p),
      loadAreaNames(tx, p.kodeKota),
    ] as const);
  });
  return { master, subsls, reports, decreases, foreign, kelurahan: new Map(kelurahan.map((k) => [k.code, k])), names };
}

/** Names of the kab/kota, its kecamatan and kelurahan (how an officer's place and benchmarks are named). */
async function loadAreaNames(db: Db, kodeKota: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ code: string; name: string }>(
    db,
    sql`select code, name from area where kode_kota = ${kodeKota} and level in ('kota', 'kecamatan', 'kelurahan')`,
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Changes whenever anything the officer table is built from changes: the campaign's data stamp
 * (lib/queries/campaign.ts: the campaign row's xmin and data version, bumped by every write
 * transaction of the kab/kota — reports, officers, assignments and areas are all written under
 * writeKota — and the xmin of the kota's rollup row). Asked on every request; on the app server
 * it is remembered until the data changes (lib/db/data-feed.ts).
 */
export async function loadDataStamp(db: Db, scope: Scope): Promise<string> {
  return (await getCampaign(db, scope))?.stamp ?? '';
}
