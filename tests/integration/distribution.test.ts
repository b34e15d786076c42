// The scale-out path of docs/SCALING.md, checked against the migrated schema's catalog: every table
// is either distributed by kode_kota (Citus co-locates its rows with the same kab/kota's rows of the
// other distributed tables), a reference table (replicated to every node) or local to the
// coordinator. Citus accepts a distributed table only when every primary key and unique index
// includes the distribution column, and a foreign key between distributed tables only when it
// maps kode_kota to kode_kota; a reference table may not point at a distributed or local one, nor
// a local table at a distributed one. A new table is distributed unless listed below.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database, type Db } from '@/lib/db/client';
import { databaseTargets } from './support';

/** Small and read by every kab/kota's queries: one copy on every node. */
const REFERENCE = new Set(['campaign']);
/**
 * Kept on the coordinator: accounts and their sessions and tokens (checked on every request,
 * never joined with the data), the server's secrets, and the audit trail (failed sign-ins have no
 * kab/kota). Tables on the coordinator are Citus "local" tables.
 */
const LOCAL = new Set(['auth_user', 'auth_session', 'auth_account', 'auth_verification', 'api_token', 'app_secret', 'audit_log']);

const DISTRIBUTION_COLUMN = 'kode_kota';
const DISTRIBUTION_TYPE = 'character varying(4)';

type Role = 'distributed' | 'reference' | 'local';
const roleOf = (table: string): Role => (REFERENCE.has(table) ? 'reference' : LOCAL.has(table) ? 'local' : 'distributed');

interface TableRow {
  table: string;
  type: string | null;
  not_null: boolean | null;
}
interface UniqueRow {
  table: string;
  index: string;
  columns: string[];
}
interface ForeignKeyRow {
  table: string;
  name: string;
  columns: string[];
  ref_table: string;
  ref_columns: string[];
}

/** Every way the public schema breaks the distribution rules, one sentence each (empty: none). */
async function distributionProblems(db: Db): Promise<string[]> {
  const tables = await queryRows<TableRow>(
    db,
    sql`select c.relname as "table", format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    left join pg_attribute a on a.attrelid = c.oid and a.attname = ${DISTRIBUTION_COLUMN} and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by 1`,
  );
  const unique = await queryRows<UniqueRow>(
    db,
    sql`select t.relname as "table", ic.relname as "index",
      coalesce(array(select coalesce(a.attname, '(expression)') from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
        left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum order by k.ord), '{}')::text[] as columns
    from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and i.indisunique
    order by 1, 2`,
  );
  const foreign = await queryRows<ForeignKeyRow>(
    db,
    sql`select t.relname as "table", c.conname as name, r.relname as ref_table,
      array(select a.attname from unnest(c.conkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.ord)::text[] as columns,
      array(select a.attname from unnest(c.confkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.ord)::text[] as ref_columns
    from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and c.contype = 'f'
    order by 1, 2`,
  );
  const problems: string[] = [];
  const known = new Set(tables.map((t) => t.table));
  for (const listed of [...REFERENCE, ...LOCAL]) if (!known.has(listed)) problems.push(`${listed} is listed as reference/local but no such table exists`);
  for (const t of tables) {
    if (roleOf(t.table) !== 'distributed') continue;
    if (t.type === null) problems.push(`${t.table} has no ${DISTRIBUTION_COLUMN}: add it (distributed) or list the table as reference/local`);
    else if (t.type !== DISTRIBUTION_TYPE) problems.push(`${t.table}.${DISTRIBUTION_COLUMN} is ${t.type}, not ${DISTRIBUTION_TYPE} (co-located tables share the type)`);
    else if (!t.not_null) problems.push(`${t.table}.${DISTRIBUTION_COLUMN} is nullable (a distribution column may not hold null)`);
  }
  for (const u of unique) {
    if (roleOf(u.table) === 'distributed' && !u.columns.includes(DISTRIBUTION_COLUMN)) {
      problems.push(`${u.table}: unique index ${u.index} (${u.columns.join(', ')}) does not include ${DISTRIBUTION_COLUMN}`);
    }
  }
  for (const f of foreign) {
    const from = roleOf(f.table);
    const to = roleOf(f.ref_table);
    const where = `${f.table}: foreign key ${f.name} (${f.columns.join(', ')}) → ${f.ref_table} (${f.ref_columns.join(', ')})`;
    if (from === 'distributed' && to === 'distributed') {
      const i = f.columns.indexOf(DISTRIBUTION_COLUMN);
      if (i < 0 || f.ref_columns[i] !== DISTRIBUTION_COLUMN) problems.push(`${where} does not map ${DISTRIBUTION_COLUMN} to ${DISTRIBUTION_COLUMN}`);
    } else if (from === 'distributed' && to === 'local') {
      problems.push(`${where}: a distributed table cannot point at a coordinator-local table`);
    } else if (from === 'reference' && to !== 'reference') {
      problems.push(`${where}: a reference table can point only at reference tables`);
    } else if (from === 'local' && to === 'distributed') {
      problems.push(`${where}: a coordinator-local table cannot point at a distributed table`);
    }
  }
  return problems;
}

describe.each(databaseTargets())('distribution by kode_kota on $name', (target) => {
  let database: Database;

  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => database?.close());

  it('every key and foreign key of the distributed tables includes kode_kota; reference and local tables point nowhere they may not', async () => {
    expect(await distributionProblems(database.db)).toEqual([]);
  });

  it('names the distributed tables docs/SCALING.md lists, all carrying kode_kota in their primary key', async () => {
    const rows = await queryRows<{ table: string }>(
      database.db,
      sql`select t.relname as "table" from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
      join pg_attribute a on a.attrelid = t.oid and a.attnum = any(i.indkey::int2[]) and a.attname = ${DISTRIBUTION_COLUMN}
      where n.nspname = 'public' and i.indisprimary and t.relkind in ('r', 'p') and not t.relispartition`,
    );
    const distributed = rows.map((r) => r.table).filter((t) => roleOf(t) === 'distributed');
    for (const t of ['area', 'area_boundary', 'officer', 'assignment', 'report', 'report_history', 'import_job', 'followup', 'followup_history']) {
      expect(distributed).toContain(t);
    }
  });

  it('reports each kind of violation (the check reads the catalog, it does not pass by default)', async () => {
    await database.db.execute(sql`create table zz_bad_parent (id integer primary key, kode_kota varchar(4) not null)`);
    await database.db.execute(sql`create unique index zz_bad_parent_kota on zz_bad_parent (id, kode_kota)`);
    await database.db.execute(sql`create table zz_bad_child (id integer, parent_id integer references zz_bad_parent (id), kode_kota varchar(4))`);
    await database.db.execute(sql`create unique index zz_bad_child_id on zz_bad_child (id)`);
    await database.db.execute(sql`create table zz_no_kota (id integer primary key)`);
    await database.db.execute(sql`alter table campaign add column zz_user text references auth_user (id)`);
    try {
      const problems = await distributionProblems(database.db);
      expect([...problems].sort()).toEqual(
        [
          'zz_bad_parent: unique index zz_bad_parent_pkey (id) does not include kode_kota',
          'zz_bad_child: unique index zz_bad_child_id (id) does not include kode_kota',
          'zz_bad_child.kode_kota is nullable (a distribution column may not hold null)',
          'zz_bad_child: foreign key zz_bad_child_parent_id_fkey (parent_id) → zz_bad_parent (id) does not map kode_kota to kode_kota',
          'zz_no_kota has no kode_kota: add it (distributed) or list the table as reference/local',
          'zz_no_kota: unique index zz_no_kota_pkey (id) does not include kode_kota',
          'campaign: foreign key campaign_zz_user_fkey (zz_user) → auth_user (id): a reference table can point only at reference tables',
        ].sort(),
      );
    } finally {
      await database.db.execute(sql`alter table campaign drop column zz_user`);
      await database.db.execute(sql`drop table zz_bad_child, zz_bad_parent, zz_no_kota`);
    }
  });
});
