import { describe, expect, it } from 'vitest';

import { closeDb } from '@/db/client';
import { resetEnvForTests } from '@/lib/env';

import { checkDatabase } from './health';

describe('checkDatabase', () => {
  it('is ok against the test database', async () => {
    expect((await checkDatabase()).ok).toBe(true);
  });

  it('reports a database that does not answer, without throwing', async () => {
    const original = process.env.DATABASE_URL;
    await closeDb();
    process.env.DATABASE_URL = 'postgres://nobody:secret@127.0.0.1:9/none';
    resetEnvForTests();
    try {
      expect((await checkDatabase()).ok).toBe(false);
    } finally {
      await closeDb();
      process.env.DATABASE_URL = original;
      resetEnvForTests();
    }
  });
});
