import {
  bigint,
  bigserial,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import { area } from './area';
import { officer } from './officer';

const REPORT_SOURCES = ['seed', 'api', 'upload', 'form', 'simulator'] as const;

/** The five cumulative counts and the prelist they are checked against. */
function countColumns() {
  return {
    selesai: integer('selesai').notNull(),
    menolak: integer('menolak').notNull(),
    tidakDitemui: integer('tidak_ditemui').notNull(),
    tidakDitemukan: integer('tidak_ditemukan').notNull(),
    keluargaBaru: integer('keluarga_baru').notNull(),
    /** Prelist of the sub-SLS when the report was written: lets the database check the sum rule. */
    prelist: integer('prelist').notNull(),
    /** The reporter's free-text note (at most 500 characters; never names of families). */
    catatan: text('catatan'),
  };
}

interface CountCols {
  selesai: unknown;
  menolak: unknown;
  tidakDitemui: unknown;
  tidakDitemukan: unknown;
  keluargaBaru: unknown;
  prelist: unknown;
}
function countChecks(name: string, t: CountCols) {
  const nonNegative: SQL = sql`${t.selesai} >= 0 and ${t.menolak} >= 0 and ${t.tidakDitemui} >= 0 and ${t.tidakDitemukan} >= 0 and ${t.keluargaBaru} >= 0 and ${t.prelist} >= 0`;
  const withinUniverse: SQL = sql`${t.selesai} + ${t.menolak} + ${t.tidakDitemui} + ${t.tidakDitemukan} <= ${t.prelist} + ${t.keluargaBaru}`;
  return [check(`${name}_nonneg_ck`, nonNegative), check(`${name}_universe_ck`, withinUniverse)];
}

/**
 * Current daily report per (sub-SLS, date): cumulative counts at the end of that date.
 * A new report for the same key replaces the row; the replaced version stays in report_history.
 */
export const report = pgTable(
  'report',
  {
    kodeSubsls: varchar('kode_subsls', { length: 16 }).notNull(),
    tanggal: date('tanggal', { mode: 'string' }).notNull(),
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    kodePetugas: varchar('kode_petugas', { length: 32 }).notNull(),
    ...countColumns(),
    /** Who submitted: the PPL, or a PML/admin acting for them. */
    submittedBy: text('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }).notNull(),
    source: text('source', { enum: REPORT_SOURCES }).notNull(),
    importId: bigint('import_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.kodeSubsls, t.tanggal, t.kodeKota] }),
    foreignKey({ columns: [t.kodeSubsls, t.kodeKota], foreignColumns: [area.code, area.kodeKota] }),
    foreignKey({ columns: [t.kodePetugas, t.kodeKota], foreignColumns: [officer.code, officer.kodeKota] }),
    index('report_petugas_tanggal_idx').on(t.kodeKota, t.kodePetugas, t.tanggal),
    // A day's reports of one subtree, and who wrote them, read from the index alone: the same rows
    // at 1× and 100×, where the heap pages of one kab/kota's day lie among every other kab/kota's.
    index('report_kota_tanggal_idx').on(t.kodeKota, t.tanggal, t.kodeSubsls.op('text_pattern_ops'), t.kodePetugas),
    ...countChecks('report', t),
  ],
);

/** Every version ever submitted, in order. Append-only. */
export const reportHistory = pgTable(
  'report_history',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    kodeSubsls: varchar('kode_subsls', { length: 16 }).notNull(),
    tanggal: date('tanggal', { mode: 'string' }).notNull(),
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    kodePetugas: varchar('kode_petugas', { length: 32 }).notNull(),
    ...countColumns(),
    submittedBy: text('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }).notNull(),
    source: text('source', { enum: REPORT_SOURCES }).notNull(),
    importId: bigint('import_id', { mode: 'number' }),
    version: integer('version').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.kodeKota] }),
    index('report_history_key_idx').on(t.kodeSubsls, t.tanggal),
    ...countChecks('report_history', t),
  ],
);
