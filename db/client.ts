import { withReplicas } from 'drizzle-orm/pg-core';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

import { env } from '../lib/env';
import { ReplicaHealth } from './replica-health';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
/** The `tx` a Database#transaction callback receives. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

type Connection = { sql: postgres.Sql; db: Database };
/** The read replicas' pools, the database public reads go through, and what tells which replicas may be used. */
type Replicas = { connections: Connection[]; health: ReplicaHealth; publicDb: Database };

// One pool per process; kept on globalThis so dev-mode hot reloads do not leak connections.
const globalForDb = globalThis as unknown as { __newsroomDb?: Connection; __newsroomReplicas?: Replicas | null };

export function connect(url: string, options: { max?: number } = {}): Connection {
  const sql = postgres(url, {
    max: options.max ?? env().DATABASE_POOL_SIZE,
    idle_timeout: env().DATABASE_IDLE_SECONDS,
    connect_timeout: 10,
    // Off behind PgBouncer in transaction mode, where a named statement may land on another server connection.
    prepare: env().DATABASE_PREPARE,
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

/**
 * The read replicas (DATABASE_REPLICA_URLS), opened with the primary's pool on first use; null without any. The
 * public database picks a replica for each query, never one the health checks have not found within
 * REPLICA_MAX_LAG_MS of the primary, and the primary when none is (docs/adr/0011).
 */
function replicas(): Replicas | null {
  if (globalForDb.__newsroomReplicas === undefined) {
    const { DATABASE_REPLICA_URLS, REPLICA_MAX_LAG_MS, DATABASE_PREPARE } = env();
    const primary = connection();
    const [first, ...rest] = DATABASE_REPLICA_URLS.map((url) => connect(url));
    if (!first) {
      globalForDb.__newsroomReplicas = null;
    } else {
      const connections = [first, ...rest];
      const health = new ReplicaHealth({ primaryUrl: env().DATABASE_URL!, replicaUrls: DATABASE_REPLICA_URLS, maxLagMs: REPLICA_MAX_LAG_MS, prepare: DATABASE_PREPARE });
      const choose = () => pickReader(primary, connections, health);
      health.start();
      globalForDb.__newsroomReplicas = { connections, health, publicDb: withReplicas(primary.db, [first.db, ...rest.map((replica) => replica.db)], choose) };
    }
  }
  return globalForDb.__newsroomReplicas;
}

/**
 * The database for public reads of published content (the `'use cache'` readers of anonymous pages): Drizzle's
 * `withReplicas`. Its select, selectDistinct, $count, with and relational queries go to a replica within the lag
 * bound (the primary when none is); insert, update, delete, execute and transaction go to the primary. Without
 * DATABASE_REPLICA_URLS it is the primary's database itself. Not for the dashboard, sign-in, comments or anything
 * that must read what was just written: those use getDb().
 */
export function getPublicDb(): Database {
  return replicas()?.publicDb ?? getDb();
}

/**
 * One server for a public read that withReplicas would keep on the primary: raw SQL (`execute`) and read-only
 * transactions (search's `set local`). A replica within the lag bound, chosen now, or the primary. Read only: a
 * replica refuses writes.
 */
export function getReplicaDb(): Database {
  const current = replicas();
  return current ? pickReader(connection(), current.connections, current.health) : getDb();
}

/** A replica within the lag bound, at random, or the primary. */
function pickReader(primary: Connection, connections: Connection[], health: ReplicaHealth): Database {
  const index = health.pick();
  return (index === undefined ? undefined : connections[index]?.db) ?? primary.db;
}

/** Forgets the replicas' pools and stops their health checks; the next public read opens them again. */
function releaseReplicas(timeoutSeconds: number): Promise<unknown> {
  const current = globalForDb.__newsroomReplicas;
  globalForDb.__newsroomReplicas = undefined;
  if (!current) return Promise.resolve();
  return Promise.all([current.health.stop(), ...current.connections.map((replica) => replica.sql.end({ timeout: timeoutSeconds }))]);
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.__newsroomDb;
  globalForDb.__newsroomDb = undefined;
  await Promise.all([current?.sql.end({ timeout: 5 }), releaseReplicas(5)]);
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
  // The public database routes to the old primary pool: it is made again with the new one, with the replicas'.
  void releaseReplicas(5).catch(() => {});
}
