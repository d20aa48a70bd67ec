import 'server-only';

import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import { articles } from '@/db/schema';

/**
 * The one rule for "a reader may see this story": published, due, and not expired. Every public read uses it
 * (pass an alias of `articles` for joins), so a scheduled story goes live at its minute without a cron and an
 * expired one disappears at its minute.
 */
type VisibilityColumns = { status: AnyPgColumn; publishedAt: AnyPgColumn; unpublishAt: AnyPgColumn };

export function isPublic(table: VisibilityColumns = articles): SQL {
  return sql`(${table.status} = 'published' and ${table.publishedAt} <= now() and (${table.unpublishAt} is null or ${table.unpublishAt} > now()))`;
}
