import 'server-only';

import { inArray, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';

import { getDb, getReplicaDb, type Database } from '@/db/client';
import { articles, articleViews } from '@/db/schema';
import { isPublic } from '@/db/visibility';
import { cacheTags } from '@/lib/cache-tags';
import type { ArticleCard } from '@/lib/dto';

import { getNextScheduledChange, lifetimeUntil, MINUTE } from './cache-life';
import { selectPublicCards } from './cards';

/** Stories in the rail. */
export const MOST_READ_LIMIT = 5;
/** How often the rail is read again (and, with it, the pages that show it are rendered again). */
export const MOST_READ_REFRESH_SECONDS = 5 * MINUTE;

/** The last 24 hours: the current hour's bucket and the 23 before it. */
const LAST_DAY = sql`${articleViews.hour} > now() - interval '24 hours'`;

/** The ids of the public stories most read in the last 24 hours, most read first (ties: the newer story). */
export async function mostReadIds(limit: number, db: Database = getDb()): Promise<number[]> {
  const rows = await db
    .select({ id: articleViews.articleId })
    .from(articleViews)
    .innerJoin(articles, sql`${articles.id} = ${articleViews.articleId}`)
    .where(sql`${LAST_DAY} and ${isPublic()}`)
    .groupBy(articleViews.articleId, articles.publishedAt)
    .orderBy(sql`sum(${articleViews.views}) desc`, sql`${articles.publishedAt} desc`, sql`${articleViews.articleId} desc`)
    .limit(limit);
  return rows.map((row) => row.id);
}

/**
 * Public: the "Most read" rail of the front page and the article sidebar. Cached for a few minutes: the counts
 * change every second, the rail need not (docs/adr/0027). Public stories only, as cards.
 */
export async function listMostRead(): Promise<ArticleCard[]> {
  'use cache';
  cacheTag(cacheTags.articles(), cacheTags.mostRead());
  cacheLife(lifetimeUntil(await getNextScheduledChange(), MOST_READ_REFRESH_SECONDS));
  const db = getReplicaDb();
  const ids = await mostReadIds(MOST_READ_LIMIT, db);
  if (ids.length === 0) return [];
  const cards = await selectPublicCards({ where: inArray(articles.id, ids), limit: ids.length, db });
  const byId = new Map(cards.map((card) => [card.id, card]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Staff only (the caller checks): each story's views in the last 24 hours and in all, for the desk. */
export async function viewsForArticles(ids: number[], db: Database = getDb()): Promise<Map<number, { day: number; total: number }>> {
  const views = new Map<number, { day: number; total: number }>();
  if (ids.length === 0) return views;
  const rows = await db
    .select({
      id: articleViews.articleId,
      day: sql<number>`coalesce(sum(${articleViews.views}) filter (where ${LAST_DAY}), 0)::int`,
      total: sql<number>`sum(${articleViews.views})::int`,
    })
    .from(articleViews)
    .where(inArray(articleViews.articleId, ids))
    .groupBy(articleViews.articleId);
  for (const row of rows) views.set(row.id, { day: row.day, total: row.total });
  return views;
}
