import 'server-only';

import { asc, eq, inArray, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';

import { getPublicDb } from '@/db/client';
import { articleTags, articles, tags } from '@/db/schema';
import { cacheTags } from '@/lib/cache-tags';
import type { ArticleCard } from '@/lib/dto';

import { isSerialId } from './cache-arguments';
import { HOUR, getNextScheduledChange, lifetimeUntil } from './cache-life';
import { selectPublicCards } from './cards';

export const FEED_SIZE = 50;

export type FeedScope = { kind: 'all' } | { kind: 'section'; id: number } | { kind: 'tag'; id: number } | { kind: 'author'; id: number };

export type FeedEntry = ArticleCard & { tags: string[] };

function scopeFilter(scope: FeedScope) {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'section':
      return sql`${articles.sectionId} = ${scope.id}`;
    case 'tag':
      return sql`${articles.id} in (select article_id from article_tags where tag_id = ${scope.id})`;
    case 'author':
      return sql`${articles.id} in (select article_id from article_authors where author_id = ${scope.id})`;
  }
}

/** Public: the newest public stories of a feed, with their tag names. */
export async function listFeedEntries(scope: FeedScope): Promise<FeedEntry[]> {
  'use cache';
  cacheTag(cacheTags.articles());
  cacheLife(lifetimeUntil(await getNextScheduledChange(), HOUR));
  if (scope.kind !== 'all' && !isSerialId(scope.id)) return [];
  const cards = await selectPublicCards({ where: scopeFilter(scope), limit: FEED_SIZE });
  if (cards.length === 0) return [];
  const rows = await getPublicDb()
    .select({ articleId: articleTags.articleId, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(inArray(articleTags.articleId, cards.map((card) => card.id)))
    .orderBy(asc(tags.name));
  return cards.map((card) => ({ ...card, tags: rows.filter((row) => row.articleId === card.id).map((row) => row.name) }));
}
