import 'server-only';

import { sql } from 'drizzle-orm';

import type { Database } from '@/db/client';
import { articles } from '@/db/schema';
import { isPublic } from '@/db/visibility';

/**
 * The front's view counter's two queries (server/view-counter.ts, docs/adr/0027). It runs them on a small pool of
 * its own (`db`), so that a second's batch of views never waits behind page renders for a connection.
 */

/** One story's views in one clock hour (`hour`: its start, epoch ms). */
export type TallyRow = { articleId: number; hour: number; views: number };

/** One statement for a whole tally; rows of stories deleted meanwhile are left out rather than failing the rest. */
export async function writeViewTally(db: Database, rows: TallyRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((row) => ({ article_id: row.articleId, hour: new Date(row.hour).toISOString(), views: row.views })));
  await db.execute(sql`
    insert into article_views (article_id, hour, views)
    select v.article_id, v.hour, v.views
    from json_to_recordset(${json}::json) as v(article_id int, hour timestamptz, views int)
    where exists (select 1 from articles where articles.id = v.article_id)
    on conflict (article_id, hour) do update set views = article_views.views + excluded.views`);
}

/** The ids of the stories readers may see now (db/visibility's rule). */
export async function loadPublicArticleIds(db: Database): Promise<number[]> {
  const rows = await db.select({ id: articles.id }).from(articles).where(isPublic());
  return rows.map((row) => row.id);
}
