import { bigint, check, date, doublePrecision, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** One fieldwork campaign per kab/kota: its window and local timezone. */
export const campaign = pgTable(
  'campaign',
  {
    kodeKota: varchar('kode_kota', { length: 4 }).primaryKey(),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    graceDays: integer('grace_days').notNull().default(6),
    timezone: text('timezone').notNull().default('Asia/Makassar'),
    /**
     * Bumped by every write transaction of the kab/kota (writeKota in lib/ingest/import-job.ts):
     * with the row's xmin it stamps cached read bodies, so a write is never hidden by a cache.
     */
    dataVersion: bigint('data_version', { mode: 'number' }).notNull().default(0),
    /** Local time (HH:MM, in `timezone`) the daily archive of the latest complete day is written. */
    archiveTime: text('archive_time').notNull().default('07:00'),
    /**
     * Share of the expected PPL whose reports make a day complete (DESIGN.md, complete days):
     * the default as-of date is the latest complete day, so one early report never moves it.
     */
    completeThreshold: doublePrecision('complete_threshold').notNull().default(0.8),
  },
  (t) => [
    check('campaign_window_ck', sql`${t.endDate} >= ${t.startDate}`),
    check('campaign_grace_ck', sql`${t.graceDays} between 0 and 60`),
    check('campaign_archive_time_ck', sql`${t.archiveTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('campaign_complete_threshold_ck', sql`${t.completeThreshold} > 0 and ${t.completeThreshold} <= 1`),
  ],
);
