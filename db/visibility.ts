import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import { articles } from './schema';

/**
 * Where a story stands with readers, as SQL: the one home of the published, scheduled and expired rules. Public
 * reads, the dashboard's desk, the next scheduled change and the demo seed all use these; they live in db/ rather
 * than data/ so that code outside the data layer (the seed, the scheduler) can use them too. Pass an alias of
 * `articles` for joins.
 */
type PublicationColumns = { status: AnyPgColumn; publishedAt: AnyPgColumn; unpublishAt: AnyPgColumn };

/**
 * A reader may see it: published, due, and not expired. Checked against the clock in every query, so a scheduled
 * story goes live at its minute without a cron and an expired one disappears at its minute.
 */
export function isPublic(table: PublicationColumns = articles): SQL {
  return sql`(${table.status} = 'published' and ${table.publishedAt} <= now() and (${table.unpublishAt} is null or ${table.unpublishAt} > now()))`;
}

/** Published for a minute still to come. */
export function isScheduled(table: PublicationColumns = articles): SQL {
  return sql`(${table.status} = 'published' and ${table.publishedAt} > now())`;
}

/** Was public, and its unpublish time has passed. */
export function isExpired(table: PublicationColumns = articles): SQL {
  return sql`(${table.status} = 'published' and ${table.publishedAt} <= now() and ${table.unpublishAt} <= now())`;
}
