// Client-made submission ids (issue #18 §1): a repeat of the same id is the same submission —
// no second history version, the same answer — so a phone may retry after a lost response.
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postReports } from '@/app/api/v1/reports/route';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { issueApiToken } from '@/lib/auth/tokens';
import { queryRows, type Database } from '@/lib/db/client';
import { checkRollups } from '@/lib/db/check';
import { seedDemo } from '@/lib/demo/seed';
import { areaScope } from '@/lib/domain/scope';
import { ImportProblem } from '@/lib/ingest/reasons';
import { submitReports } from '@/lib/ingest/submit-reports';
import { actor, countRows } from './ingest-support';
import { databaseTargets } from './support';

const admin = actor('admin');
const report = (kodeSubsls: string, kodePetugas: string, selesai: number) => ({
  tanggal: '2022-11-03',
  kodeSubsls,
  kodePetugas,
  selesai,
  menolak: 1,
  tidakDitemui: 4,
  tidakDitemukan: 2,
  keluargaBaru: 3,
});

const versionsOf = (db: Database['db'], kodeSubsls: string) =>
  queryRows<{ selesai: number; version: number }>(db, sql`select selesai, version from report_history where kode_subsls = ${kodeSubsls} and tanggal = '2022-11-03' order by version`);

describe.each(databaseTargets())('submission ids on $name', (target) => {
  let database: Database;
  const db = () => database.db;
  let token = '';

  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 1 });
    (globalThis as { pantauDatabase?: Promise<Database> }).pantauDatabase = Promise.resolve(database);
    token = (await issueApiToken(database.db, areaScope('6471'), { username: 'test', ip: null }, { username: 'admin', name: 'submission test', expiresOn: null }))!.token;
  });
  afterAll(async () => {
    (globalThis as { pantauDatabase?: Promise<Database> }).pantauDatabase = undefined;
    await database?.close();
  });

  it('answers a repeat of the same id with the first answer and writes no second version', async () => {
    const body = [report('6471020002000100', '647110323', 80), { ...report('6471020002000300', '647110324', 1), selesai: -1 }];
    const historyBefore = await countRows(db(), 'report_history');
    const jobsBefore = await countRows(db(), 'import_job');
    const first = await submitReports(db(), admin, body, { source: 'form', submissionId: 'a1b2c3d4-0000-4000-8000-000000000001' });
    expect(first).toMatchObject({ accepted: 1, replaced: 0, unchanged: 0 });
    expect(first.replayed).toBeUndefined();
    // The same reports again with their keys in another order: the same submission.
    const reordered = body.map((r) => Object.fromEntries(Object.entries(r).reverse()));
    const again = await submitReports(db(), admin, reordered, { source: 'form', submissionId: 'a1b2c3d4-0000-4000-8000-000000000001' });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await versionsOf(db(), '6471020002000100')).toHaveLength(1);
    expect(await countRows(db(), 'report_history')).toBe(historyBefore + 1);
    expect(await countRows(db(), 'import_job')).toBe(jobsBefore + 1);
    // Without an id the same body is a new submission (the old behaviour): judged unchanged.
    const plain = await submitReports(db(), admin, body, { source: 'form' });
    expect(plain).toMatchObject({ accepted: 0, replaced: 0, unchanged: 1 });
  });

  it('refuses the same id with another body, or from another account, with 409', async () => {
    const id = 'a1b2c3d4-0000-4000-8000-000000000002';
    await submitReports(db(), admin, [report('6471020002000100', '647110323', 81)], { source: 'form', submissionId: id });
    const other = submitReports(db(), admin, [report('6471020002000100', '647110323', 82)], { source: 'form', submissionId: id });
    await expect(other).rejects.toMatchObject({ code: 'submission_conflict', status: 'conflict' });
    await expect(other).rejects.toBeInstanceOf(ImportProblem);
    const stranger = { ...admin, username: 'admin-kedua' };
    await expect(submitReports(db(), stranger, [report('6471020002000100', '647110323', 81)], { source: 'form', submissionId: id })).rejects.toMatchObject({
      code: 'submission_conflict',
    });
    expect((await versionsOf(db(), '6471020002000100')).map((v) => v.selesai)).toEqual([80, 81]);
  });

  it('writes once when two identical submissions arrive at the same time', async () => {
    const body = [report('6471020002000800', '647110326', 231)];
    const before = await versionsOf(db(), '6471020002000800');
    const jobsBefore = await countRows(db(), 'import_job');
    const id = 'a1b2c3d4-0000-4000-8000-000000000003';
    const [a, b] = await Promise.all([submitReports(db(), admin, body, { source: 'form', submissionId: id }), submitReports(db(), admin, body, { source: 'form', submissionId: id })]);
    const { replayed: _a, ...answerA } = a;
    const { replayed: _b, ...answerB } = b;
    expect(answerA).toEqual(answerB);
    expect([a.replayed, b.replayed].filter(Boolean)).toHaveLength(1);
    expect(await versionsOf(db(), '6471020002000800')).toHaveLength(before.length + 1);
    // The loser's import record is dropped with it: one submission, one import.
    expect(await countRows(db(), 'import_job')).toBe(jobsBefore + 1);
    expect(await checkRollups(db())).toEqual([]);
  });

  it('takes the id as the Idempotency-Key header over HTTP, says a replay is one, and names a bad key', async () => {
    const send = (key: string | null, body: unknown, lang = 'id') =>
      postReports(
        new NextRequest('http://pantau.test/api/v1/reports', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': lang, ...(key ? { 'idempotency-key': key } : {}) },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({}) },
      );
    const body = [report('6471020002000100', '647110323', 84), { ...report('6471020002000300', '647110324', 1), menolak: -2 }];
    const first = await send('5f0c6f5e-9d1c-4b8e-8a51-7f3c2d1e0a99', body);
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const firstBody = await first.json();
    const again = await send('5f0c6f5e-9d1c-4b8e-8a51-7f3c2d1e0a99', body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(firstBody);
    // The stored answer is codes, so a replay reads in the asker's language.
    const english = await (await send('5f0c6f5e-9d1c-4b8e-8a51-7f3c2d1e0a99', body, 'en')).json();
    expect(english.rejections[0].reason).toBe('menolak must not be negative.');
    const conflict = await send('5f0c6f5e-9d1c-4b8e-8a51-7f3c2d1e0a99', body.slice(0, 1));
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error.message).toMatch(/ID kiriman ini sudah dipakai/);
    const bad = await send('no spaces allowed', body);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^Header tidak valid — idempotency-key: ID kiriman/);
    expect((await versionsOf(db(), '6471020002000100')).map((v) => v.selesai)).toEqual([80, 81, 84]);
  });

  it('describes the header and the 409 in the OpenAPI document', async () => {
    const doc = await (await getOpenApi()).json();
    const op = doc.paths['/api/v1/reports'].post;
    expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'idempotency-key', in: 'header', required: false }));
    expect(op.responses['409']).toBeDefined();
  });
});
