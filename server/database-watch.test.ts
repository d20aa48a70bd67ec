import net from 'node:net';

import { describe, expect, it } from 'vitest';

import { DatabaseWatch } from './database-watch';

const quiet = { intervalMs: 60_000, downIntervalMs: 60_000 };

describe('DatabaseWatch', () => {
  it('finds the database up and reads when the public set next changes', async () => {
    const schedules: (Date | null)[] = [];
    const watch = new DatabaseWatch({ url: process.env.DATABASE_URL!, ...quiet, onSchedule: (next) => schedules.push(next) });
    try {
      expect(await watch.check()).toBe(true);
      expect(watch.isDown).toBe(false);
      expect(schedules).toHaveLength(1);
    } finally {
      await watch.stop();
    }
  });

  it('confirms with a fresh answer at most once per interval, however many ask', async () => {
    const watch = new DatabaseWatch({ url: process.env.DATABASE_URL!, ...quiet });
    try {
      expect(await watch.confirm()).toBe(true);
      const started = performance.now();
      const answers = await Promise.all(Array.from({ length: 50 }, () => watch.confirm(60_000)));
      expect(answers.every(Boolean)).toBe(true);
      expect(performance.now() - started).toBeLessThan(50);
    } finally {
      await watch.stop();
    }
  });

  it('calls a refused connection down at once', async () => {
    const downs: string[] = [];
    const watch = new DatabaseWatch({ url: 'postgres://postgres@127.0.0.1:1/none', ...quiet, onDown: (reason) => downs.push(reason) });
    try {
      const started = performance.now();
      expect(await watch.check()).toBe(false);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(watch.isDown).toBe(true);
      expect(downs).toHaveLength(1);
    } finally {
      await watch.stop();
    }
  });

  it('calls a server that does not answer down only on the second slow check', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const watch = new DatabaseWatch({ url: `postgres://postgres@127.0.0.1:${port}/none`, ...quiet, timeoutMs: 200 });
    try {
      expect(await watch.check()).toBe(false);
      expect(watch.isDown).toBe(false);
      expect(await watch.check()).toBe(false);
      expect(watch.isDown).toBe(true);
    } finally {
      await watch.stop();
      silent.close();
    }
  });
});
