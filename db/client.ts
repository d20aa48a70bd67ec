import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

import { env } from '../lib/env';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
/** The `tx` a Database#transaction callback receives. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

type Connection = { sql: postgres.Sql; db: Database };

// One pool per process; kept on globalThis so dev-mode hot reloads do not leak connections.
const globalForDb = globalThis as unknown as { __newsroomDb?: Connection };

export function connect(url: string, options: { max?: number } = {}): Connection {
  const sql = postgres(url, {
    max: options.max ?? env().DATABASE_POOL_SIZE,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
  });
  return { sql, db: drizzle({ client: sql, schema }) };
}

function connection(): Connection {
  if (!globalForDb.__newsroomDb) {
    const url = env().DATABASE_URL;
    if (!url) {
      throw new Error('DATABASE_URL is not set. Start the site with `npm start`, which provides one.');
    }
    globalForDb.__newsroomDb = connect(url);
  }
  return globalForDb.__newsroomDb;
}

/** The process-wide Drizzle database. */
export function getDb(): Database {
  return connection().db;
}

/** The process-wide postgres.js client, for the few queries Drizzle cannot express. */
export function getSql(): postgres.Sql {
  return connection().sql;
}

export async function closeDb(timeoutSeconds = 5): Promise<void> {
  const current = globalForDb.__newsroomDb;
  globalForDb.__newsroomDb = undefined;
  await current?.sql.end({ timeout: timeoutSeconds });
}

/**
 * Drops the process's pool at once, for when the database has restarted: its idle connections are all dead, and
 * each would otherwise fail one query before being replaced. The next query opens a new pool. The pool is on
 * globalThis, so this reaches the copy of this module in Next's server bundle too.
 */
export async function resetDbPool(): Promise<void> {
  await closeDb(0);
}
