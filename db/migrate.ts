import path from 'node:path';

import { migrate } from 'drizzle-orm/postgres-js/migrator';

import { connect } from './client';

/** Applies the committed migrations in db/migrations (idempotent). */
export async function runMigrations(url: string): Promise<void> {
  const { sql, db } = connect(url, { max: 1 });
  try {
    await migrate(db, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
