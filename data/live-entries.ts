import 'server-only';

import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';

import { getDb, getPublicDb, type Transaction } from '@/db/client';
import { articles, images, liveEntries, users } from '@/db/schema';
import { isPublic } from '@/db/visibility';
import { auditSubjects } from '@/lib/audit-subjects';
import { cacheTags } from '@/lib/cache-tags';
import { env } from '@/lib/env';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import {
  LIVE_CHANNEL,
  LIVE_PAGE_SIZE,
  entrySummary,
  formatLiveNotice,
  livePageCount,
  livePageOf,
  plainText,
  renderLiveEntry,
  type LiveNotice,
} from '@/lib/live-blog';
import { assertCan, can } from '@/lib/permissions';
import type { LiveEntryInput } from '@/lib/validation/live-entries';

import { recordAudit } from './audit';
import { isSerialId } from './cache-arguments';
import { selectPublicLiveEntries } from './live-stream';
import type { Viewer } from './viewer';

/**
 * Live blogs (docs/adr/0026): the public page's cached read, the dashboard's list, and the staff's writes. Every write
 * is one transaction that records its audit entry and notifies LIVE_CHANNEL (delivered at commit, to every instance's
 * live hub); the action then invalidates the article's cache tag, which the page cache follows.
 */

export type LiveBlogPage = {
  articleId: number;
  /** ISO time the blog was closed, or null while it runs. */
  closedAt: string | null;
  page: number;
  pageCount: number;
  /** Entries, the pinned one left out. */
  total: number;
  /** On the first page only. */
  pinned: { id: number; html: string } | null;
  entries: { id: number; html: string; summary: string; postedAt: string; updatedAt: string | null }[];
  /** Every key event, newest first, with the page that shows it. */
  keyEvents: { id: number; summary: string; postedAt: string; page: number }[];
  /** The newest entry's time (the page's "updated"), or null. */
  latestAt: string | null;
  /** The highest entry id: the live stream resumes after it. */
  lastId: number;
};

/**
 * Public: a page of a live blog's entries, rendered, newest first; the pinned entry above them on the first page,
 * and the key events' summary. Null for a story that is not a public live blog, or a page past the end. Tagged with
 * the article, so each entry (and each change to the story) replaces it.
 */
export async function getLiveBlogPage(articleId: number, page: number): Promise<LiveBlogPage | null> {
  'use cache';
  if (!isSerialId(articleId) || !isSerialId(page)) {
    cacheLife('days');
    return null;
  }
  cacheTag(cacheTags.article(articleId));
  cacheLife('days');
  const db = getPublicDb();
  const [story] = await db
    .select({ closedAt: articles.liveClosedAt })
    .from(articles)
    .where(and(eq(articles.id, articleId), eq(articles.format, 'live'), isPublic()))
    .limit(1);
  if (!story) return null;

  const notPinned = sql`not ${liveEntries.pinned}`;
  const [[totals], pinned, entries, keyRows] = await Promise.all([
    db
      .select({ total: sql<number>`(count(*) filter (where not ${liveEntries.pinned}))::int`, lastId: sql<number>`coalesce(max(${liveEntries.id}), 0)::int`, latestAt: sql<Date | null>`max(${liveEntries.postedAt})` })
      .from(liveEntries)
      .where(eq(liveEntries.articleId, articleId)),
    page === 1 ? selectPublicLiveEntries(articleId, sql`${liveEntries.pinned}`, { limit: 1 }, db) : Promise.resolve([]),
    selectPublicLiveEntries(articleId, notPinned, { limit: LIVE_PAGE_SIZE, offset: (page - 1) * LIVE_PAGE_SIZE }, db),
    db
      .select({ id: sql<number>`k.id`, title: sql<string>`k.title`, body: sql<string>`k.body`, postedAt: sql<Date>`k.posted_at`, place: sql<number>`k.place` })
      .from(
        sql`(select id, title, body, posted_at, key_event, pinned, (row_number() over (partition by pinned order by posted_at desc, id desc) - 1)::int as place
             from ${liveEntries} where ${liveEntries.articleId} = ${articleId}) as k`,
      )
      .where(sql`k.key_event`)
      .orderBy(sql`k.posted_at desc`, sql`k.id desc`)
      .then((rows) => rows.map((row) => ({ ...row, postedAt: new Date(row.postedAt) }))),
  ]);
  const total = totals?.total ?? 0;
  const pageCount = livePageCount(total);
  if (page > pageCount) return null;

  const zone = env().SITE_TIMEZONE;
  const pinnedIds = new Set(pinned.map((entry) => entry.id));
  return {
    articleId,
    closedAt: story.closedAt?.toISOString() ?? null,
    page,
    pageCount,
    total,
    pinned: pinned[0] ? { id: pinned[0].id, html: renderLiveEntry(pinned[0], zone) } : null,
    entries: entries.map((entry) => ({
      id: entry.id,
      html: renderLiveEntry(entry, zone),
      summary: entrySummary(entry),
      postedAt: entry.postedAt.toISOString(),
      updatedAt: entry.updatedAt?.toISOString() ?? null,
    })),
    keyEvents: keyRows.map((row) => ({
      id: row.id,
      summary: entrySummary(row),
      postedAt: row.postedAt.toISOString(),
      // The pinned entry is on the first page, above the others.
      page: pinnedIds.has(row.id) ? 1 : livePageOf(row.place),
    })),
    latestAt: totals?.latestAt ? new Date(totals.latestAt).toISOString() : null,
    lastId: totals?.lastId ?? 0,
  };
}

/**
 * Proxy: whether a public live blog has page `page` of entries. A page past the last answers 404 before the page
 * streams (its status can no longer change once it does, docs/adr/0001).
 */
export async function livePageExists(articleId: number, page: number): Promise<boolean> {
  if (page === 1) return true;
  const [row] = await getPublicDb()
    .select({ total: sql<number>`count(*)::int` })
    .from(liveEntries)
    .where(and(eq(liveEntries.articleId, articleId), sql`not ${liveEntries.pinned}`));
  return (row?.total ?? 0) > (page - 1) * LIVE_PAGE_SIZE;
}

/** Public: the newest entries of a public live blog (at most `limit`), for the story's feed. */
export async function listLiveEntriesForFeed(articleId: number, limit = 50): Promise<{ id: number; title: string; text: string; postedAt: string; authorName: string | null }[]> {
  'use cache';
  if (!isSerialId(articleId) || !isSerialId(limit)) return [];
  cacheTag(cacheTags.article(articleId));
  cacheLife('days');
  const entries = await selectPublicLiveEntries(articleId, undefined, { limit: Math.min(limit, 100) }, getPublicDb());
  return entries.map((entry) => ({ id: entry.id, title: entrySummary(entry), text: plainText(entry.body), postedAt: entry.postedAt.toISOString(), authorName: entry.authorName }));
}

// ——— Staff ———

/**
 * Who may write a story's entries, as SQL: editors any story, contributors their own until it is published. The
 * same rule as lib/permissions.ts#mayEditStory, applied in the WHERE clause so a story changing hands meanwhile is
 * seen by the write itself.
 */
function editableBy(viewer: Viewer): SQL {
  return can(viewer, 'article:publish') ? sql`true` : sql`(${articles.createdBy} = ${viewer.id} and ${articles.status} <> 'published')`;
}

/** Locks the live blog for a write by `viewer`: NotFound when there is no such live blog, Forbidden when not theirs. */
async function lockLiveStory(tx: Transaction, viewer: Viewer, articleId: number): Promise<{ closedAt: Date | null }> {
  const [row] = await tx
    .select({ closedAt: articles.liveClosedAt })
    .from(articles)
    .where(and(eq(articles.id, articleId), eq(articles.format, 'live'), editableBy(viewer)))
    .for('update')
    .limit(1);
  if (row) return row;
  const [exists] = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.id, articleId), eq(articles.format, 'live')))
    .limit(1);
  throw exists ? new ForbiddenError() : new NotFoundError();
}

/** The article an entry belongs to, locked for a write by `viewer`, with the entry as it stands. */
async function lockEntry(tx: Transaction, viewer: Viewer, entryId: number) {
  const [entry] = await tx.select().from(liveEntries).where(eq(liveEntries.id, entryId)).limit(1);
  if (!entry) throw new NotFoundError();
  const story = await lockLiveStory(tx, viewer, entry.articleId);
  return { entry, story };
}

async function notify(tx: Transaction, notice: LiveNotice): Promise<void> {
  // Delivered when the transaction commits (never for one rolled back), to every LISTENing instance.
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${formatLiveNotice(notice)})`);
}

async function checkPicture(tx: Transaction, imageId: number | null): Promise<void> {
  if (imageId === null) return;
  const [image] = await tx.select({ id: images.id }).from(images).where(eq(images.id, imageId)).limit(1);
  if (!image) throw new InvalidInputError('imageId', 'There is no picture with that number in the library.');
}

/** One pinned entry per story: pinning one unpins the other (the partial unique index enforces it). */
async function unpinOthers(tx: Transaction, articleId: number, exceptId: number | null): Promise<void> {
  await tx
    .update(liveEntries)
    .set({ pinned: false })
    .where(and(eq(liveEntries.articleId, articleId), eq(liveEntries.pinned, true), exceptId === null ? undefined : sql`${liveEntries.id} <> ${exceptId}`));
}

export type LiveTouched = { articleId: number; entryId: number };

/** Staff who may edit the story: posts an entry (now). Refused on a closed live blog. */
export async function postLiveEntry(viewer: Viewer | null, articleId: number, input: LiveEntryInput, now = new Date()): Promise<LiveTouched> {
  assertCan(viewer, 'article:write');
  return getDb().transaction(async (tx) => {
    const story = await lockLiveStory(tx, viewer, articleId);
    if (story.closedAt) throw new InvalidInputError('body', 'This live blog is closed: reopen it to post.');
    await checkPicture(tx, input.imageId);
    if (input.pinned) await unpinOthers(tx, articleId, null);
    const [created] = await tx
      .insert(liveEntries)
      .values({ articleId, ...input, authorId: viewer.id, postedAt: now })
      .returning({ id: liveEntries.id });
    const entryId = created!.id;
    await recordAudit(tx, { actorId: viewer.id, action: 'article.live-post', subject: auditSubjects.article(articleId), after: { id: entryId, ...input } });
    await notify(tx, { articleId, entryId, what: 'posted' });
    return { articleId, entryId };
  });
}

/** Staff who may edit the story: changes an entry (its time stays; it is marked edited). */
export async function editLiveEntry(viewer: Viewer | null, entryId: number, input: LiveEntryInput, now = new Date()): Promise<LiveTouched> {
  assertCan(viewer, 'article:write');
  return getDb().transaction(async (tx) => {
    const { entry } = await lockEntry(tx, viewer, entryId);
    await checkPicture(tx, input.imageId);
    if (input.pinned) await unpinOthers(tx, entry.articleId, entryId);
    await tx
      .update(liveEntries)
      .set({ ...input, updatedAt: now })
      .where(eq(liveEntries.id, entryId));
    const before = { title: entry.title, body: entry.body, imageId: entry.imageId, imageAlt: entry.imageAlt, keyEvent: entry.keyEvent, pinned: entry.pinned };
    await recordAudit(tx, { actorId: viewer.id, action: 'article.live-edit', subject: auditSubjects.article(entry.articleId), before: { id: entryId, ...before }, after: { id: entryId, ...input } });
    await notify(tx, { articleId: entry.articleId, entryId, what: 'edited' });
    return { articleId: entry.articleId, entryId };
  });
}

/** Staff who may edit the story: pins an entry (unpinning the one pinned before) or unpins it; marks or unmarks a key event. */
export async function setLiveEntryFlag(viewer: Viewer | null, entryId: number, flag: 'pinned' | 'keyEvent', value: boolean): Promise<LiveTouched> {
  assertCan(viewer, 'article:write');
  return getDb().transaction(async (tx) => {
    const { entry } = await lockEntry(tx, viewer, entryId);
    if (flag === 'pinned' && value) await unpinOthers(tx, entry.articleId, entryId);
    await tx
      .update(liveEntries)
      .set(flag === 'pinned' ? { pinned: value } : { keyEvent: value })
      .where(eq(liveEntries.id, entryId));
    const subject = auditSubjects.article(entry.articleId);
    const change = { before: { id: entryId, [flag]: entry[flag] }, after: { id: entryId, [flag]: value } };
    if (flag === 'pinned') await recordAudit(tx, { actorId: viewer.id, action: value ? 'article.live-pin' : 'article.live-unpin', subject, ...change });
    else await recordAudit(tx, { actorId: viewer.id, action: value ? 'article.live-key' : 'article.live-unkey', subject, ...change });
    await notify(tx, { articleId: entry.articleId, entryId, what: 'edited' });
    return { articleId: entry.articleId, entryId };
  });
}

/** Staff who may edit the story: deletes an entry. */
export async function deleteLiveEntry(viewer: Viewer | null, entryId: number): Promise<LiveTouched> {
  assertCan(viewer, 'article:write');
  return getDb().transaction(async (tx) => {
    const { entry } = await lockEntry(tx, viewer, entryId);
    await tx.delete(liveEntries).where(eq(liveEntries.id, entryId));
    await recordAudit(tx, { actorId: viewer.id, action: 'article.live-delete', subject: auditSubjects.article(entry.articleId), before: { id: entryId, title: entry.title, body: entry.body } });
    await notify(tx, { articleId: entry.articleId, entryId, what: 'removed' });
    return { articleId: entry.articleId, entryId };
  });
}

/**
 * Staff who may edit the story: closes the live blog (it then reads as an ordinary article, its coverage ending
 * now), or reopens it.
 */
export async function closeLiveBlog(viewer: Viewer | null, articleId: number, closed: boolean, now = new Date()): Promise<{ articleId: number }> {
  assertCan(viewer, 'article:write');
  return getDb().transaction(async (tx) => {
    const story = await lockLiveStory(tx, viewer, articleId);
    if ((story.closedAt !== null) === closed) return { articleId };
    await tx
      .update(articles)
      .set({ liveClosedAt: closed ? now : null })
      .where(eq(articles.id, articleId));
    const subject = auditSubjects.article(articleId);
    if (closed) await recordAudit(tx, { actorId: viewer.id, action: 'article.live-close', subject, after: { liveClosedAt: now.toISOString() } });
    else await recordAudit(tx, { actorId: viewer.id, action: 'article.live-reopen', subject, before: { liveClosedAt: story.closedAt?.toISOString() ?? null } });
    await notify(tx, { articleId, entryId: 0, what: closed ? 'closed' : 'edited' });
    return { articleId };
  });
}

export type LiveDeskEntry = { id: number; title: string; body: string; imageId: number | null; imageAlt: string; keyEvent: boolean; pinned: boolean; postedAt: string; updatedAt: string | null; authorName: string | null };

/** The dashboard: a live blog's state and every entry, newest first (pinned first). Never cached. */
export async function getLiveDesk(viewer: Viewer | null, articleId: number): Promise<{ closedAt: string | null; entries: LiveDeskEntry[] }> {
  assertCan(viewer, 'article:write');
  const db = getDb();
  const [story] = await db
    .select({ closedAt: articles.liveClosedAt })
    .from(articles)
    .where(and(eq(articles.id, articleId), eq(articles.format, 'live'), editableBy(viewer)))
    .limit(1);
  if (!story) throw new NotFoundError();
  const rows = await db
    .select({
      id: liveEntries.id,
      title: liveEntries.title,
      body: liveEntries.body,
      imageId: liveEntries.imageId,
      imageAlt: liveEntries.imageAlt,
      keyEvent: liveEntries.keyEvent,
      pinned: liveEntries.pinned,
      postedAt: liveEntries.postedAt,
      updatedAt: liveEntries.updatedAt,
      authorName: users.name,
    })
    .from(liveEntries)
    .leftJoin(users, eq(users.id, liveEntries.authorId))
    .where(eq(liveEntries.articleId, articleId))
    .orderBy(desc(liveEntries.pinned), desc(liveEntries.postedAt), desc(liveEntries.id))
    .limit(500);
  return {
    closedAt: story.closedAt?.toISOString() ?? null,
    entries: rows.map((row) => ({ ...row, postedAt: row.postedAt.toISOString(), updatedAt: row.updatedAt?.toISOString() ?? null, authorName: row.authorName || null })),
  };
}
