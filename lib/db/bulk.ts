import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { arrayParam, type Db } from './client';

/** A column of a bulk insert: its name, its PostgreSQL type and one value per row. */
export type BulkColumn = readonly [name: string, pgType: string, values: readonly unknown[]];

const CHUNK = 20_000;

/**
 * INSERT … SELECT FROM unnest(arrays): one parameter per column instead of one per value,
 * which is what makes 240k-row loads take seconds on both drivers. `suffix` may add
 * ON CONFLICT or RETURNING.
 */
export async function bulkInsert(tx: Db, table: string, columns: readonly BulkColumn[], suffix: SQL = sql``): Promise<void> {
  const rows = columns[0]?.[2].length ?? 0;
  for (const [name, , values] of columns) {
    if (values.length !== rows) throw new Error(`bulkInsert ${table}.${name}: ${values.length} values for ${rows} rows`);
  }
  for (let start = 0; start < rows; start += CHUNK) {
    const names = sql.raw(columns.map(([n]) => `"${n}"`).join(', '));
    const arrays = sql.join(
      columns.map(([, type, values]) => sql`${arrayParam(values.slice(start, start + CHUNK))}::${sql.raw(type)}[]`),
      sql`, `,
    );
    await tx.execute(sql`insert into ${sql.raw(`"${table}"`)} (${names}) select * from unnest(${arrays}) ${suffix}`);
  }
}
