import { afterEach, describe, expect, it } from 'vitest';

import { env, resetEnvForTests } from '@/lib/env';

import { connect, getSql } from './client';

const saved = process.env.DATABASE_IDLE_SECONDS;
const opened: ReturnType<typeof connect>[] = [];

afterEach(async () => {
  if (saved === undefined) delete process.env.DATABASE_IDLE_SECONDS;
  else process.env.DATABASE_IDLE_SECONDS = saved;
  resetEnvForTests();
  await Promise.all(opened.splice(0).map((connection) => connection.sql.end({ timeout: 5 })));
});

/** A pool of one made with DATABASE_IDLE_SECONDS as given, and the server process behind its connection. */
async function poolWithIdleSeconds(seconds: string | undefined) {
  if (seconds === undefined) delete process.env.DATABASE_IDLE_SECONDS;
  else process.env.DATABASE_IDLE_SECONDS = seconds;
  resetEnvForTests();
  const connection = connect(env().DATABASE_URL!, { max: 1 });
  opened.push(connection);
  const [row] = await connection.sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
  return row!.pid;
}

async function stillConnected(pid: number): Promise<boolean> {
  const [row] = await getSql()<{ open: boolean }[]>`select exists (select 1 from pg_stat_activity where pid = ${pid}) as open`;
  return row!.open;
}

describe('the pool', () => {
  it('closes a connection once it has been idle for DATABASE_IDLE_SECONDS', async () => {
    const pid = await poolWithIdleSeconds('1');
    expect(await stillConnected(pid)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await stillConnected(pid)).toBe(false);
  });

  it('keeps an idle connection for five minutes by default, so a quiet spell does not make the next search pay for a new backend', async () => {
    const pid = await poolWithIdleSeconds(undefined);
    expect(env().DATABASE_IDLE_SECONDS).toBe(300);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await stillConnected(pid)).toBe(true);
  });

  it('refuses an idle time it cannot use', () => {
    for (const value of ['-1', '1.5', 'soon', '86401']) {
      process.env.DATABASE_IDLE_SECONDS = value;
      resetEnvForTests();
      expect(() => env()).toThrow(/DATABASE_IDLE_SECONDS/);
    }
  });
});
