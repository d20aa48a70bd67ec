import { randomBytes } from 'node:crypto';

import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadPublicArticleIds } from '@/data/view-tally';
import { connect, getDb } from '@/db/client';
import { HOUR_MS } from '@/lib/view-counting';
import { createFactory } from '@/test/factories';

import { RedisRemote } from './redis-remote';
import { HourlyDedupe, PublicArticleIds, ViewCounter, ViewTally } from './view-counter';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const HOUR = Date.UTC(2026, 11, 2, 7);
const quiet = () => {};

describe('HourlyDedupe', () => {
  it('sees a key once per hour, forgets hours before the previous one, and counts past its bound rather than lose views', () => {
    const dedupe = new HourlyDedupe(3);
    expect(dedupe.firstSeen(HOUR, 'a')).toBe(true);
    expect(dedupe.firstSeen(HOUR, 'a')).toBe(false);
    expect(dedupe.firstSeen(HOUR + HOUR_MS, 'a')).toBe(true);
    expect(dedupe.keys).toBe(2);
    expect(dedupe.firstSeen(HOUR + 2 * HOUR_MS, 'b')).toBe(true);
    // The first hour is gone: only the last two are kept.
    expect(dedupe.keys).toBe(2);
    expect(dedupe.firstSeen(HOUR + 2 * HOUR_MS, 'c')).toBe(true);
    expect(dedupe.overflowed).toBe(false);
    expect(dedupe.firstSeen(HOUR + 2 * HOUR_MS, 'd')).toBe(true);
    expect(dedupe.firstSeen(HOUR + 2 * HOUR_MS, 'd')).toBe(true);
    expect(dedupe.overflowed).toBe(true);
    expect(dedupe.keys).toBe(3);
  });
});

describe('ViewTally', () => {
  it('sums views per story and hour, and takes back what could not be written', () => {
    const tally = new ViewTally();
    tally.add(1, HOUR);
    tally.add(1, HOUR);
    tally.add(2, HOUR);
    tally.add(1, HOUR + HOUR_MS);
    const rows = tally.take();
    expect(rows).toEqual([
      { articleId: 1, hour: HOUR, views: 2 },
      { articleId: 2, hour: HOUR, views: 1 },
      { articleId: 1, hour: HOUR + HOUR_MS, views: 1 },
    ]);
    expect(tally.views).toBe(0);
    tally.add(1, HOUR);
    tally.restore(rows);
    expect(tally.views).toBe(5);
    expect(tally.take()).toContainEqual({ articleId: 1, hour: HOUR, views: 3 });
  });
});

describe('ViewCounter against PostgreSQL', () => {
  let factory: ReturnType<typeof createFactory>;
  let now = HOUR + 5 * 60_000;
  const counter = () =>
    new ViewCounter({ db: getDb(), publicIds: new PublicArticleIds(() => loadPublicArticleIds(getDb())), secret: 'test secret', now: () => now, log: quiet });
  const view = (articleId: number, address = '203.0.113.1', headers: Record<string, string> = {}) => ({ articleId, address, userAgent: headers['user-agent'] ?? CHROME, headers });
  const stored = async (articleId: number) =>
    (await getDb().execute<{ hour: Date; views: number }>(sql`select hour, views from article_views where article_id = ${articleId} order by hour`)).map((row) => ({
      hour: new Date(row.hour).getTime(),
      views: row.views,
    }));

  beforeEach(() => {
    factory = createFactory();
    now = HOUR + 5 * 60_000;
  });
  afterEach(async () => {
    await factory.cleanUp();
  });

  it('counts one view per reader, story and hour, and writes them in one row per story and hour', async () => {
    const section = await factory.section('Views');
    const story = await factory.article({ sectionId: section.id });
    const other = await factory.article({ sectionId: section.id });
    const views = counter();

    expect(await views.count(view(story.id))).toBe('counted');
    expect(await views.count(view(story.id))).toBe('duplicate');
    expect(await views.count(view(story.id, '203.0.113.2'))).toBe('counted');
    expect(await views.count(view(other.id))).toBe('counted');
    now += HOUR_MS;
    expect(await views.count(view(story.id))).toBe('counted');
    expect(views.pendingViews).toBe(4);

    expect(await views.flush()).toBe(4);
    expect(await stored(story.id)).toEqual([
      { hour: HOUR, views: 2 },
      { hour: HOUR + HOUR_MS, views: 1 },
    ]);
    expect(await stored(other.id)).toEqual([{ hour: HOUR, views: 1 }]);

    // A later flush adds to the hour's row.
    expect(await views.count(view(story.id, '203.0.113.3'))).toBe('counted');
    await views.flush();
    expect(await stored(story.id)).toEqual([
      { hour: HOUR, views: 2 },
      { hour: HOUR + HOUR_MS, views: 2 },
    ]);
  });

  it('does not count robots, prefetches, staff, or stories readers cannot see', async () => {
    const section = await factory.section('Views');
    const story = await factory.article({ sectionId: section.id });
    const draft = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null });
    const scheduled = await factory.article({ sectionId: section.id, publishedAt: new Date(Date.now() + 3_600_000) });
    const expired = await factory.article({ sectionId: section.id, unpublishAt: new Date(Date.now() - 1000) });
    const views = counter();

    expect(await views.count(view(story.id, '203.0.113.1', { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' }))).toBe('robot');
    expect(await views.count(view(story.id, '203.0.113.1', { 'sec-purpose': 'prefetch' }))).toBe('prefetch');
    expect(await views.count(view(story.id), true)).toBe('staff');
    for (const hidden of [draft, scheduled, expired]) expect(await views.count(view(hidden.id))).toBe('unknown');
    expect(await views.count(view(2_000_000_000))).toBe('unknown');
    expect(await views.flush()).toBe(0);
    expect(await stored(story.id)).toEqual([]);
  });

  it('finds a story published after it last read the list', async () => {
    const section = await factory.section('Views');
    const first = await factory.article({ sectionId: section.id });
    const views = new ViewCounter({
      db: getDb(),
      publicIds: new PublicArticleIds(() => loadPublicArticleIds(getDb()), { refreshMs: 60_000, missRefreshMs: 0 }),
      secret: 'test secret',
      now: () => now,
      log: quiet,
    });
    expect(await views.count(view(first.id))).toBe('counted');
    const fresh = await factory.article({ sectionId: section.id });
    expect(await views.count(view(fresh.id))).toBe('counted');
  });

  it('keeps the views it could not write for the next flush, and skips stories deleted meanwhile', async () => {
    const section = await factory.section('Views');
    const story = await factory.article({ sectionId: section.id });
    const doomed = await factory.article({ sectionId: section.id });
    const broken = connect('postgres://postgres@127.0.0.1:1/nowhere', { max: 1 });
    const publicIds = new PublicArticleIds(() => loadPublicArticleIds(getDb()));
    const offline = new ViewCounter({ db: broken.db, publicIds, secret: 'test secret', now: () => now, log: quiet });
    try {
      expect(await offline.count(view(story.id))).toBe('counted');
      await expect(offline.flush()).rejects.toThrow();
      expect(offline.pendingViews).toBe(1);
    } finally {
      await broken.sql.end({ timeout: 1 });
    }

    const views = counter();
    expect(await views.count(view(story.id))).toBe('counted');
    expect(await views.count(view(doomed.id))).toBe('counted');
    await getDb().execute(sql`delete from articles where id = ${doomed.id}`);
    expect(await views.flush()).toBe(2);
    expect(await stored(story.id)).toEqual([{ hour: HOUR, views: 1 }]);
  });

  it('writes what is left when it stops', async () => {
    const section = await factory.section('Views');
    const story = await factory.article({ sectionId: section.id });
    const views = counter();
    views.start();
    await views.count(view(story.id));
    await views.count(view(story.id, '203.0.113.9'));
    await views.stop();
    expect(await stored(story.id)).toEqual([{ hour: HOUR, views: 2 }]);
  });
});

describe('ViewCounter with the dedupe shared in Redis', () => {
  const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
  const remotes: RedisRemote[] = [];
  afterAll(async () => {
    await Promise.all(remotes.map((remote) => remote.close()));
  });

  it('counts a reader once across two instances', async () => {
    const factory = createFactory();
    try {
      const section = await factory.section('Views');
      const story = await factory.article({ sectionId: section.id });
      const prefix = `newsroom-test-${randomBytes(4).toString('hex')}:`;
      const instance = async () => {
        const remote = new RedisRemote(REDIS_URL, { prefix, log: quiet });
        remotes.push(remote);
        await remote.connect();
        const started = Date.now();
        while (!(await remote.firstSeen(`probe:${remotes.length}`, 1000)) && Date.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
        return new ViewCounter({ db: getDb(), publicIds: new PublicArticleIds(() => loadPublicArticleIds(getDb())), secret: 'shared secret', shared: remote, log: quiet });
      };
      const [one, two] = [await instance(), await instance()];
      const reader = { articleId: story.id, address: '198.51.100.7', userAgent: CHROME, headers: {} };
      expect(await one.count(reader)).toBe('counted');
      expect(await two.count(reader)).toBe('duplicate');
      expect(await two.count({ ...reader, address: '198.51.100.8' })).toBe('counted');
      expect(await one.count({ ...reader, address: '198.51.100.8' })).toBe('duplicate');
      expect((await one.flush()) + (await two.flush())).toBe(2);
    } finally {
      await factory.cleanUp();
    }
  });
});
