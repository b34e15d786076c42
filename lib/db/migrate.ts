import 'server-only';
import path from 'node:path';
import type { Database } from './client';

const MIGRATIONS = path.resolve(process.cwd(), 'drizzle');

/** Applies the drizzle-kit migrations in drizzle/ (the same files on both drivers). */
export async function migrateDatabase(database: Database, migrationsFolder = MIGRATIONS): Promise<void> {
  if (database.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(database.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder });
  }
}
