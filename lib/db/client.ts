import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import type { Sql } from 'postgres';
import { DATA_CHANNEL, noteChange, openFeed } from './data-feed';
import { processName } from './process';
import * as schema from './schema';

/** One drizzle type for both drivers: PGlite (embedded) and postgres.js (server). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded PGlite database in dataDir is used. */
  url?: string;
  /** PGlite data folder; 'memory://' for an in-memory database (tests). */
  dataDir?: string;
  /** Pool size for postgres.js. */
  max?: number;
  /**
   * Listen for data changes (lib/db/data-feed.ts) so reads may reuse what did not change: the
   * app server's handle. Without it every read asks the database (tests, scripts).
   */
  listen?: boolean;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(opts.url, {
      max: opts.max ?? 10,
      onnotice: () => {},
      prepare: true,
      // Names the process on every connection: how a 'running' import's owner is known alive.
      // jit off: the reads are short index lookups, but the planner's row guesses for the rollup
      // view's unnest push city-wide statements past jit_above_cost, and compiling then took
      // longer than the statement (up to ~0.5 s; docs/ARCHITECTURE.md "The rollup").
      // plan_cache_mode: queryRows runs its statements prepared (below) for the protocol's sake
      // alone; each execution is still planned for its own parameters, as an unnamed one is.
      connection: { application_name: processName(), jit: 'off', plan_cache_mode: 'force_custom_plan' },
    });
    const db = drizzle(client, { schema }) as unknown as Db;
    preparedClients.set(db, client);
    if (opts.listen) {
      const feed = openFeed(db);
      // The callback after subscribing runs again after every reconnection: what arrived in
      // between is unknown, so the generation moves then too.
      await client.listen(DATA_CHANNEL, (kodeKota) => noteChange(db, kodeKota), () => {
        feed.generation++;
        feed.listening = true;
      });
    }
    return { db, kind: 'postgres', close: () => client.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dataDir = opts.dataDir ?? '.data/pglite';
  if (!dataDir.startsWith('memory://')) mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ dataDir)), { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzle(client, { schema }) as unknown as Db;
  if (opts.listen) {
    const feed = openFeed(db);
    await client.listen(DATA_CHANNEL, (kodeKota) => noteChange(db, kodeKota));
    feed.listening = true;
  }
  return { db, kind: 'pglite', close: () => client.close() };
}

/**
 * The postgres.js client of each handle openDatabase made (not of its transactions). On
 * globalThis: route handlers are bundled apart from the code that opened the handle (as the data
 * feed's, lib/db/data-feed.ts), and each bundle has its own copy of this module.
 */
const preparedClients = ((globalThis as unknown as { pantauPreparedClients?: WeakMap<Db, Sql> }).pantauPreparedClients ??= new WeakMap());

/**
 * Runs raw SQL and returns its rows on either driver (their result shapes differ). On a
 * postgres.js handle the statement runs as a named prepared statement, kept per connection:
 * drizzle runs its statements unnamed, and postgres.js then sends each parameterised one in two
 * round trips (Parse and Describe, then Bind and Execute once the parameter types are known);
 * prepared, it is parsed and described once per connection and then takes one. On this machine
 * that was ~1 ms of server CPU in socket writes per read of a few statements (an area body after
 * a write: docs/PERFORMANCE.md). Transactions (a `tx` handle) and PGlite run through drizzle.
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const client = preparedClients.get(db);
  if (client) {
    const { sql: text, params } = (db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }).dialect.sqlToQuery(query);
    return (await client.unsafe(text, params as never[], { prepare: true })) as unknown as T[];
  }
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/**
 * One SQL parameter holding an array, as a PostgreSQL array literal: cast it (`::text[]`).
 * Drizzle would expand a JS array into one parameter per element, and its postgres.js
 * driver does not serialise array parameters, so both drivers get the literal text.
 */
export function arrayParam(values: readonly unknown[]): SQL {
  const items = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return sql`${`{${items.join(',')}}`}`;
}
