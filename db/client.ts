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

export async function closeDb(): Promise<void> {
  const current = globalForDb.__newsroomDb;
  globalForDb.__newsroomDb = undefined;
  await current?.sql.end({ timeout: 5 });
}

/**
 * Swaps the process's pool for a new one, for when the database has restarted: the old pool's idle connections are
 * all dead, and each would otherwise fail one query before being replaced. Queries under way on the old pool may
 * finish (5 s); new ones open new connections. The pool is on globalThis, so this reaches the copy of this module
 * in Next's server bundle too.
 */
export function resetDbPool(): void {
  const current = globalForDb.__newsroomDb;
  globalForDb.__newsroomDb = undefined;
  void current?.sql.end({ timeout: 5 }).catch(() => {});
}
