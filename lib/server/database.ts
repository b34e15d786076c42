import 'server-only';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database, type Db } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { readEnv } from '@/lib/env';
import { settleInterruptedImports } from '@/lib/ingest/import-job';

// Cached on globalThis: dev hot reload re-evaluates modules, and one process must never open
// the PGlite folder twice (it has no lock; two handles silently diverge).
const holder = globalThis as unknown as { pantauDatabase?: Promise<Database> };

/** Opens, migrates and (in demo mode, when empty) seeds the database, once per process. */
export function getDatabase(): Promise<Database> {
  holder.pantauDatabase ??= prepare().catch((error: unknown) => {
    holder.pantauDatabase = undefined;
    throw error;
  });
  return holder.pantauDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

async function prepare(): Promise<Database> {
  const env = readEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PANTAU_DATA_DIR, max: 20, listen: true });
  await migrateDatabase(database);
  if (env.demo && (await isEmpty(database.db))) {
    const { seedDemo } = await import('@/lib/demo/seed');
    await seedDemo(database.db, { seed: env.PANTAU_SEED, scale: 1 });
  }
  // Imports a previous process left 'running' when it died: recorded as interrupted.
  await settleInterruptedImports(database.db);
  return database;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from campaign`);
  return (row?.n ?? 0) === 0;
}
