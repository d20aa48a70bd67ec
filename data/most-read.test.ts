import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { cacheTags } from '@/lib/cache-tags';
import { recorded } from '@/test/stubs/next-cache';
import { createFactory } from '@/test/factories';

import { listMostRead, viewsForArticles } from './most-read';

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
});

const HOUR_MS = 3_600_000;
const hoursAgo = (hours: number) => new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS - hours * HOUR_MS);

async function views(articleId: number, hour: Date, count: number) {
  await getDb().execute(sql`insert into article_views (article_id, hour, views) values (${articleId}, ${hour.toISOString()}, ${count})`);
}

describe('listMostRead', () => {
  it('ranks public stories by their views in the last 24 hours, and is cached for a few minutes', async () => {
    const section = await factory.section('Most read');
    const top = await factory.article({ sectionId: section.id, headline: 'Read by many' });
    const second = await factory.article({ sectionId: section.id, headline: 'Read by some' });
    const old = await factory.article({ sectionId: section.id, headline: 'Read by many, last week' });
    const draft = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null });
    const expired = await factory.article({ sectionId: section.id, unpublishAt: new Date(Date.now() - 1000) });
    await views(top.id, hoursAgo(0), 30);
    await views(top.id, hoursAgo(23), 30);
    await views(second.id, hoursAgo(1), 50);
    await views(old.id, hoursAgo(24), 1000);
    await views(old.id, hoursAgo(0), 1);
    await views(draft.id, hoursAgo(0), 5000);
    await views(expired.id, hoursAgo(0), 5000);

    const ids = (await listMostRead()).map((story) => story.id);
    expect(ids.slice(0, 3)).toEqual([top.id, second.id, old.id]);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(expired.id);
    expect(recorded.tags).toContain(cacheTags.mostRead());
    expect(recorded.lives.at(-1)).toMatchObject({ revalidate: expect.any(Number) });
    expect((recorded.lives.at(-1) as { revalidate: number }).revalidate).toBeLessThanOrEqual(300);
  });
});

describe('viewsForArticles', () => {
  it('gives each story its last 24 hours and its total, and nothing for a story never read', async () => {
    const section = await factory.section('Most read');
    const story = await factory.article({ sectionId: section.id });
    const unread = await factory.article({ sectionId: section.id });
    await views(story.id, hoursAgo(0), 3);
    await views(story.id, hoursAgo(5), 4);
    await views(story.id, hoursAgo(48), 10);
    const byId = await viewsForArticles([story.id, unread.id]);
    expect(byId.get(story.id)).toEqual({ day: 7, total: 17 });
    expect(byId.has(unread.id)).toBe(false);
  });
});
