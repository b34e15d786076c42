import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { campaign } from './campaign';

/**
 * Every area from kota down to sub-SLS. The BPS code is the key and a prefix of every
 * descendant's code, so a subtree is `code LIKE prefix || '%'` (text_pattern_ops index).
 * kode_kota is in every primary key so the table can be distributed by it (docs/SCALING.md).
 */
export const area = pgTable(
  'area',
  {
    code: varchar('code', { length: 16 }).notNull(),
    kodeKota: varchar('kode_kota', { length: 4 })
      .notNull()
      .references(() => campaign.kodeKota),
    level: text('level', { enum: ['kota', 'kecamatan', 'kelurahan', 'sls', 'subsls'] }).notNull(),
    parentCode: varchar('parent_code', { length: 16 }),
    name: text('name').notNull(),
    kemendagriCode: varchar('kemendagri_code', { length: 16 }),
    /** Prelist families; set on sub-SLS only (higher levels are sums, kept in area_day). */
    prelist: integer('prelist').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.kodeKota] }),
    foreignKey({ columns: [t.parentCode, t.kodeKota], foreignColumns: [t.code, t.kodeKota] }),
    index('area_code_prefix_idx').on(t.code.op('text_pattern_ops')),
    index('area_parent_idx').on(t.parentCode),
    index('area_kemendagri_idx').on(t.kemendagriCode),
    // One kab/kota's areas of some levels (pickers, names of the officers table) without reading
    // every kab/kota's rows: the primary key leads with the code.
    index('area_kota_level_idx').on(t.kodeKota, t.level),
    check('area_code_digits_ck', sql`${t.code} ~ '^[0-9]+$'`),
    check(
      'area_code_level_ck',
      sql`length(${t.code}) = case ${t.level} when 'kota' then 4 when 'kecamatan' then 7 when 'kelurahan' then 10 when 'sls' then 14 else 16 end`,
    ),
    check('area_code_kota_ck', sql`left(${t.code}, 4) = ${t.kodeKota}`),
    check('area_parent_prefix_ck', sql`${t.parentCode} is null or left(${t.code}, length(${t.parentCode})) = ${t.parentCode}`),
    check('area_prelist_ck', sql`${t.prelist} >= 0`),
  ],
);

/** Boundaries of kecamatan and kelurahan as GeoJSON geometry (WGS84). */
export const areaBoundary = pgTable(
  'area_boundary',
  {
    code: varchar('code', { length: 16 }).notNull(),
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    geometry: jsonb('geometry').notNull(),
    /** The same boundary simplified for the web map. */
    simplified: jsonb('simplified'),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.kodeKota] }),
    foreignKey({ columns: [t.code, t.kodeKota], foreignColumns: [area.code, area.kodeKota] }).onDelete('cascade'),
  ],
);
