import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/** A timestamptz as ISO 8601 in UTC ("2022-11-02T01:30:00Z"), the same on both drivers and any server time zone. */
export function isoTime(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
}
