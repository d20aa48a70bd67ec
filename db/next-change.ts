import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

import { articles, breakingNews } from './schema';
import { isScheduled } from './visibility';

/**
 * The next moment the public site changes by itself, without anyone saving anything: a scheduled story falls due,
 * a story expires, or a breaking-news banner runs out. Cached lists never outlive it (data/cache-life.ts), and the
 * site's scheduler invalidates the cached pages at it (server/database-watch.ts). One column, `next` (null: none).
 */
export const nextPublicChange = sql`
  select least(
    (select min(${articles.publishedAt}) from ${articles} where ${isScheduled()}),
    (select min(${articles.unpublishAt}) from ${articles} where ${articles.unpublishAt} > now()),
    (select min(${breakingNews.expiresAt}) from ${breakingNews} where ${breakingNews.liftedAt} is null and ${breakingNews.expiresAt} > now())
  ) as next`;

/** The same query as text, for the scheduler's own connection, which runs it without Drizzle. */
export const NEXT_PUBLIC_CHANGE_SQL = new PgDialect().sqlToQuery(nextPublicChange).sql;
