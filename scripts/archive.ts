// npm run archive [-- --date YYYY-MM-DD] [--kota 6471] — writes the daily archive (PDF reports and
// summary cards of the kota, its kecamatan and kelurahan) of a past day, replacing that day's
// set; without --date, the day the morning schedule would write now. With PGlite, stop the
// server first: one PGlite folder must never be open in two processes (the admin button on
// /laporan does the same from the running server).
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { runDueArchives, writeArchiveDay } from '@/lib/archive/archive-job';
import { openDatabase, queryRows, type Db } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { isIsoDate } from '@/lib/domain/dates';
import { readEnv } from '@/lib/env';

const { values } = parseArgs({ options: { date: { type: 'string' }, kota: { type: 'string' } } });

async function main(): Promise<number> {
  if (values.date !== undefined && !isIsoDate(values.date)) {
    console.error(`--date must be a date as YYYY-MM-DD: ${values.date}`);
    return 2;
  }
  const env = readEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PANTAU_DATA_DIR });
  try {
    await migrateDatabase(database);
    const started = Date.now();
    const outcomes = values.date
      ? [await writeArchiveDay(database.db, values.kota ?? (await onlyKota(database.db)), values.date, { trigger: 'command', rewrite: true })]
      : await runDueArchives(database.db, new Date(), 'command');
    for (const o of outcomes) console.log(`${o.kodeKota} ${o.tanggal}: ${o.status}, ${o.files} files`);
    console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
    return outcomes.some((o) => o.status === 'busy') ? 1 : 0;
  } finally {
    await database.close();
  }
}

/** The kab/kota when the database holds just one campaign; otherwise --kota is needed. */
async function onlyKota(db: Db): Promise<string> {
  const rows = await queryRows<{ kode_kota: string }>(db, sql`select kode_kota from campaign order by kode_kota`);
  if (rows.length !== 1) throw new Error(`--kota is needed: the database holds ${rows.length} campaigns`);
  return rows[0].kode_kota;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
