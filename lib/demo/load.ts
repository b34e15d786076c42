import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { bulkInsert } from '@/lib/db/bulk';
import { rebuildRollups } from '@/lib/db/rollup';
import { simplifyBoundaries } from '@/lib/geo/simplify';
import type { DemoData } from './generate';
import { insertDemoFollowups } from './load-followups';

/** Tables in the order they can be emptied (children first). */
export const DATA_TABLES = [
  'area_series',
  'audit_log',
  'report_history',
  'report',
  'import_job',
  'assignment',
  'officer',
  'area_boundary',
  'area',
  'campaign',
] as const;

/** Empties every data table (not the migrations). */
export async function wipeData(tx: Db): Promise<void> {
  await tx.execute(sql.raw(`truncate ${DATA_TABLES.map((t) => `"${t}"`).join(', ')} restart identity cascade`));
}

/** Loads generated demo data in one transaction and builds the rollups. */
export async function loadDemo(db: Db, data: DemoData): Promise<void> {
  await db.transaction(async (tx) => {
    await wipeData(tx);
    await insertMaster(tx, data);
    await insertReports(tx, data);
    for (const c of data.campaigns) await rebuildRollups(tx, c.kodeKota, 'all');
    await insertDemoFollowups(tx, data);
  });
}

async function insertMaster(tx: Db, data: DemoData): Promise<void> {
  const c = data.campaigns;
  await bulkInsert(tx, 'campaign', [
    ['kode_kota', 'text', c.map((x) => x.kodeKota)],
    ['name', 'text', c.map((x) => x.name)],
    ['start_date', 'date', c.map((x) => x.startDate)],
    ['end_date', 'date', c.map((x) => x.endDate)],
    ['grace_days', 'int4', c.map((x) => x.graceDays)],
    ['timezone', 'text', c.map((x) => x.timezone)],
  ]);
  const a = data.areas;
  await bulkInsert(tx, 'area', [
    ['code', 'text', a.map((x) => x.code)],
    ['kode_kota', 'text', a.map((x) => x.kodeKota)],
    ['level', 'text', a.map((x) => x.level)],
    ['parent_code', 'text', a.map((x) => x.parentCode)],
    ['name', 'text', a.map((x) => x.name)],
    ['kemendagri_code', 'text', a.map((x) => x.kemendagriCode)],
    ['prelist', 'int4', a.map((x) => x.prelist)],
  ]);
  const b = a.filter((x) => x.geometry);
  await bulkInsert(tx, 'area_boundary', [
    ['code', 'text', b.map((x) => x.code)],
    ['kode_kota', 'text', b.map((x) => x.kodeKota)],
    ['geometry', 'jsonb', b.map((x) => x.geometry)],
    ['simplified', 'jsonb', simplifyBoundaries(b)],
  ]);
  const o = data.officers;
  await bulkInsert(tx, 'officer', [
    ['code', 'text', o.map((x) => x.code)],
    ['kode_kota', 'text', o.map((x) => x.kodeKota)],
    ['role', 'text', o.map((x) => x.role)],
    ['name', 'text', o.map((x) => x.name)],
    ['supervisor_code', 'text', o.map((x) => x.supervisorCode)],
    ['phone', 'text', o.map((x) => x.phone)],
    ['area_code', 'text', o.map((x) => x.areaCode)],
  ]);
  const s = data.assignments;
  await bulkInsert(tx, 'assignment', [
    ['kode_subsls', 'text', s.map((x) => x.kodeSubsls)],
    ['kode_kota', 'text', s.map((x) => x.kodeKota)],
    ['kode_petugas', 'text', s.map((x) => x.kodePetugas)],
  ]);
}

/** Every version goes to history; the last version per (sub-SLS, date) becomes the current row. */
async function insertReports(tx: Db, data: DemoData): Promise<void> {
  const prelist = new Map(data.areas.map((x) => [x.code, x.prelist]));
  const version = new Map<string, number>();
  const versions = data.reports.map((r) => {
    const key = `${r.kodeSubsls}|${r.tanggal}`;
    const v = (version.get(key) ?? 0) + 1;
    version.set(key, v);
    return v;
  });
  const current = data.reports.filter((r, i) => versions[i] === version.get(`${r.kodeSubsls}|${r.tanggal}`));
  const currentVersions = current.map((r) => version.get(`${r.kodeSubsls}|${r.tanggal}`) ?? 1);
  await bulkInsert(tx, 'report_history', reportColumns(data.reports, versions, prelist));
  await bulkInsert(tx, 'report', reportColumns(current, currentVersions, prelist));
}

function reportColumns(rows: DemoData['reports'], versions: number[], prelist: Map<string, number>) {
  return [
    ['kode_subsls', 'text', rows.map((x) => x.kodeSubsls)],
    ['tanggal', 'date', rows.map((x) => x.tanggal)],
    ['kode_kota', 'text', rows.map((x) => x.kodeKota)],
    ['kode_petugas', 'text', rows.map((x) => x.kodePetugas)],
    ['selesai', 'int4', rows.map((x) => x.selesai)],
    ['menolak', 'int4', rows.map((x) => x.menolak)],
    ['tidak_ditemui', 'int4', rows.map((x) => x.tidakDitemui)],
    ['tidak_ditemukan', 'int4', rows.map((x) => x.tidakDitemukan)],
    ['keluarga_baru', 'int4', rows.map((x) => x.keluargaBaru)],
    ['prelist', 'int4', rows.map((x) => prelist.get(x.kodeSubsls) ?? 0)],
    ['submitted_by', 'text', rows.map((x) => x.submittedBy)],
    ['submitted_at', 'timestamptz', rows.map((x) => x.submittedAt)],
    ['source', 'text', rows.map(() => 'seed')],
    ['version', 'int4', versions],
  ] as const;
}
