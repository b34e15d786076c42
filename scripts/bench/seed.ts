// Seed time of the demo at 1× and 10× on PGlite and PostgreSQL (issue targets: ≤ 60 s PGlite,
// ≤ 20 s PostgreSQL at 1×). Prints one row per run and returns them for npm run bench.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo/seed';

export interface SeedResult {
  database: 'pglite' | 'postgres';
  scale: number;
  generateS: number;
  loadS: number;
  totalS: number;
}

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function timeSeed(kind: 'pglite' | 'postgres', scale: number): Promise<SeedResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pantau-bench-'));
  const dbName = `pantau_bench_seed_${process.pid}`;
  const admin = kind === 'postgres' ? postgres(SERVER, { max: 1, onnotice: () => {} }) : null;
  if (admin) await admin.unsafe(`drop database if exists ${dbName} with (force); `).then(() => admin.unsafe(`create database ${dbName}`));
  const url = admin ? Object.assign(new URL(SERVER), { pathname: `/${dbName}` }).toString() : undefined;
  const database = await openDatabase({ url, dataDir: path.join(dir, 'pglite') });
  try {
    await migrateDatabase(database);
    const t0 = performance.now();
    const t = await seedDemo(database.db, { seed: 2022, scale });
    const total = (performance.now() - t0) / 1000;
    return { database: kind, scale, generateS: t.generateMs / 1000, loadS: t.loadMs / 1000, totalS: total };
  } finally {
    await database.close();
    if (admin) {
      await admin.unsafe(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSeed(scales: number[] = [1, 10]): Promise<SeedResult[]> {
  const results: SeedResult[] = [];
  for (const kind of ['pglite', 'postgres'] as const) {
    for (const scale of scales) {
      const r = await timeSeed(kind, scale);
      console.log(`seed ${kind.padEnd(8)} ${String(scale).padStart(3)}×  generate ${r.generateS.toFixed(2)} s  load+rollups ${r.loadS.toFixed(2)} s  total ${r.totalS.toFixed(2)} s`);
      results.push(r);
    }
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scales = process.argv.slice(2).map(Number).filter((n) => n > 0);
  await benchSeed(scales.length ? scales : [1, 10]);
}
