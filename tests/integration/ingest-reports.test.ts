import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '@/lib/db/client';
import { checkRollups } from '@/lib/db/check';
import { seedDemo } from '@/lib/demo/seed';
import { areaScope } from '@/lib/domain/scope';
import { importFile } from '@/lib/ingest/import-file';
import { describeRejections, ImportProblem } from '@/lib/ingest/reasons';
import { submitReports } from '@/lib/ingest/submit-reports';
import { getImport, listImportRejections, listImports } from '@/lib/queries/imports';
import { actor, chunksOf, countRows, currentRow, fixture, snapshot } from './ingest-support';
import { databaseTargets } from './support';

const admin = actor('admin');
const report = (kodeSubsls: string, kodePetugas: string, tanggal: string, s: number, extra: Partial<Record<string, number>> = {}) => ({
  tanggal,
  kodeSubsls,
  kodePetugas,
  selesai: s,
  menolak: 1,
  tidakDitemui: 4,
  tidakDitemukan: 2,
  keluargaBaru: 3,
  ...extra,
});

describe.each(databaseTargets())('ingest of daily reports on $name', (target) => {
  let database: Database;
  const db = () => database.db;

  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 1 });
  });
  afterAll(() => database?.close());

  it('accepts, replaces, leaves unchanged and rejects, keeping every version in history', async () => {
    const historyBefore = await countRows(db(), 'report_history');
    const first = await submitReports(db(), admin, [report('6471020002000100', '647110323', '2022-11-03', 74), report('6471020002000300', '647110324', '2022-11-03', 103, { menolak: 1, tidakDitemui: 0 })], { source: 'api' });
    expect(first).toMatchObject({ accepted: 2, replaced: 0, unchanged: 0, rejections: [] });
    const second = await submitReports(
      db(),
      admin,
      [
        report('6471020002000100', '647110323', '2022-11-03', 76),
        report('6471020002000300', '647110324', '2022-11-03', 103, { menolak: 1, tidakDitemui: 0 }),
        report('6471020002000100', '647110324', '2022-11-02', 70),
        { ...report('6471020002000300', '647110324', '2022-11-03', 1), selesai: -1 },
      ],
      { source: 'api' },
    );
    expect(second).toMatchObject({ accepted: 0, replaced: 1, unchanged: 1 });
    expect(describeRejections(second.rejections, 'en')).toEqual([
      { index: 2, field: 'kodePetugas', code: 'not_assigned', reason: 'Sub-SLS 6471020002000100 is not assigned to officer 647110324.' },
      { index: 3, field: 'selesai', code: 'negative', reason: 'selesai must not be negative.' },
    ]);
    expect(await currentRow(db(), '6471020002000100', '2022-11-03')).toMatchObject({ selesai: 76, version: 2, submitted_by: 'admin' });
    const versions = await queryRows<{ selesai: number; version: number }>(
      db(),
      sql`select selesai, version from report_history where kode_subsls = '6471020002000100' and tanggal = '2022-11-03' order by version`,
    );
    expect(versions).toEqual([
      { selesai: 74, version: 1 },
      { selesai: 76, version: 2 },
    ]);
    expect(await countRows(db(), 'report_history')).toBe(historyBefore + 3);
    expect(await checkRollups(db())).toEqual([]);
  });

  it('records the import and an audit entry for every submission', async () => {
    const result = await submitReports(db(), admin, [report('6471020002000800', '647110326', '2022-11-03', 230, { menolak: 16, tidakDitemui: 4, tidakDitemukan: 6, keluargaBaru: 6 })], { source: 'api', ip: '10.0.0.1' });
    const [job] = await queryRows<{ status: string; accepted: number; source: string }>(db(), sql`select status, accepted, source from import_job where id = ${result.importId}`);
    expect(job).toEqual({ status: 'applied', accepted: 1, source: 'api' });
    const [audit] = await queryRows<{ action: string; actor: string; ip: string }>(db(), sql`select action, actor, ip from audit_log where target = ${'import:' + result.importId}`);
    expect(audit).toEqual({ action: 'report.submit', actor: 'admin', ip: '10.0.0.1' });
  });

  it('rejects dates outside the window plus grace and counts beyond prelist + keluarga baru', async () => {
    const result = await submitReports(
      db(),
      admin,
      [report('6471020002000100', '647110323', '2022-11-21', 80), report('6471020002000100', '647110323', '2022-10-14', 1), report('6471020002000100', '647110323', '2022-11-20', 200)],
      { source: 'api' },
    );
    expect(result.rejections.map((r) => r.errors.map((e) => e.code))).toEqual([['outside_window'], ['outside_window'], ['over_universe']]);
    expect(await currentRow(db(), '6471020002000100', '2022-11-20')).toBeUndefined();
  });

  it('lets a PPL report only their own sub-SLS and a PML only for their team, recording who submitted', async () => {
    const ppl = actor('ppl', { kind: 'officer', kodeKota: '6471', officerCode: '647110324' }, '647110324');
    const own = await submitReports(db(), ppl, [report('6471020002000400', '647110324', '2022-11-03', 23, { menolak: 2, tidakDitemui: 4, tidakDitemukan: 1, keluargaBaru: 1 })], { source: 'form' });
    expect(own.accepted).toBe(1);
    const other = await submitReports(db(), ppl, [report('6471020002000100', '647110323', '2022-11-04', 80), report('6471020002000200', '647110324', '2022-11-04', 8)], { source: 'form' });
    expect(other.rejections.flatMap((r) => r.errors.map((e) => e.code))).toEqual(['subsls_not_found', 'subsls_not_found']);
    const pml = actor('pml', { kind: 'team', kodeKota: '6471', officerCode: '647120082' }, '647120082');
    const acting = await submitReports(db(), pml, [report('6471020002000400', '647110324', '2022-11-04', 25, { menolak: 2, tidakDitemui: 4, tidakDitemukan: 1, keluargaBaru: 1 })], { source: 'form' });
    expect(acting.accepted).toBe(1);
    expect(await currentRow(db(), '6471020002000400', '2022-11-04')).toMatchObject({ kode_petugas: '647110324', submitted_by: '647120082' });
    const foreign = await submitReports(db(), pml, [report('6471020002000100', '647110323', '2022-11-04', 80)], { source: 'form' });
    expect(foreign.rejections[0].errors[0].code).toBe('subsls_not_found');
    const lurah = actor('lurah', areaScope('6471020002'));
    await expect(submitReports(db(), lurah, [report('6471020002000100', '647110323', '2022-11-04', 80)], { source: 'api' })).rejects.toBeInstanceOf(ImportProblem);
  });

  it('accepts a count lower than the previous date as a correction and flags it', async () => {
    const result = await submitReports(db(), admin, [report('6471020002000900', '647110327', '2022-11-03', 150, { menolak: 6, tidakDitemui: 4, tidakDitemukan: 7, keluargaBaru: 2 })], { source: 'api' });
    expect(result.accepted).toBe(1);
    expect(result.corrections).toEqual([{ index: 0, line: undefined, kodeSubsls: '6471020002000900', tanggal: '2022-11-03', fields: ['selesai'], previousTanggal: '2022-11-02' }]);
  });

  it('refuses every row of a batch that reports one key twice with different values', async () => {
    const before = await snapshot(db());
    const result = await submitReports(db(), admin, [report('6471020002001100', '647110329', '2022-11-03', 5), report('6471020002001100', '647110329', '2022-11-03', 6)], { source: 'api' });
    expect(result.rejections.map((r) => r.errors[0].code)).toEqual(['duplicate_conflict', 'duplicate_conflict']);
    expect(JSON.parse(await snapshot(db()))[0]).toEqual(JSON.parse(before)[0]);
  });

  it('imports the Indonesian Excel CSV, then changes nothing when the same file comes again', async () => {
    const upload = () => importFile(db(), admin, { chunks: chunksOf(fixture('laporan-harian-excel-id.csv'), 97), filename: 'laporan.csv' });
    const first = await upload();
    expect(first).toMatchObject({ kind: 'reports', status: 'applied', totalRows: 9 });
    const codes = first.rejections.map((r) => [r.line, r.errors.map((e) => `${e.field}:${e.code}`).join(',')]);
    expect(codes).toEqual([
      [5, 'kode_subsls:code_scientific'],
      [6, 'selesai:over_universe'],
      [7, 'kode_petugas:not_assigned'],
      [8, 'selesai:not_integer'],
      [10, 'tanggal:outside_window'],
    ]);
    expect(first.accepted + first.replaced + first.unchanged).toBe(4);
    expect(first.corrections.map((c) => [c.line, c.fields])).toEqual([[4, ['selesai']]]);
    expect(describeRejections(first.rejections, 'id')[0].reason).toMatch(/notasi ilmiah.*Format kolom kode sebagai Teks/);
    const stored = await currentRow(db(), '6471020002001002', '2022-11-03');
    expect(stored).toMatchObject({ selesai: 170, keluarga_baru: 1 });
    const [note] = await queryRows<{ catatan: string }>(db(), sql`select catatan from report where kode_subsls = '6471020002001002' and tanggal = '2022-11-03'`);
    expect(note.catatan).toBe('hujan; jalan banjir');
    const before = await snapshot(db());
    const again = await upload();
    expect(again).toMatchObject({ accepted: 0, replaced: 0, unchanged: 4 });
    expect(again.rejections).toHaveLength(5);
    expect(await snapshot(db())).toBe(before);
    const [job] = await queryRows<{ rejected: number; rejections: unknown[] }>(db(), sql`select rejected, rejections from import_job where id = ${again.importId}`);
    expect(job.rejected).toBe(5);
    expect(job.rejections).toHaveLength(5);
    expect(await checkRollups(db())).toEqual([]);
  });

  it('imports an XLSX: date and formula cells read, a 16-digit code in a number cell refused', async () => {
    const result = await importFile(db(), admin, { chunks: chunksOf(fixture('laporan-harian.xlsx')), filename: 'laporan.xlsx' });
    expect(result.accepted + result.replaced + result.unchanged).toBe(2);
    expect(result.rejections.map((r) => [r.line, r.errors.map((e) => e.code)])).toEqual([[3, ['code_numeric_cell']]]);
    expect(await currentRow(db(), '6471020002000100', '2022-11-04')).toMatchObject({ selesai: 80 });
    expect(await currentRow(db(), '6471020002000400', '2022-11-04')).toMatchObject({ selesai: 25, kode_petugas: '647110324' });
    expect(await checkRollups(db())).toEqual([]);
  });

  it('names every wrong column at once, before reading any row, and writes nothing', async () => {
    const before = await snapshot(db());
    const csv = 'tanggal,kode_subsls,petugas_id,selesai,menolak,tidak ditemui,keluarga baru\n2022-11-03,6471020002000100,647110323,1,0,0,0\n';
    const error = await importFile(db(), admin, { chunks: chunksOf(csv), filename: 'x.csv', kind: 'reports' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportProblem);
    const problem = error as ImportProblem;
    expect(problem.text('en')).toBe(
      'The column headers do not fit daily reports. Required columns missing: kode_petugas, tidak_ditemukan. Unknown columns: petugas_id. Expected columns: tanggal, kode_subsls, kode_petugas, selesai, menolak, tidak_ditemui, tidak_ditemukan, keluarga_baru, catatan.',
    );
    const [job] = await queryRows<{ status: string; message: string }>(db(), sql`select status, message from import_job where id = ${problem.importId}`);
    expect(job.status).toBe('rejected');
    expect(JSON.parse(job.message).code).toBe('headers');
    expect(await snapshot(db())).toBe(before);
  });

  it('shows city-wide staff every import and a PML only their own; pages rejected rows in the database', async () => {
    const pml = actor('pml', { kind: 'team', kodeKota: '6471', officerCode: '647120082' }, '647120082');
    const own = await submitReports(db(), pml, [report('6471020002000400', '647110324', '2022-11-05', 26, { menolak: 2, tidakDitemui: 4, tidakDitemukan: 1, keluargaBaru: 1 }), { x: 1 }, { y: 2 }], { source: 'form' });
    const city = await listImports(db(), areaScope('6471'), { username: 'admin', page: 1, pageSize: 100 });
    expect(city.total).toBeGreaterThan(5);
    const mine = await listImports(db(), pml.scope, { username: pml.username, page: 1, pageSize: 100 });
    expect(mine.items.every((i) => i.createdBy === pml.username)).toBe(true);
    expect(mine.items.map((i) => i.id)).toContain(own.importId);
    const someoneElses = city.items.find((i) => i.createdBy !== pml.username)!;
    expect(await getImport(db(), pml.scope, { username: pml.username, id: someoneElses.id })).toBeNull();
    expect(await getImport(db(), areaScope('9901'), { username: 'admin', id: own.importId! })).toBeNull();
    const page = await listImportRejections(db(), pml.scope, { username: pml.username, id: own.importId!, offset: 1, limit: 1 });
    expect(page.map((r) => r.index)).toEqual([2]);
  });
});
