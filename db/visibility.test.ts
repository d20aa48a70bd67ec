import { and, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { createFactory, daysAgo, inDays } from '@/test/factories';

import { isExpired, isPublic, isScheduled } from './visibility';

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
});

describe('where a story stands with readers', () => {
  it('tells a draft, a story in review, a scheduled, a public and an expired story apart, each by one rule only', async () => {
    const { id: sectionId } = await factory.section();
    const story = {
      draft: await factory.article({ sectionId, status: 'draft', publishedAt: null }),
      inReview: await factory.article({ sectionId, status: 'in_review', publishedAt: null }),
      scheduled: await factory.article({ sectionId, publishedAt: inDays(2) }),
      scheduledToEnd: await factory.article({ sectionId, publishedAt: inDays(2), unpublishAt: inDays(3) }),
      live: await factory.article({ sectionId, publishedAt: daysAgo(5) }),
      liveToEnd: await factory.article({ sectionId, publishedAt: daysAgo(5), unpublishAt: inDays(1) }),
      expired: await factory.article({ sectionId, publishedAt: daysAgo(5), unpublishAt: daysAgo(1) }),
    };
    const ids = Object.values(story).map((article) => article.id);
    const matching = async (rule: ReturnType<typeof isPublic>) =>
      (await getDb().select({ id: articles.id }).from(articles).where(and(inArray(articles.id, ids), rule))).map((row) => row.id).sort((a, b) => a - b);

    expect(await matching(isPublic())).toEqual([story.live.id, story.liveToEnd.id]);
    expect(await matching(isScheduled())).toEqual([story.scheduled.id, story.scheduledToEnd.id]);
    expect(await matching(isExpired())).toEqual([story.expired.id]);
  });
});
