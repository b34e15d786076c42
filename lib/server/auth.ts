import 'server-only';
import { createAuth, type Auth } from '@/lib/auth/better-auth';
import { getOrCreateSecret } from '@/lib/auth/secret';
import { readEnv } from '@/lib/env';
import { getDb } from './database';

// Cached on globalThis for the same reason as the database: one instance per process.
const holder = globalThis as unknown as { pantauAuth?: Promise<Auth> };

/** better-auth on the process's database, with the configured or stored signing secret. */
export function getAuth(): Promise<Auth> {
  holder.pantauAuth ??= prepare().catch((error: unknown) => {
    holder.pantauAuth = undefined;
    throw error;
  });
  return holder.pantauAuth;
}

async function prepare(): Promise<Auth> {
  const env = readEnv();
  const db = await getDb();
  const secret = await getOrCreateSecret(db, env.PANTAU_AUTH_SECRET);
  return createAuth(db, { secret, baseURL: env.PANTAU_URL ?? 'http://localhost:3000' });
}
