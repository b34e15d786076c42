import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';

export interface Target {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database owned by the calling suite (listening for data changes as the app server's does, when asked). */
  open(opts?: { listen?: boolean }): Promise<Database>;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (as CI does). */
export function databaseTargets(): Target[] {
  const targets: Target[] = [{ name: 'pglite', open: openPglite }];
  if (process.env.TEST_DATABASE_URL) targets.push({ name: 'postgres', open: (opts) => openPostgres(process.env.TEST_DATABASE_URL as string, opts) });
  return targets;
}

async function openPglite(opts: { listen?: boolean } = {}): Promise<Database> {
  const database = await openDatabase({ dataDir: 'memory://', listen: opts.listen });
  await migrateDatabase(database);
  return database;
}

/** Creates a throw-away database on the server, and drops it again on close. */
async function openPostgres(url: string, opts: { listen?: boolean } = {}): Promise<Database> {
  const name = `pantau_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString(), max: 4, listen: opts.listen });
  await migrateDatabase(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
