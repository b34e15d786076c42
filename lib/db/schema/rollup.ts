import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, pgView, primaryKey, text, varchar } from 'drizzle-orm/pg-core';

const LEVELS = ['kota', 'kecamatan', 'kelurahan', 'sls', 'subsls'] as const;

/**
 * The stored rollup: one row per area (kota … sub-SLS) that has sub-SLS, holding for every date
 * of the campaign window plus grace (array element i = start_date + i − 1) the sums of the
 * carried-forward counts of its sub-SLS. A report changes one row per level (its sub-SLS and the
 * 4 ancestors), whatever the number of dates it carries forward to (lib/db/rollup.ts); readers
 * use the `area_day` view below. prelist and subsls_count do not vary by date.
 */
export const areaSeries = pgTable(
  'area_series',
  {
    code: varchar('code', { length: 16 }).notNull(),
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    level: text('level', { enum: LEVELS }).notNull(),
    parentCode: varchar('parent_code', { length: 16 }),
    prelist: integer('prelist').notNull(),
    subslsCount: integer('subsls_count').notNull(),
    keluargaBaru: integer('keluarga_baru').array().notNull(),
    selesai: integer('selesai').array().notNull(),
    menolak: integer('menolak').array().notNull(),
    tidakDitemui: integer('tidak_ditemui').array().notNull(),
    tidakDitemukan: integer('tidak_ditemukan').array().notNull(),
    /** How many of the sub-SLS have any report dated ≤ the element's date. */
    subslsStarted: integer('subsls_started').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.kodeKota] }),
    index('area_series_parent_idx').on(t.parentCode),
    index('area_series_kota_level_idx').on(t.kodeKota, t.level),
  ],
);

/**
 * One row per kelurahan whose reporting data ever changed: `version` is bumped by triggers
 * (migration 0015) on every statement that inserts, updates or deletes its reports, its
 * assignments or its areas (kelurahan and below), in the writing transaction. The row's
 * `xmin:version` stamps what a reader computed from that kelurahan alone — its PPL's reporting
 * marks per date (lib/queries/reporting-marks.ts) — so a write to one kelurahan leaves every
 * other kelurahan's marks valid, and writers of different kelurahan touch different rows.
 */
export const kelurahanVersion = pgTable(
  'kelurahan_version',
  {
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    code: varchar('code', { length: 10 }).notNull(),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kodeKota, t.code] })],
);

/**
 * As-of rollup as the readers see it: for every area and every date of the window plus grace,
 * the sums of the carried-forward counts of its sub-SLS — one row per element of area_series.
 * A plain join (no aggregate or window), so PostgreSQL flattens it into the reading query and a
 * filter or join on code / parent_code / level / kode_kota uses the indexes of area_series; the
 * date is picked from the in-memory array. `xmin` is the row's, for the data stamps that detect
 * a rollup change. `npm run db:check` verifies it against a recomputation.
 */
export const areaDay = pgView('area_day', {
  code: varchar('code', { length: 16 }).notNull(),
  tanggal: date('tanggal', { mode: 'string' }).notNull(),
  kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
  level: text('level', { enum: LEVELS }).notNull(),
  parentCode: varchar('parent_code', { length: 16 }),
  prelist: integer('prelist').notNull(),
  keluargaBaru: integer('keluarga_baru').notNull(),
  selesai: integer('selesai').notNull(),
  menolak: integer('menolak').notNull(),
  tidakDitemui: integer('tidak_ditemui').notNull(),
  tidakDitemukan: integer('tidak_ditemukan').notNull(),
  subslsCount: integer('subsls_count').notNull(),
  subslsStarted: integer('subsls_started').notNull(),
}).as(sql`select s.code, (c.start_date + g.i::int - 1) as tanggal, s.kode_kota, s.level, s.parent_code, s.prelist,
  g.keluarga_baru, g.selesai, g.menolak, g.tidak_ditemui, g.tidak_ditemukan, s.subsls_count, g.subsls_started, s.xmin
  from area_series s join campaign c on c.kode_kota = s.kode_kota
  cross join lateral unnest(s.keluarga_baru, s.selesai, s.menolak, s.tidak_ditemui, s.tidak_ditemukan, s.subsls_started)
    with ordinality as g(keluarga_baru, selesai, menolak, tidak_ditemui, tidak_ditemukan, subsls_started, i)`);
