import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';

import { createDatabase, dropDatabase } from './admin';
import { runMigrations } from './migrate';

/** The server of this run's test database, and a database of this test's own on it. */
const adminUrl = (() => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = '/postgres';
  return url.toString();
})();
const name = `newsroom_test_migrate_${randomBytes(3).toString('hex')}`;

afterAll(async () => {
  await dropDatabase(adminUrl, name);
});

describe('migrations', () => {
  it('are applied once when several instances start at the same moment', async () => {
    const url = await createDatabase(adminUrl, name);
    await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);
    const journal = JSON.parse(fs.readFileSync(path.join('db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const [{ applied }] = await sql<[{ applied: number }]>`select count(*)::int as applied from drizzle.__drizzle_migrations`;
      expect(applied).toBe(journal.entries.length);
      // Compact article rows (docs/adr/0033): a long body is stored out of line, so the table keeps short rows.
      const [{ options }] = await sql<[{ options: string[] | null }]>`select reloptions as options from pg_class where oid = 'articles'::regclass`;
      expect(options).toContain('toast_tuple_target=512');
    } finally {
      await sql.end();
    }
  });
});
