import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';

/**
 * The session-signing key: PANTAU_AUTH_SECRET when set, else one generated on first start and
 * kept in the database, so `npm run demo` needs no setup and every process of one deployment
 * (and every restart) signs and checks cookies with the same key.
 */
export async function getOrCreateSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const fresh = randomBytes(48).toString('base64url');
  await db.execute(sql`insert into app_secret (name, value) values ('session', ${fresh}) on conflict (name) do nothing`);
  const [row] = await queryRows<{ value: string }>(db, sql`select value from app_secret where name = 'session'`);
  return row.value;
}
