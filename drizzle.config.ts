import { defineConfig } from 'drizzle-kit';

// Migrations are generated from lib/db/schema and never edited once committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema/index.ts',
  out: './drizzle',
  strict: true,
});
