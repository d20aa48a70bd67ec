import { randomBytes } from 'node:crypto';
import net from 'node:net';

import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import handler, { installRemote, isCurrent, lastInvalidated, preciseNow, UNTRUSTED_MAX_AGE_MS } from './cache-handler.mjs';
import { PageStore, type PageEntry } from './page-store';
import { RedisRemote } from './redis-remote';

/** The real Redis on 127.0.0.1:6379 (REDIS_TEST_URL overrides), with keys of this run's own. */
const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const prefix = `newsroom-test-${randomBytes(4).toString('hex')}:`;
const raw = createClient({ url: REDIS_URL });
const quiet = () => {};

async function until(condition: () => boolean, timeoutMs = 2000): Promise<number> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

/** A TCP relay to Redis that can be cut (every connection dropped, new ones refused) and restored. */
async function cuttableLink(target: URL) {
  const sockets = new Set<net.Socket>();
  let open = true;
  const relay = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    port: (relay.address() as net.AddressInfo).port,
    async cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    async restore() {
      open = true;
    },
    close: () => new Promise((resolve) => relay.close(resolve)),
  };
}

async function connected(remote: RedisRemote): Promise<RedisRemote> {
  await remote.connect();
  await until(() => remote.trusted);
  return remote;
}

beforeAll(async () => {
  await raw.connect();
});

afterAll(async () => {
  installRemote(null);
  const keys = await raw.keys(`${prefix}*`);
  if (keys.length) await raw.del(keys);
  await raw.close();
});

describe('the shared cache in Redis', () => {
  it("hears another instance's invalidation within milliseconds", async () => {
    const remote = await connected(new RedisRemote(REDIS_URL, { prefix, log: quiet }));
    const other = await connected(new RedisRemote(REDIS_URL, { prefix, log: quiet }));
    try {
      const tag = `article:${randomBytes(3).toString('hex')}`;
      expect(lastInvalidated([tag])).toBe(0);
      other.publish([tag]);
      const tookMs = await until(() => lastInvalidated([tag]) > 0);
      expect(tookMs).toBeLessThan(1000);
      expect(await raw.hGet(`${prefix}tags`, tag)).toMatch(/^\d+$/);
    } finally {
      await Promise.all([remote.close(), other.close()]);
    }
  });

  it('shares entries: what one instance stores, another reads', async () => {
    const a = await connected(new RedisRemote(REDIS_URL, { prefix, log: quiet }));
    const b = await connected(new RedisRemote(REDIS_URL, { prefix, log: quiet }));
    try {
      const bytes = new Uint8Array(randomBytes(70_000));
      a.set('page:/politics', bytes, 60_000);
      let read: Uint8Array | undefined;
      for (let i = 0; i < 50 && !read; i++) {
        read = await b.get('page:/politics');
        if (!read) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(Buffer.compare(Buffer.from(read!), Buffer.from(bytes))).toBe(0);
      expect(await b.get('page:/nothing-here')).toBeUndefined();
      const ttl = await raw.pTTL(`${prefix}entry:page:/politics`);
      expect(ttl).toBeGreaterThan(50_000);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('shares a page between instances of one build, never with another build (a rolling upgrade)', async () => {
    const a = await connected(new RedisRemote(REDIS_URL, { prefix, log: quiet }));
    installRemote(a);
    try {
      const now = Date.now();
      const page: PageEntry = {
        status: 200,
        headers: [['content-type', ['text/html; charset=utf-8']]],
        body: { holeLength: 0, pieces: [Buffer.from('<script src="/_next/static/chunks/old-build.js"></script>')], deflated: null },
        policy: null,
        etag: 'W/"x"',
        timestamp: now,
        dataSince: now,
        expiresAt: now + 60_000,
        tags: ['articles'],
        bytes: 60,
      };
      const path = `/politics-${randomBytes(3).toString('hex')}`;
      new PageStore(1024 * 1024, 'build-1').set(path, page);
      await until(() => false, 200).catch(() => {});
      expect((await new PageStore(1024 * 1024, 'build-1').getShared(path))?.etag).toBe('W/"x"');
      expect(await new PageStore(1024 * 1024, 'build-2').getShared(path)).toBeUndefined();
    } finally {
      installRemote(null);
      await a.close();
    }
  });

  it("shares 'use cache' entries through the handler, and invalidates them on every instance", async () => {
    const a = await connected(new RedisRemote(REDIS_URL, { prefix, log: quiet }));
    installRemote(a);
    try {
      const tag = `comments:${randomBytes(3).toString('hex')}`;
      const key = `data-${randomBytes(4).toString('hex')}`;
      const value = new Blob([new TextEncoder().encode('thread')]).stream();
      await handler.set(key, Promise.resolve({ value, tags: [tag], stale: 300, timestamp: Date.now() - 1000, expire: 3600, revalidate: 900 }));
      // Writes are not awaited by the handler: wait for this one to land.
      await until(() => false, 200).catch(() => {});
      expect(await raw.exists(`${prefix}entry:data:${key}`)).toBe(1);

      // Another instance invalidates: the entry is no longer served here.
      const other = await connected(new RedisRemote(REDIS_URL, { prefix, log: quiet }));
      other.publish([tag]);
      await until(() => lastInvalidated([tag]) > 0);
      expect(await handler.get(key, [])).toBeUndefined();
      await other.close();
    } finally {
      installRemote(null);
      await a.close();
    }
  });

  it('catches up on invalidations it missed, once its connection comes back', async () => {
    const remote = await connected(new RedisRemote(REDIS_URL, { prefix, log: quiet }));
    try {
      const tag = `section:${randomBytes(3).toString('hex')}`;
      // An invalidation whose message never arrived (recorded in the hash only), then the connection drops.
      await raw.hSet(`${prefix}tags`, tag, String(Date.now()));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lastInvalidated([tag])).toBe(0);
      const clients = String(await raw.sendCommand(['CLIENT', 'LIST', 'TYPE', 'pubsub']));
      const ours = clients.split('\n').filter((line) => line.includes(` name=${prefix}subscriber `)).map((line) => line.match(/^id=(\d+)/)![1]!);
      expect(ours.length).toBeGreaterThan(0);
      for (const id of ours) await raw.sendCommand(['CLIENT', 'KILL', 'ID', id]);
      await until(() => lastInvalidated([tag]) > 0, 5000);
      expect(remote.trusted).toBe(true);
    } finally {
      await remote.close();
    }
  });

  it('sends the invalidations it made while Redis was away as soon as Redis is back, to the others and to the hash', async () => {
    // Instance A reaches Redis through a connection we can cut and restore; instance B directly.
    const link = await cuttableLink(new URL(REDIS_URL));
    const a = await connected(new RedisRemote(`redis://127.0.0.1:${link.port}`, { prefix, log: quiet }));
    const b = await connected(new RedisRemote(REDIS_URL, { prefix, log: quiet }));
    installRemote(b);
    try {
      const tag = `article:${randomBytes(3).toString('hex')}`;
      await link.cut();
      await until(() => !a.trusted);
      a.publish([tag]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await raw.hGet(`${prefix}tags`, tag)).toBeNull();
      expect(lastInvalidated([tag])).toBe(0);
      // Once A is connected again, B hears of it, and an instance that was away finds it in the hash.
      await link.restore();
      await until(() => lastInvalidated([tag]) > 0, 5000);
      expect(await raw.hGet(`${prefix}tags`, tag)).not.toBeNull();
    } finally {
      installRemote(null);
      await Promise.all([a.close(), b.close()]);
      await link.close();
    }
  });

  it('tells whether every instance shares the same secrets', async () => {
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => connected(new RedisRemote(REDIS_URL, { prefix, log: quiet }))));
    try {
      expect(await a!.agree('secrets', 'fingerprint-1', 5000)).toBe('agreed');
      expect(await b!.agree('secrets', 'fingerprint-1', 5000)).toBe('agreed');
      expect(await c!.agree('secrets', 'fingerprint-2', 5000)).toBe('differs');
    } finally {
      await Promise.all([a!.close(), b!.close(), c!.close()]);
    }
  });

  it('while Redis cannot be reached: answers at once, stores nothing, and serves nothing older than the bound', async () => {
    const logs: string[] = [];
    const remote = new RedisRemote('redis://127.0.0.1:1', { prefix, log: (message) => logs.push(message) });
    await remote.connect();
    installRemote(remote);
    try {
      const started = performance.now();
      expect(await remote.get('page:/')).toBeUndefined();
      remote.set('page:/', new Uint8Array(10), 1000);
      remote.publish(['articles']);
      expect(performance.now() - started).toBeLessThan(200);
      expect(remote.trusted).toBe(false);
      expect(await remote.agree('secrets', 'anything')).toBe('unknown');
      await until(() => logs.length > 0);
      expect(logs[0]).toMatch(/Redis unavailable/);

      const tag = `author:${randomBytes(3).toString('hex')}`;
      expect(isCurrent([tag], preciseNow() - 100)).toBe(true);
      expect(isCurrent([tag], preciseNow() - UNTRUSTED_MAX_AGE_MS - 100)).toBe(false);
      // A page rendered just now from cached data older than the bound is too old as well.
      expect(isCurrent([tag], preciseNow() - 100, preciseNow() - UNTRUSTED_MAX_AGE_MS - 100)).toBe(false);
    } finally {
      installRemote(null);
      await remote.close();
    }
  });
});
