import { date, index, integer, pgTable, primaryKey, text, varchar } from 'drizzle-orm/pg-core';

/**
 * As-of rollup: for every area (kota … sub-SLS) and every date of the campaign window plus
 * grace, the sums of the carried-forward counts of its sub-SLS. Rebuilt from raw report rows
 * for the touched kelurahan in the same transaction as every write (lib/db/rollup.ts);
 * `npm run db:check` verifies it against a recomputation.
 */
export const areaDay = pgTable(
  'area_day',
  {
    code: varchar('code', { length: 16 }).notNull(),
    tanggal: date('tanggal', { mode: 'string' }).notNull(),
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    level: text('level', { enum: ['kota', 'kecamatan', 'kelurahan', 'sls', 'subsls'] }).notNull(),
    parentCode: varchar('parent_code', { length: 16 }),
    prelist: integer('prelist').notNull(),
    keluargaBaru: integer('keluarga_baru').notNull(),
    selesai: integer('selesai').notNull(),
    menolak: integer('menolak').notNull(),
    tidakDitemui: integer('tidak_ditemui').notNull(),
    tidakDitemukan: integer('tidak_ditemukan').notNull(),
    /** Sub-SLS in the area, and how many of them have any report dated ≤ tanggal. */
    subslsCount: integer('subsls_count').notNull(),
    subslsStarted: integer('subsls_started').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.tanggal, t.kodeKota] }),
    index('area_day_parent_idx').on(t.parentCode, t.tanggal),
    // Rollup rebuilds select one kab/kota's rows of one level from a date on.
    index('area_day_kota_level_idx').on(t.kodeKota, t.level, t.tanggal),
  ],
);
