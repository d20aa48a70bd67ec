import path from 'node:path';

import { migrate } from 'drizzle-orm/postgres-js/migrator';

import { connect } from './client';

/** Any fixed number: the advisory lock that lets one process at a time migrate a database. */
const MIGRATION_LOCK = 7_140_517;

/**
 * Applies the committed migrations in db/migrations (idempotent). Several instances starting at once take turns:
 * the first applies what is new, the others then find nothing to do (Drizzle's migrator takes no lock itself).
 */
export async function runMigrations(url: string): Promise<void> {
  // One connection: the session-level lock and the migration share it.
  const { sql, db } = connect(url, { max: 1 });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(db, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
  } finally {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    await sql.end({ timeout: 5 });
  }
}
