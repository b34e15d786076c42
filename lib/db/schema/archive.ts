import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, pgTable, primaryKey, text, timestamp, varchar } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * One archive day of a kab/kota: the claim that makes one process (of several servers) the one
 * that writes it (insert … on conflict do nothing), then its outcome. A 'running' claim older
 * than the job's time limit is a dead process's and may be taken over.
 */
export const archiveRun = pgTable(
  'archive_run',
  {
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    tanggal: date('tanggal', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    /** What started it: the schedule, a make-up at start, the command or the admin button. */
    trigger: text('trigger').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
    files: integer('files').notNull().default(0),
    message: text('message'),
  },
  (t) => [primaryKey({ columns: [t.kodeKota, t.tanggal] })],
);

/**
 * The kept files of an archive day: the PDF daily report and the summary card of the kota, each
 * kecamatan and each kelurahan. Kept in the database, not in a folder: every server of the
 * deployment reads the same archive, it is backed up with the data, and the viewer's scope
 * filters it in SQL like every other read. One row per (day, area, kind): a rerun replaces it.
 */
export const archiveFile = pgTable(
  'archive_file',
  {
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    tanggal: date('tanggal', { mode: 'string' }).notNull(),
    areaCode: varchar('area_code', { length: 16 }).notNull(),
    kind: text('kind', { enum: ['pdf', 'png'] }).notNull(),
    filename: text('filename').notNull(),
    bytes: integer('bytes').notNull(),
    body: bytea('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.kodeKota, t.tanggal, t.areaCode, t.kind] }),
    index('archive_file_area_idx').on(t.kodeKota, t.areaCode.op('text_pattern_ops')),
    check('archive_file_kind_ck', sql`${t.kind} in ('pdf', 'png')`),
  ],
);
