// An import job left 'running' by a process that stopped (killed, crashed, or cut off from
// the database while marking it failed) is recorded as failed ('interrupted'); jobs still
// being worked on are left alone. The crash itself is exercised in tests/reliability/crash.test.ts.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '@/lib/db/client';
import { INTERRUPTED, releaseImport, settleInterruptedImports, startImport } from '@/lib/ingest/import-job';
import { problemMessage } from '@/lib/ingest/reasons';
import { databaseTargets } from './support';

const job = { kodeKota: '6471', kind: 'reports' as const, source: 'upload' as const, filename: 'x.csv', createdBy: 'admin' };

describe.each(databaseTargets())('interrupted imports on $name', (target) => {
  let database: Database;
  const db = () => database.db;
  const status = async (id: number) =>
    (await queryRows<{ status: string; message: string | null }>(db(), sql`select status, message from import_job where id = ${id}`))[0];

  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => database?.close());

  it('marks jobs of a process that is gone as failed, and leaves live ones running', async () => {
    const live = await startImport(db(), job);
    const released = await startImport(db(), job);
    releaseImport(released); // this process gave up on it without recording the outcome
    const [orphan] = await queryRows<{ id: number }>(
      db(),
      sql`insert into import_job (kode_kota, kind, source, status, created_by, worker)
      values ('6471', 'reports', 'upload', 'running', 'admin', 'pantau:00000000-0000-0000-0000-000000000000') returning id::int as id`,
    );
    const [legacy] = await queryRows<{ id: number }>(
      db(),
      sql`insert into import_job (kode_kota, kind, source, status, created_by) values ('6471', 'reports', 'upload', 'running', 'admin') returning id::int as id`,
    );

    expect((await settleInterruptedImports(db())).sort((a, b) => a - b)).toEqual([released, orphan.id, legacy.id]);
    expect(await status(live)).toEqual({ status: 'running', message: null });
    for (const id of [released, orphan.id, legacy.id]) expect(await status(id)).toEqual({ status: 'failed', message: JSON.stringify(INTERRUPTED) });
    expect(problemMessage(INTERRUPTED.code, INTERRUPTED.params, 'id')).toMatch(/^Impor terhenti sebelum selesai/);
    expect(problemMessage(INTERRUPTED.code, INTERRUPTED.params, 'en')).toMatch(/^The import stopped before it finished/);

    releaseImport(live);
    expect(await settleInterruptedImports(db())).toEqual([live]);
    expect(await settleInterruptedImports(db())).toEqual([]);
  });
});
