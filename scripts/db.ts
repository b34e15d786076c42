// npm run db:migrate | db:seed | db:reset | db:setup | db:check — see README.md.
import { parseArgs } from 'node:util';
import { openDatabase } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { checkRollups } from '@/lib/db/check';
import { readEnv } from '@/lib/env';
import { isEmpty } from '@/lib/server/database';
import { seedDemo } from '@/lib/demo/seed';
import { wipeData } from '@/lib/demo/load';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string' },
    scale: { type: 'string', default: '1' },
    today: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
const command = positionals[0];
const env = readEnv();

/** The seed and reset wipe data: refuse a database that is not on this machine unless --force. */
function assertLocal(): void {
  if (!env.DATABASE_URL || values.force) return;
  const host = new URL(env.DATABASE_URL).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
    throw new Error(`refusing to wipe the database at ${host}: it is not local. Pass --force if you mean it.`);
  }
}

async function main(): Promise<number> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PANTAU_DATA_DIR });
  try {
    await migrateDatabase(database);
    const seedOpts = { seed: Number(values.seed ?? env.PANTAU_SEED), scale: Number(values.scale), today: values.today };
    switch (command) {
      case 'migrate':
        console.log(`migrated (${database.kind})`);
        return 0;
      case 'setup':
        if (!(await isEmpty(database.db))) {
          console.log(`database ready (${database.kind})`);
          return 0;
        }
        if (!env.demo) {
          console.log('database migrated and empty: load master data with the importer (PANTAU_DEMO=1 seeds the demo)');
          return 0;
        }
        return report(database.kind, seedOpts, await seedDemo(database.db, seedOpts));
      case 'seed':
        assertLocal();
        return report(database.kind, seedOpts, await seedDemo(database.db, seedOpts));
      case 'reset':
        assertLocal();
        await database.db.transaction((tx) => wipeData(tx));
        console.log('all data removed');
        return 0;
      case 'check': {
        const problems = await checkRollups(database.db);
        if (problems.length === 0) {
          console.log(`rollups match the raw reports (${database.kind})`);
          return 0;
        }
        // Each line: area code, date, and each differing field with its stored and recomputed value.
        console.log(`rollups differ from a recomputation from the raw reports in ${problems.length} row(s) (area date: field stored, recomputed):`);
        for (const p of problems.slice(0, 50)) console.log(`  ${p}`);
        if (problems.length > 50) console.log(`  … and ${problems.length - 50} more`);
        return 1;
      }
      default:
        console.error('usage: tsx scripts/db.ts migrate|setup|seed|reset|check [--seed N] [--scale N] [--force]');
        return 2;
    }
  } finally {
    await database.close();
  }
}

function report(kind: string, opts: { seed: number; scale: number }, t: { generateMs: number; loadMs: number }): number {
  console.log(
    `seeded demo on ${kind}: seed ${opts.seed}, scale ${opts.scale}; generate ${(t.generateMs / 1000).toFixed(2)} s, load + rollups ${(t.loadMs / 1000).toFixed(2)} s`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
