// The write thread (lib/server/write-thread.ts) through `next start` on PostgreSQL: report
// writes run on a thread of their own, with its own connections, and answer exactly as before —
// accepted and rejected rows, 404 outside the writer's scope, replays of an Idempotency-Key —
// and the writer's next read sees its write.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '@/lib/db/client';
import { bearerFor } from '../reliability/support';
import { startAppServer, type AppServer } from './app-server';

const pg = process.env.TEST_DATABASE_URL;

describe.skipIf(!pg)('write thread: report writes off the server’s own thread, on PostgreSQL', () => {
  let server: AppServer;
  let database: Database;
  let admin: Record<string, string>;
  let sub: { code: string; ppl: string; prelist: number };
  let other: { code: string };
  let lastDay: string;

  beforeAll(async () => {
    server = await startAppServer({ scale: 1 });
    database = await openDatabase({ url: server.env.DATABASE_URL, max: 2 });
    admin = await bearerFor(server.baseUrl, 'admin');
    [sub] = await queryRows<{ code: string; ppl: string; prelist: number }>(
      database.db,
      sql`select a.code, s.kode_petugas as ppl, a.prelist from assignment s join area a on a.code = s.kode_subsls and a.kode_kota = s.kode_kota
      where a.prelist >= 10 order by a.code limit 1`,
    );
    [other] = await queryRows<{ code: string }>(
      database.db,
      sql`select a.code from assignment s join area a on a.code = s.kode_subsls and a.kode_kota = s.kode_kota
      where s.kode_petugas <> ${sub.ppl} order by a.code desc limit 1`,
    );
    const [c] = await queryRows<{ d: string }>(database.db, sql`select coalesce(max(tanggal), start_date)::text as d from campaign left join report using (kode_kota) group by start_date`);
    lastDay = c.d;
  }, 900_000);
  afterAll(async () => {
    await database?.close();
    await server?.close();
  });

  const post = (headers: Record<string, string>, body: unknown, extra: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}/api/v1/reports`, { method: 'POST', headers: { ...headers, ...extra, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const report = (code: string, ppl: string, selesai: number) => ({ tanggal: lastDay, kodeSubsls: code, kodePetugas: ppl, selesai, menolak: 0, tidakDitemui: 0, tidakDitemukan: 0, keluargaBaru: 0 });

  it('writes on its own connections and answers accepted and rejected rows as before', async () => {
    const kelurahan = sub.code.slice(0, 10);
    const before = await fetch(`${server.baseUrl}/api/v1/areas/${kelurahan}`, { headers: admin });
    expect(before.status).toBe(200);
    const etag = before.headers.get('etag');
    const response = await post(admin, [report(sub.code, sub.ppl, sub.prelist), { ...report(sub.code, sub.ppl, 1), selesai: -1 }]);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { importId: number; accepted: number; replaced: number; unchanged: number; rejected: number; rejections: { index: number; field: string; code: string }[] };
    expect(answer.accepted + answer.replaced).toBe(1);
    expect(answer.rejected).toBe(1);
    expect(answer.rejections.map((r) => [r.index, r.field])).toContainEqual([1, 'selesai']);
    // The writer's next read is of the data with its write (the server's feed moved on the answer).
    const after = await fetch(`${server.baseUrl}/api/v1/areas/${kelurahan}`, { headers: admin });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    // The job was opened by the write thread's own connections (named apart from the server's),
    // and is applied: a thread that names itself must be alive while its job runs.
    const [job] = await queryRows<{ worker: string; status: string }>(database.db, sql`select worker, status from import_job where id = ${answer.importId}`);
    expect(job.status).toBe('applied');
    const names = await queryRows<{ name: string }>(database.db, sql`select distinct application_name as name from pg_stat_activity where application_name like 'pantau:%'`);
    expect(names.map((n) => n.name)).toContain(job.worker);
    expect(names.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a sub-SLS outside a PPL’s own as not found, and writes nothing', async () => {
    const ppl = await bearerFor(server.baseUrl, `ppl-${sub.ppl.toLowerCase()}`);
    const response = await post(ppl, [report(other.code, sub.ppl, 1)]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { accepted: number; rejected: number; rejections: { field: string; code: string }[] };
    expect([body.accepted, body.rejected]).toEqual([0, 1]);
    expect(body.rejections[0]).toMatchObject({ field: 'kodeSubsls', code: 'subsls_not_found' });
    const [n] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from report where kode_subsls = ${other.code} and submitted_by = ${sub.ppl}`);
    expect(n.n).toBe(0);
  });

  it('answers a repeated Idempotency-Key with the first answer and writes nothing again', async () => {
    const key = { 'idempotency-key': `thread-${Date.now()}` };
    const body = [report(sub.code, sub.ppl, Math.max(1, sub.prelist - 1))];
    const first = await post(admin, body, key);
    expect(first.status).toBe(200);
    const firstAnswer = await first.json();
    const again = await post(admin, body, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(firstAnswer);
    const changed = await post(admin, [report(sub.code, sub.ppl, 1)], key);
    expect(changed.status).toBe(409);
    expect(((await changed.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });

  it('writes a body too deep to copy to the thread on the server’s own thread, refusing its row', async () => {
    const deep = '[{"kodeSubsls":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}]';
    const response = await fetch(`${server.baseUrl}/api/v1/reports`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: deep });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { accepted: number; rejected: number };
    expect([answer.accepted, answer.rejected]).toEqual([0, 1]);
  });

  it('answers a body that is not an array with the 400 of a refused submission', async () => {
    const response = await post(admin, { not: 'an array' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });
});
