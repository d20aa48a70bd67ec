import { defineConfig } from 'drizzle-kit';

// generate needs no database; migrate is run by scripts/db-migrate.ts (which can start the embedded one).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/newsroom' },
  strict: true,
});
