import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '@/lib/db/client';
import { checkRollups } from '@/lib/db/check';
import { areaScope } from '@/lib/domain/scope';
import { importFile } from '@/lib/ingest/import-file';
import { ImportProblem, type RowRejection } from '@/lib/ingest/reasons';
import { getAreaSummary } from '@/lib/queries/areas';
import { getCampaign } from '@/lib/queries/campaign';
import { actor, chunksOf, snapshot } from './ingest-support';
import { databaseTargets } from './support';

const admin = actor('admin', areaScope('9901'));
const upload = (db: Database['db'], csv: string, kind?: 'areas' | 'officers' | 'assignments' | 'reports') =>
  importFile(db, admin, { chunks: chunksOf(csv), filename: `${kind ?? 'auto'}.csv`, kind });
const reasons = (rejections: RowRejection[]) => rejections.map((r) => [r.line, ...r.errors.map((e) => `${e.field}:${e.code}`)]);

const AREAS = [
  'kode_wilayah;nama_wilayah;prelist;kode_kemendagri;tanggal_mulai;tanggal_selesai;hari_tenggang;zona_waktu',
  '9901;Kota Contoh;;99.01;15/10/2022;14/11/2022;6;WITA',
  '9901010;Kecamatan Satu;;99.01.01;;;;',
  '9901010001;Kelurahan Satu;;99.01.01.1001;;;;',
  '9901010002;Kelurahan Dua;;99.01.01.1002;;;;',
  '9901010001000100;RT 001;120;;;;;',
  '9901010001000201;RT 002;200;;;;;',
  '9901010001000202;RT 002;150;;;;;',
  '9901010002000100;RT 001;90;;;;;',
  '9901020001000100;RT 009;50;;;;;',
  '9901010002;Kelurahan Dua;500;;;;;',
].join('\r\n');

const OFFICERS = [
  'Kode Petugas,Nama Petugas,Peran,Kode Pengawas,No HP,Kode Wilayah',
  'K1,Koseka Satu,Koseka,,,9901010',
  'M1,PML Satu,PML,K1,0812000001,9901010',
  'P1,PPL Satu,ppl,M1,0812000002,9901010001',
  'P2,PPL Dua,PPL,M1,,9901010002',
  'P3,PPL Tiga,PPL,X9,,9901010002',
  'P4,PPL Empat,PPL,P1,,9901010002',
].join('\n');

const ASSIGNMENTS = ['kode_subsls\tkode_petugas', '9901010001000100\tP1', '9901010001000201\tP1', '9901010001000202\tP2', '9901010002000100\tP2', '9901010002000100\tM1'].join('\n');

describe.each(databaseTargets())('loading a new kab/kota from files on $name', (target) => {
  let database: Database;
  const db = () => database.db;

  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => database?.close());

  it('refuses areas of a kab/kota that has no campaign row yet', async () => {
    const result = await upload(db(), AREAS.split('\r\n').filter((l) => !l.startsWith('9901;')).join('\n'), 'areas');
    expect(result.status).toBe('rejected');
    expect(new Set(result.rejections.flatMap((r) => r.errors.map((e) => e.code)))).toEqual(new Set(['no_campaign', 'prelist_only_subsls']));
  });

  it('creates the campaign and the area tree, parents before children, refusing what does not fit', async () => {
    const result = await upload(db(), AREAS);
    expect(result.kind).toBe('areas');
    expect(reasons(result.rejections)).toEqual([
      [10, 'kode_wilayah:parent_missing'],
      [11, 'prelist:prelist_only_subsls'],
    ]);
    expect(result.accepted).toBe(8);
    const campaign = await getCampaign(db(), areaScope('9901'));
    expect(campaign).toMatchObject({ name: 'Kota Contoh', startDate: '2022-10-15', endDate: '2022-11-14', graceDays: 6, timezone: 'Asia/Makassar' });
    const sls = await queryRows<{ code: string; name: string; level: string }>(db(), sql`select code, name, level from area where level in ('sls', 'subsls') order by code`);
    expect(sls.map((s) => [s.code, s.name])).toEqual([
      ['99010100010001', 'RT 001'],
      ['9901010001000100', 'RT 001'],
      ['99010100010002', 'RT 002'],
      ['9901010001000201', 'RT 002 bagian 01'],
      ['9901010001000202', 'RT 002 bagian 02'],
      ['99010100020001', 'RT 001'],
      ['9901010002000100', 'RT 001'],
    ]);
    const kota = await getAreaSummary(db(), areaScope('9901'), { code: '9901', asOf: '2022-10-15', window: campaign! });
    expect(kota?.prelist).toBe(560);
    expect(await checkRollups(db())).toEqual([]);
    const again = await upload(db(), AREAS);
    expect(again).toMatchObject({ accepted: 0, replaced: 0, unchanged: 8 });
  });

  it('loads officers with their supervisors and refuses a broken hierarchy', async () => {
    const result = await upload(db(), OFFICERS);
    expect(result.kind).toBe('officers');
    expect(reasons(result.rejections)).toEqual([
      [6, 'kode_pengawas:supervisor_missing'],
      [7, 'kode_pengawas:supervisor_role'],
    ]);
    expect(result.accepted).toBe(4);
    const rows = await queryRows<{ code: string; supervisor_code: string | null; phone: string | null }>(db(), sql`select code, supervisor_code, phone from officer order by code`);
    expect(rows).toEqual([
      { code: 'K1', supervisor_code: null, phone: null },
      { code: 'M1', supervisor_code: 'K1', phone: '0812000001' },
      { code: 'P1', supervisor_code: 'M1', phone: '0812000002' },
      { code: 'P2', supervisor_code: 'M1', phone: null },
    ]);
  });

  it('assigns sub-SLS to PPL only, then takes reports and moves the figures', async () => {
    const assigned = await upload(db(), ASSIGNMENTS);
    expect(assigned.kind).toBe('assignments');
    expect(reasons(assigned.rejections)).toEqual([
      [5, 'kode_subsls:duplicate_conflict'],
      [6, 'kode_subsls:duplicate_conflict'],
    ]);
    expect(assigned.accepted).toBe(3);
    const reports = await upload(
      db(),
      ['tanggal,kode_subsls,kode_petugas,selesai,menolak,tidak_ditemui,tidak_ditemukan,keluarga_baru', '2022-10-16,9901010001000100,P1,40,2,5,1,1', '2022-10-16,9901010001000202,P2,30,0,0,0,0'].join('\n'),
    );
    expect(reports).toMatchObject({ kind: 'reports', accepted: 2, rejections: [] });
    const campaign = (await getCampaign(db(), areaScope('9901')))!;
    const kota = await getAreaSummary(db(), areaScope('9901'), { code: '9901', asOf: '2022-10-16', window: campaign });
    expect(kota).toMatchObject({ selesai: 70, tidakDitemukan: 1, keluargaBaru: 1, prelist: 560 });
    expect(await checkRollups(db())).toEqual([]);
  });

  it('creates a missing SLS from a sub-SLS row whose kelurahan is already stored', async () => {
    const result = await upload(db(), ['kode_wilayah,nama_wilayah,prelist', '9901010002000301,RT 003,40'].join('\n'));
    expect(result).toMatchObject({ accepted: 1, rejections: [] });
    const [sls] = await queryRows<{ name: string; parent_code: string }>(db(), sql`select name, parent_code from area where code = '99010100020003'`);
    expect(sls).toEqual({ name: 'RT 003', parent_code: '9901010002' });
    expect(await checkRollups(db())).toEqual([]);
  });

  it('never lowers a prelist below what was reported, nor moves the window off stored reports', async () => {
    const before = await snapshot(db());
    const lower = await upload(db(), ['kode_wilayah,nama_wilayah,prelist', '9901010001000100,RT 001,40'].join('\n'));

    expect(reasons(lower.rejections)).toEqual([[2, 'prelist:prelist_below_reports']]);
    const window = await upload(db(), ['kode_wilayah,nama_wilayah,prelist,tanggal_mulai,tanggal_selesai', '9901,Kota Contoh,,2022-10-20,2022-11-20'].join('\n'));
    expect(reasons(window.rejections)).toEqual([[2, 'tanggal_mulai:campaign_window_reports']]);
    expect(await snapshot(db())).toBe(before);
    const raise = await upload(db(), ['kode_wilayah,nama_wilayah,prelist', '9901010001000100,RT 001,130'].join('\n'));
    expect(raise.replaced).toBe(1);
    expect(await checkRollups(db())).toEqual([]);
  });

  it('moves the window when the reports still fit, rebuilding the rollups for the new dates', async () => {
    const result = await upload(db(), ['kode_wilayah,nama_wilayah,prelist,tanggal_selesai,hari_tenggang', '9901,Kota Contoh,,2022-11-20,3'].join('\n'));
    expect(result.replaced).toBe(1);
    expect((await getCampaign(db(), areaScope('9901')))?.lastReportDate).toBe('2022-11-23');
    expect(await checkRollups(db())).toEqual([]);
  });

  it('asks which kind a file is when its headers fit none', async () => {
    const error = await upload(db(), 'kode,nama\n1,2\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportProblem);
    expect((error as ImportProblem).code).toBe('kind_unknown');
  });

  it('keeps master data to city-wide staff', async () => {
    const lurah = actor('lurah', areaScope('9901010001'));
    const error = await importFile(db(), lurah, { chunks: chunksOf(OFFICERS), filename: 'o.csv' }).catch((e: unknown) => e);
    expect((error as ImportProblem).code).toBe('forbidden_kind');
  });
});
