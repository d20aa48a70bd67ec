import { randomBytes } from 'node:crypto';

import type { TestProject } from 'vitest/node';

import { createDatabase, dropAbandonedDatabases, dropDatabase } from '../db/admin';
import { runMigrations } from '../db/migrate';
import { resolveDatabase } from '../scripts/lib/database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Every test run gets a database of its own on the configured server (DATABASE_URL) or the embedded one,
 * migrated once here and dropped at the end, so runs never see demo content or each other's rows.
 */
export default async function setup(project: TestProject) {
  const server = await resolveDatabase();
  await dropAbandonedDatabases(server.adminUrl, 'newsroom_test_');
  const name = `newsroom_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const url = await createDatabase(server.adminUrl, name);
  await runMigrations(url);
  project.provide('databaseUrl', url);
  return async () => {
    await dropDatabase(server.adminUrl, name);
    await server.release();
  };
}
