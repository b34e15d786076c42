import { z } from 'zod';

/** Environment, validated once at start-up: a bad value fails loudly instead of half-working. */
const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PANTAU_DATA_DIR: z.string().default('.data/pglite'),
  /** Demo mode seeds the Balikpapan demo and one login per role. On by default without DATABASE_URL. */
  PANTAU_DEMO: z.enum(['0', '1']).optional(),
  PANTAU_SEED: z.coerce.number().int().default(2022),
  /** Key that signs session cookies; without it one is generated and kept in the database (app_secret). */
  PANTAU_AUTH_SECRET: z.string().min(32).optional(),
  /** Public URL of the app (e.g. https://pantau.example.id): better-auth's own URLs; `https://` means served over https (lib/auth/request-info.ts). */
  PANTAU_URL: z.string().url().optional(),
  /** The daily archive schedule (instrumentation.ts): on unless 0. Test and bench servers turn it off. */
  PANTAU_ARCHIVE: z.enum(['0', '1']).default('1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof envSchema> & { demo: boolean };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.parse({
    ...source,
    DATABASE_URL: source.DATABASE_URL || undefined,
    PANTAU_AUTH_SECRET: source.PANTAU_AUTH_SECRET || undefined,
    PANTAU_URL: source.PANTAU_URL || undefined,
  });
  const demo = parsed.PANTAU_DEMO ? parsed.PANTAU_DEMO === '1' : !parsed.DATABASE_URL;
  return { ...parsed, demo };
}
