// npm run import -- --kota 6471 [--kind reports|areas|officers|assignments] [--as name] [--lang id|en] file...
// Loads CSV/XLSX files straight into the database (DATABASE_URL, else the PGlite folder) through
// the same path as the /impor page, as a city-wide admin of --kota. This is how a new kab/kota
// is set up before anyone can sign in: areas (with the kab/kota row and its dates), officers,
// assignments, then reports.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { areaScope } from '@/lib/domain/scope';
import { readEnv } from '@/lib/env';
import { IMPORT_KINDS } from '@/lib/ingest/columns';
import { importFile } from '@/lib/ingest/import-file';
import { ImportProblem, reasonText, type ImportKind } from '@/lib/ingest/reasons';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kota: { type: 'string' },
    kind: { type: 'string' },
    as: { type: 'string', default: 'cli' },
    lang: { type: 'string', default: 'id' },
  },
});

async function main(): Promise<number> {
  if (!values.kota || !/^\d{4}$/.test(values.kota) || positionals.length === 0) {
    console.error('usage: npm run import -- --kota NNNN [--kind reports|areas|officers|assignments] [--as name] [--lang id|en] file...');
    return 2;
  }
  const kind = values.kind as ImportKind | undefined;
  if (kind && !IMPORT_KINDS.includes(kind)) throw new Error(`unknown kind ${kind}`);
  const locale = values.lang === 'en' ? 'en' : 'id';
  const env = readEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PANTAU_DATA_DIR });
  const actor = { username: values.as!, role: 'admin' as const, scope: areaScope(values.kota), officerCode: null };
  let failed = 0;
  try {
    await migrateDatabase(database);
    for (const file of positionals) {
      try {
        const r = await importFile(database.db, actor, { chunks: createReadStream(file), filename: path.basename(file), kind });
        console.log(`${file}: ${r.kind} #${r.importId} ${r.status}: ${r.accepted} accepted, ${r.replaced} replaced, ${r.unchanged} unchanged, ${r.rejections.length} rejected`);
        for (const row of r.rejections.slice(0, 20)) console.log(`  row ${row.line ?? row.index}: ${row.errors.map((e) => reasonText(e, locale)).join(' ')}`);
        if (r.rejections.length > 20) console.log(`  … ${r.rejections.length - 20} more rejected rows: see GET /api/v1/imports/${r.importId}/rejections.csv`);
        if (r.status !== 'applied') failed++;
      } catch (error) {
        if (!(error instanceof ImportProblem)) throw error;
        console.log(`${file}: ${error.text(locale)}`);
        failed++;
      }
    }
  } finally {
    await database.close();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
