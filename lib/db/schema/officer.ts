import { boolean, check, foreignKey, index, pgTable, primaryKey, text, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { area } from './area';

/** Field officers: PPL (enumerator), PML (supervisor), Koseka (BPS staff per kecamatan). */
export const officer = pgTable(
  'officer',
  {
    code: varchar('code', { length: 32 }).notNull(),
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    role: text('role', { enum: ['ppl', 'pml', 'koseka'] }).notNull(),
    name: text('name').notNull(),
    supervisorCode: varchar('supervisor_code', { length: 32 }),
    phone: text('phone'),
    /** Home area: kelurahan for a PPL, kecamatan for a PML or Koseka. */
    areaCode: varchar('area_code', { length: 16 }).notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.kodeKota] }),
    foreignKey({ columns: [t.supervisorCode, t.kodeKota], foreignColumns: [t.code, t.kodeKota] }),
    foreignKey({ columns: [t.areaCode, t.kodeKota], foreignColumns: [area.code, area.kodeKota] }),
    // Every read names its kab/kota: indexes lead with kode_kota, so an officer code repeated in
    // another kab/kota (codes are unique only per kab/kota) never widens the range read.
    index('officer_supervisor_idx').on(t.kodeKota, t.supervisorCode),
    index('officer_area_idx').on(t.areaCode.op('text_pattern_ops')),
    // One kab/kota's officers (the officers table's facts, scope checks) as an index range.
    index('officer_kota_area_idx').on(t.kodeKota, t.areaCode.op('text_pattern_ops')),
    check('officer_code_ck', sql`${t.code} ~ '^[A-Za-z0-9._-]+$'`),
  ],
);

/** Which PPL holds each sub-SLS: exactly one at a time. */
export const assignment = pgTable(
  'assignment',
  {
    kodeSubsls: varchar('kode_subsls', { length: 16 }).notNull(),
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    kodePetugas: varchar('kode_petugas', { length: 32 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kodeSubsls, t.kodeKota] }),
    foreignKey({ columns: [t.kodeSubsls, t.kodeKota], foreignColumns: [area.code, area.kodeKota] }),
    foreignKey({ columns: [t.kodePetugas, t.kodeKota], foreignColumns: [officer.code, officer.kodeKota] }),
    index('assignment_petugas_idx').on(t.kodeKota, t.kodePetugas),
    // A subtree of one kab/kota (`kode_subsls like prefix || '%'`): the primary key's default
    // collation cannot serve LIKE, so without this every such read scanned the whole table.
    index('assignment_subsls_prefix_idx').on(t.kodeKota, t.kodeSubsls.op('text_pattern_ops')),
  ],
);
