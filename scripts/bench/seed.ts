// Seed time of the demo: into the PostgreSQL database a scale's benchmarks then run on, and
// (suite `seed`) into a throw-away PGlite folder, the default database without DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo/seed';

export interface SeedTime {
  generateS: number;
  loadS: number;
  totalS: number;
}

/** Migrates and seeds `url` at `scale` (timed: generate + load + rollups + demo logins), then analyses it. */
export async function seedPostgres(url: string, scale: number): Promise<SeedTime> {
  const database = await openDatabase({ url, max: 4 });
  try {
    await migrateDatabase(database);
    const t0 = performance.now();
    const t = await seedDemo(database.db, { seed: 2022, scale });
    const totalS = (performance.now() - t0) / 1000;
    // What autovacuum and the checkpointer would have done by the time anyone looks (not timed).
    await database.db.execute(sql`vacuum analyze`);
    await database.db.execute(sql`checkpoint`);
    return { generateS: t.generateMs / 1000, loadS: t.loadMs / 1000, totalS };
  } finally {
    await database.close();
  }
}

/** The same seed into a fresh PGlite folder (removed afterwards). */
export async function seedPglite(scale: number): Promise<SeedTime> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pantau-bench-'));
  const database = await openDatabase({ dataDir: path.join(dir, 'pglite') });
  try {
    await migrateDatabase(database);
    const t0 = performance.now();
    const t = await seedDemo(database.db, { seed: 2022, scale });
    return { generateS: t.generateMs / 1000, loadS: t.loadMs / 1000, totalS: (performance.now() - t0) / 1000 };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
