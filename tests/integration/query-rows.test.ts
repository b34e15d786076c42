// queryRows (lib/db/client.ts) on both drivers: the same rows, values and errors; on PostgreSQL
// its statements run prepared (named, kept per connection: one round trip after the first), each
// still planned for its own parameters, while a transaction's statements run through drizzle.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@/lib/api/errors';
import { openDatabase, queryRows, type Database } from '@/lib/db/client';
import { databaseTargets } from './support';

describe.each(databaseTargets())('queryRows on $name', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('returns rows with the values drizzle gives: dates and numerics as text, arrays, json, NULL', async () => {
    const params = { d: '2022-10-15', code: '6471%' };
    const rows = await queryRows<{ d: string; n: string; a: number[]; j: { k: number }; x: null; t: string; like: boolean }>(
      database.db,
      sql`select ${params.d}::date as d, 1.50::numeric as n, array[1, 2]::int[] as a, '{"k": 1}'::json as j, null as x,
        ${params.d}::date + 1 || '' as t, '6471010006' like ${params.code} as like`,
    );
    expect(rows).toEqual([{ d: '2022-10-15', n: '1.50', a: [1, 2], j: { k: 1 }, x: null, t: '2022-10-16', like: true }]);
    // The same statement with other parameters (a prepared statement is reused, not its values).
    const [again] = await queryRows<{ d: string; like: boolean }>(database.db, sql`select ${'2022-11-14'}::date as d, '6471010006' like ${'6472%'} as like`);
    expect(again).toEqual({ d: '2022-11-14', like: false });
    expect(await queryRows(database.db, sql`select 1 where false`)).toEqual([]);
  });

  it('a failing statement rejects with the database error code, and the handle stays usable', async () => {
    const failure = await queryRows(database.db, sql`select ${'not a date'}::date`).catch((e: unknown) => e);
    expect(errorCodes(failure)).toContain('22007');
    expect(await queryRows<{ one: number }>(database.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it('inside a transaction it reads the transaction’s own writes', async () => {
    await database.db.execute(sql`create temporary table if not exists qr_probe (n int)`);
    const seen = await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into qr_probe values (7)`);
      const rows = await queryRows<{ n: number }>(tx, sql`select n from qr_probe where n = ${7}`);
      tx.rollback();
      return rows;
    }).catch((e: unknown) => (e instanceof Error && /rollback/i.test(e.message) ? 'rolled back' : Promise.reject(e)));
    expect(seen).toBe('rolled back');
  });
});

const pg = process.env.TEST_DATABASE_URL;

describe.skipIf(!pg)('queryRows on PostgreSQL: prepared statements', () => {
  let database: Database;
  beforeAll(async () => {
    // One connection, so the statements of the test and the probe of pg_prepared_statements share it.
    database = await openDatabase({ url: pg, max: 1 });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('runs each statement prepared once per connection, planned for each execution’s own parameters', async () => {
    for (const code of ['6471', '6472', '6471']) await queryRows(database.db, sql`select ${code}::text as query_rows_probe`);
    const prepared = await queryRows<{ n: number; custom: number; generic: number }>(
      database.db,
      sql`select count(*)::int as n, coalesce(sum(custom_plans), 0)::int as custom, coalesce(sum(generic_plans), 0)::int as generic
        from pg_prepared_statements where statement like '%query_rows_probe%' and statement not like '%pg_prepared_statements%'`,
    );
    expect(prepared).toEqual([{ n: 1, custom: 3, generic: 0 }]);
    const [mode] = await queryRows<{ plan_cache_mode: string }>(database.db, sql`show plan_cache_mode`);
    expect(mode.plan_cache_mode).toBe('force_custom_plan');
  });

  it('leaves statements in a transaction unnamed (they run through drizzle)', async () => {
    const before = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from pg_prepared_statements`);
    await database.db.transaction(async (tx) => {
      await queryRows(tx, sql`select ${'x'}::text as query_rows_in_transaction`);
    });
    const after = await queryRows<{ n: number; tx: number }>(
      database.db,
      sql`select count(*)::int as n, count(*) filter (where statement like '%query_rows_in_transaction%' and statement not like '%pg_prepared%')::int as tx from pg_prepared_statements`,
    );
    expect(after[0].tx).toBe(0);
    // The count itself is one more: this very probe, prepared.
    expect(after[0].n).toBe(before[0].n + 1);
  });
});
