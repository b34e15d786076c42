import { bigint, jsonb, pgTable, primaryKey, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * One client-made submission id per kab/kota and the answer it got. A phone that retries after
 * a lost response sends the same id again: it gets this answer back instead of a second write
 * (no second history version). Kept with who sent it and a hash of the body, so the same id
 * from another account or with other content is refused rather than answered.
 */
export const reportSubmission = pgTable(
  'report_submission',
  {
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    submissionId: varchar('submission_id', { length: 64 }).notNull(),
    createdBy: text('created_by').notNull(),
    /** SHA-256 (hex) of the body with its object keys sorted. */
    bodyHash: varchar('body_hash', { length: 64 }).notNull(),
    importId: bigint('import_id', { mode: 'number' }),
    /** The outcome as codes and parameters (not words), so a replay reads in the asker's language. */
    result: jsonb('result').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kodeKota, t.submissionId] })],
);
