import { bigint, bigserial, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import { area } from './area';

const PARTIES = ['staf_kelurahan', 'ketua_rt', 'pml', 'ppl', 'camat'] as const;

/** The recorded fields of a follow-up visit: counts and a short note, never a family's name or number. */
function followupColumns() {
  return {
    kodeSls: varchar('kode_sls', { length: 14 }).notNull(),
    tanggal: date('tanggal', { mode: 'string' }).notNull(),
    /** Who went, from the fixed list (lib/domain/followup.ts FOLLOWUP_PARTIES). */
    parties: text('parties', { enum: PARTIES }).array().notNull(),
    visited: integer('visited').notNull(),
    agreed: integer('agreed').notNull(),
    stillRefusing: integer('still_refusing').notNull(),
    /** At most 200 characters; the form says plainly not to write names. */
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    version: integer('version').notNull(),
  };
}

function followupChecks(name: string, t: { visited: unknown; agreed: unknown; stillRefusing: unknown; note: unknown }) {
  const counts: SQL = sql`${t.agreed} >= 0 and ${t.stillRefusing} >= 0 and ${t.agreed} <= ${t.visited} and ${t.stillRefusing} <= ${t.visited} - ${t.agreed}`;
  return [check(`${name}_counts_ck`, counts), check(`${name}_note_ck`, sql`${t.note} is null or char_length(${t.note}) <= 200`)];
}

/**
 * The current version of each follow-up. An edit writes a new version here and appends it to
 * followup_history, so what was recorded first is never lost. kode_kota leads every key
 * (distribution by kab/kota, docs/SCALING.md).
 */
export const followup = pgTable(
  'followup',
  {
    id: bigint('id', { mode: 'number' }).notNull(),
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    ...followupColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.kodeKota, t.id] }),
    foreignKey({ columns: [t.kodeSls, t.kodeKota], foreignColumns: [area.code, area.kodeKota] }),
    index('followup_sls_tanggal_idx').on(t.kodeKota, t.kodeSls, t.tanggal),
    ...followupChecks('followup', t),
  ],
);

/** Every version of every follow-up, in order. Append-only; its id numbers the follow-ups too. */
export const followupHistory = pgTable(
  'followup_history',
  {
    historyId: bigserial('history_id', { mode: 'number' }).notNull(),
    id: bigint('id', { mode: 'number' }).notNull(),
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    ...followupColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.kodeKota, t.historyId] }),
    index('followup_history_key_idx').on(t.kodeKota, t.id, t.version),
    ...followupChecks('followup_history', t),
  ],
);
