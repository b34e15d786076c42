import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/** One upload or API batch: what it was, who sent it, and what came of every row. */
export const importJob = pgTable(
  'import_job',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    kind: text('kind', { enum: ['reports', 'areas', 'officers', 'assignments'] }).notNull(),
    source: text('source', { enum: ['api', 'upload', 'form', 'simulator', 'seed'] }).notNull(),
    filename: text('filename'),
    status: text('status', { enum: ['running', 'applied', 'rejected', 'failed'] }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
    totalRows: integer('total_rows').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
    replaced: integer('replaced').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    /** Rejected rows with their index, field and reason; kept so they can be fixed and re-uploaded. */
    rejections: jsonb('rejections').notNull().default([]),
    message: text('message'),
    /** The process working on a 'running' job (its database application_name), to tell a dead one. */
    worker: text('worker'),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.kodeKota] }),
    index('import_job_created_idx').on(t.kodeKota, t.createdAt),
    // The few jobs still running: found without a scan when interrupted ones are settled on read.
    index('import_job_running_idx').on(t.id).where(sql`${t.status} = 'running'`),
  ],
);
