import 'server-only';

import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';

import { getDb, type Database } from '@/db/client';
import { articles, images, liveEntries, users } from '@/db/schema';
import { isPublic } from '@/db/visibility';
import type { LiveEntryView } from '@/lib/live-blog';

/**
 * Live entries as the page and the live stream read them (docs/adr/0026). Uncached and free of next/cache, so the
 * front's live hub (server/live-hub.ts, outside Next) reads with it too. Only entries of a public live blog.
 */

export const liveEntryColumns = {
  id: liveEntries.id,
  title: liveEntries.title,
  body: liveEntries.body,
  keyEvent: liveEntries.keyEvent,
  pinned: liveEntries.pinned,
  postedAt: liveEntries.postedAt,
  updatedAt: liveEntries.updatedAt,
  authorName: users.name,
  imageAlt: liveEntries.imageAlt,
  fileName: images.fileName,
  width: images.width,
  height: images.height,
};

/** A row as the query reads it: the view's own fields, and the picture's columns flat (null without one). */
type EntryRow = Omit<LiveEntryView, 'picture'> & { imageAlt: string; fileName: string | null; width: number | null; height: number | null };

export function toLiveEntryView(row: EntryRow): LiveEntryView {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    keyEvent: row.keyEvent,
    pinned: row.pinned,
    postedAt: row.postedAt,
    updatedAt: row.updatedAt,
    authorName: row.authorName || null,
    picture: row.fileName && row.width && row.height ? { fileName: row.fileName, width: row.width, height: row.height, alt: row.imageAlt } : null,
  };
}

/** Entries of the public live blog `articleId` matching `where`, newest first. */
export async function selectPublicLiveEntries(articleId: number, where: SQL | undefined, options: { limit: number; offset?: number }, db: Database = getDb()): Promise<LiveEntryView[]> {
  const rows = await db
    .select(liveEntryColumns)
    .from(liveEntries)
    .innerJoin(articles, eq(articles.id, liveEntries.articleId))
    .leftJoin(users, eq(users.id, liveEntries.authorId))
    .leftJoin(images, eq(images.id, liveEntries.imageId))
    .where(and(eq(liveEntries.articleId, articleId), eq(articles.format, 'live'), isPublic(), where))
    .orderBy(desc(liveEntries.postedAt), desc(liveEntries.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);
  return rows.map(toLiveEntryView);
}

/** The live hub: one entry of a public live blog, or null (deleted since, or the story is not public). */
export async function readPublicLiveEntry(articleId: number, entryId: number, db: Database = getDb()): Promise<LiveEntryView | null> {
  const [entry] = await selectPublicLiveEntries(articleId, eq(liveEntries.id, entryId), { limit: 1 }, db);
  return entry ?? null;
}

/** The live hub, for a reader who reconnects: the entries posted after the last one they had, oldest first. */
export async function readPublicLiveEntriesAfter(articleId: number, afterId: number, db: Database = getDb()): Promise<LiveEntryView[]> {
  const entries = await selectPublicLiveEntries(articleId, gt(liveEntries.id, afterId), { limit: 50 }, db);
  return entries.reverse();
}

/** Whether the story is a public live blog still running, and its highest entry id (the hub refuses streams for anything else). */
export async function readLiveState(articleId: number, db: Database = getDb()): Promise<{ running: boolean; lastId: number }> {
  const [row] = await db
    .select({ lastId: sql<number>`coalesce(max(${liveEntries.id}), 0)::int` })
    .from(articles)
    .leftJoin(liveEntries, eq(liveEntries.articleId, articles.id))
    .where(and(eq(articles.id, articleId), eq(articles.format, 'live'), sql`${articles.liveClosedAt} is null`, isPublic()))
    .groupBy(articles.id);
  return row ? { running: true, lastId: row.lastId } : { running: false, lastId: 0 };
}
