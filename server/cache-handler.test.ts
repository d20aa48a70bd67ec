import { describe, expect, it } from 'vitest';

import handler, { invalidateTags, isCurrent, lastInvalidated, renderScope, setReadMargin, type RenderRecord } from './cache-handler.mjs';

const entry = (tags: string[], timestamp = Date.now(), revalidate = 900) => ({
  value: new Blob([new TextEncoder().encode(`value for ${tags.join(',')}`)]).stream(),
  tags,
  stale: 300,
  timestamp,
  expire: 3600,
  revalidate,
});
const text = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();
const unique = () => Math.random().toString(36).slice(2);

describe("the 'use cache' handler", () => {
  it('stores an entry and serves it as a new stream on every read', async () => {
    const key = unique();
    await handler.set(key, Promise.resolve(entry(['article:1'])));
    expect(await text((await handler.get(key, []))!.value)).toBe('value for article:1');
    expect(await text((await handler.get(key, []))!.value)).toBe('value for article:1');
  });

  it('expires an entry at once when one of its tags or soft tags is invalidated, also for revalidateTag(tag, "max")', async () => {
    const tag = `article:${unique()}`;
    const key = unique();
    await handler.set(key, Promise.resolve(entry([tag], Date.now() - 10)));
    await handler.updateTags([tag], { expire: 31536000 });
    expect(await handler.get(key, [])).toBeUndefined();

    const soft = unique();
    await handler.set(soft, Promise.resolve(entry(['other'], Date.now() - 10)));
    await handler.updateTags(['_N_T_/layout']);
    expect(await handler.get(soft, ['_N_T_/layout'])).toBeUndefined();
    expect(await handler.getExpiration(['_N_T_/layout'])).toBeGreaterThan(0);
  });

  it('tells a render being recorded for the page cache the tags, lifetime and age of what it reads and writes', async () => {
    const read = unique();
    const now = Date.now();
    // Data made three seconds before the render: the page is that old, whenever it was rendered.
    await handler.set(read, Promise.resolve(entry(['sections'], now - 3000, 60)));
    const record: RenderRecord = { tags: new Set(), expiresAt: Number.POSITIVE_INFINITY, dataSince: now };
    await renderScope.run(record, async () => {
      await handler.get(read, []);
      await handler.set(unique(), Promise.resolve(entry(['comments:7'], now, 900)));
    });
    expect([...record.tags].sort()).toEqual(['comments:7', 'sections']);
    expect(record.expiresAt).toBe(now - 3000 + 60_000);
    expect(record.dataSince).toBe(now - 3000);
  });

  it('keeps the time of the latest invalidation of any of several tags', () => {
    const [a, b] = [unique(), unique()];
    expect(lastInvalidated([a, b])).toBe(0);
    invalidateTags([a]);
    expect(lastInvalidated([a, b])).toBeGreaterThan(0);
  });

  it('with a read margin (read replicas), serves an entry made just after an invalidation only until the replica must have caught up', async () => {
    const tag = `article:${unique()}`;
    const [early, late] = [unique(), unique()];
    setReadMargin(300);
    try {
      invalidateTags([tag]);
      const invalidated = lastInvalidated([tag]);
      // Made 50 ms after the edit, perhaps from a replica that had not replayed it: served for now...
      await handler.set(early, Promise.resolve(entry([tag], invalidated + 50)));
      // ...while one made after the margin was read from a replica that had the edit.
      await handler.set(late, Promise.resolve(entry([tag], invalidated + 301)));
      expect(await handler.get(early, [])).toBeDefined();
      expect(isCurrent([tag], invalidated + 50)).toBe(true);
      // The page cache asks the same question (server/page-store.ts): made again once the margin has passed.
      await new Promise((resolve) => setTimeout(resolve, 320));
      expect(isCurrent([tag], invalidated + 50)).toBe(false);
      expect(await handler.get(early, [])).toBeUndefined();
      expect(isCurrent([tag], invalidated + 301)).toBe(true);
      expect(await handler.get(late, [])).toBeDefined();
      // Made before the invalidation: never served, margin or not.
      expect(isCurrent([tag], invalidated - 1)).toBe(false);
    } finally {
      setReadMargin(0);
    }
    // Without a margin (no replicas) an entry made after the invalidation is current at once and stays so.
    expect(isCurrent([tag], lastInvalidated([tag]) + 1)).toBe(true);
  });
});
