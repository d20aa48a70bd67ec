import 'server-only';

import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';

import { getDb, type Database, type Transaction } from '@/db/client';
import { articles, commentLikes, commentReports, comments, users } from '@/db/schema';
import { isPublic } from '@/db/visibility';
import { cacheTags } from '@/lib/cache-tags';
import { THREAD_SORTS, orderThread, type ThreadQuery, type ThreadSort } from '@/lib/comment-order';
import { ACTIVE_STANDING, commentStanding, type CommentStanding } from '@/lib/comment-standing';
import type { CommentReportReason } from '@/lib/editorial';
import { CommentRefusedError } from '@/lib/errors';
import { DELETED_ACCOUNT_NAME, MODERATION, commentsOpen, holdReason, type HoldReason } from '@/lib/moderation';
import { isSerialId } from './cache-arguments';
import { recordReplyNotification } from './notifications';
import type { Viewer } from './viewer';

export const THREAD_PAGE_SIZE = 20;

export type CommentView = {
  id: number;
  /** No account id: this is cached and public ("is this mine?" is ViewerThreadState.ownIds, per request). */
  authorName: string;
  authorRole: string;
  body: string;
  createdAt: string;
  isEdited: boolean;
  isDeleted: boolean;
  isFeatured: boolean;
  likeCount: number;
  replies: CommentView[];
};

export type Thread = {
  comments: CommentView[];
  /** Top-level threads (what the pages count). */
  total: number;
  /** Every published comment and reply (what readers are told). */
  count: number;
  page: number;
  pageCount: number;
  sort: ThreadSort;
  isOpen: boolean;
};

/** Top-level comments readers can see: published ones, and deleted ones that still hold visible replies. */
const visibleTopLevel = (articleId: number) =>
  sql`${comments.articleId} = ${articleId} and ${comments.parentId} is null and (${comments.status} = 'published' or (${comments.status} = 'deleted' and exists (select 1 from comments r where r.parent_id = ${comments.id} and r.status = 'published')))`;

type ThreadIndex = { isOpen: boolean; order: number[]; count: number; parents: [number, number][] };

/** The order of an article's top-level threads for one sort, and where each reply lives. Cached with the thread. */
async function getThreadIndex(articleId: number, sort: ThreadSort): Promise<ThreadIndex | null> {
  'use cache';
  cacheTag(cacheTags.comments(articleId));
  cacheLife('hours');
  if (!isSerialId(articleId)) return null;
  const db = getDb();
  const [article] = await db
    .select({ publishedAt: articles.publishedAt, closed: articles.commentsClosed })
    .from(articles)
    .where(and(eq(articles.id, articleId), isPublic()))
    .limit(1);
  if (!article?.publishedAt) return null;
  const [tops, replies, likes] = await Promise.all([
    db
      .select({ id: comments.id, createdAt: comments.createdAt, likes: comments.likeCount, featuredAt: comments.featuredAt, status: comments.status })
      .from(comments)
      .where(visibleTopLevel(articleId)),
    db
      .select({ id: comments.id, parentId: comments.parentId })
      .from(comments)
      .where(and(eq(comments.articleId, articleId), eq(comments.status, 'published'), sql`${comments.parentId} is not null`)),
    sort === 'best'
      ? db
          .select({ userId: commentLikes.userId, createdAt: commentLikes.createdAt })
          .from(commentLikes)
          .innerJoin(comments, eq(comments.id, commentLikes.commentId))
          .where(eq(comments.articleId, articleId))
      : Promise.resolve([]),
  ]);
  return {
    isOpen: commentsOpen(article.publishedAt, article.closed),
    order: orderThread(tops, sort, likes),
    count: replies.length + tops.filter((top) => top.status === 'published').length,
    parents: replies.map((reply) => [reply.id, reply.parentId!]),
  };
}

/** Public: how many comments a story has (article cards). Cached under comments:{articleId}. */
export async function getCommentCount(articleId: number): Promise<number> {
  'use cache';
  cacheTag(cacheTags.comments(articleId));
  cacheLife('hours');
  if (!isSerialId(articleId)) return 0;
  const [row] = await getDb()
    .select({ count: count() })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), eq(comments.status, 'published')));
  return row?.count ?? 0;
}

/**
 * Public: one page of an article's thread in the chosen order, each top-level comment with its published replies.
 * With `focus` (a permalink), the page is the one that holds that comment. Cached under comments:{articleId}.
 */
export async function getThread(articleId: number, query: Partial<ThreadQuery> = {}): Promise<Thread> {
  'use cache';
  cacheTag(cacheTags.comments(articleId));
  cacheLife('hours');
  // Checked here, not trusted: this is callable with whatever its caller sends (data/cache-arguments.ts).
  const sort = THREAD_SORTS.find((known) => known === query.sort) ?? 'oldest';
  const focus = isSerialId(query.focus) ? query.focus : null;
  const index = await getThreadIndex(articleId, sort);
  if (!index) return { comments: [], total: 0, count: 0, page: 1, pageCount: 1, sort, isOpen: false };
  const pageCount = Math.max(1, Math.ceil(index.order.length / THREAD_PAGE_SIZE));
  let page = isSerialId(query.page) ? Math.min(query.page, pageCount) : 1;
  if (focus) {
    const top = new Map(index.parents).get(focus) ?? focus;
    const position = index.order.indexOf(top);
    if (position >= 0) page = Math.floor(position / THREAD_PAGE_SIZE) + 1;
  }
  const ids = index.order.slice((page - 1) * THREAD_PAGE_SIZE, page * THREAD_PAGE_SIZE);

  const db = getDb();
  const columns = {
    id: comments.id,
    parentId: comments.parentId,
    body: comments.body,
    status: comments.status,
    createdAt: comments.createdAt,
    editedAt: comments.editedAt,
    featuredAt: comments.featuredAt,
    likeCount: comments.likeCount,
    authorName: users.name,
    authorRole: users.role,
  };
  const [top, replies] = ids.length
    ? await Promise.all([
        // Left joins: a comment kept after its author deleted their account has no author any more.
        db.select(columns).from(comments).leftJoin(users, eq(users.id, comments.userId)).where(inArray(comments.id, ids)),
        db
          .select(columns)
          .from(comments)
          .leftJoin(users, eq(users.id, comments.userId))
          .where(and(inArray(comments.parentId, ids), eq(comments.status, 'published')))
          .orderBy(asc(comments.createdAt), asc(comments.id)),
      ])
    : [[], []];

  const view = (row: (typeof top)[number]): CommentView => {
    const isDeleted = row.status === 'deleted';
    return {
      id: row.id,
      authorName: isDeleted ? '' : (row.authorName ?? DELETED_ACCOUNT_NAME),
      authorRole: isDeleted ? 'reader' : (row.authorRole ?? 'reader'),
      body: isDeleted ? '' : row.body,
      createdAt: row.createdAt.toISOString(),
      isEdited: row.editedAt !== null,
      isDeleted,
      isFeatured: row.featuredAt !== null && !isDeleted,
      likeCount: row.likeCount,
      replies: [],
    };
  };
  const byId = new Map(top.map((row) => [row.id, view(row)]));
  for (const reply of replies) byId.get(reply.parentId!)?.replies.push(view(reply));
  return {
    comments: ids.map((id) => byId.get(id)).filter((comment): comment is CommentView => comment !== undefined),
    total: index.order.length,
    count: index.count,
    page,
    pageCount,
    sort,
    isOpen: index.isOpen,
  };
}

export type ViewerThreadState = {
  /** The viewer's own comments on this story that are not deleted (they may edit and delete these, not like them). */
  ownIds: number[];
  likedIds: number[];
  reportedIds: number[];
  /** The viewer's own comments that wait for a moderator: shown to them (marked) and to nobody else. */
  pending: { id: number; parentId: number | null; body: string; createdAt: string }[];
};

/**
 * Per viewer, never cached, on the primary (a commenter sees what they just posted): what they liked and reported on
 * this story, and their own comments awaiting moderation. Anonymous visitors get nothing, so a page that can be
 * shared (the page cache, docs/adr/0009) never holds a pending comment.
 */
export async function getViewerThreadState(viewer: Viewer | null, articleId: number): Promise<ViewerThreadState> {
  if (!viewer) return { ownIds: [], likedIds: [], reportedIds: [], pending: [] };
  const db = getDb();
  const [own, liked, reported, pending] = await Promise.all([
    db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.articleId, articleId), eq(comments.userId, viewer.id), inArray(comments.status, ['published', 'pending']))),
    db
      .select({ id: commentLikes.commentId })
      .from(commentLikes)
      .innerJoin(comments, eq(comments.id, commentLikes.commentId))
      .where(and(eq(commentLikes.userId, viewer.id), eq(comments.articleId, articleId))),
    db
      .select({ id: commentReports.commentId })
      .from(commentReports)
      .innerJoin(comments, eq(comments.id, commentReports.commentId))
      .where(and(eq(commentReports.userId, viewer.id), eq(comments.articleId, articleId))),
    db
      .select({ id: comments.id, parentId: comments.parentId, body: comments.body, createdAt: comments.createdAt })
      .from(comments)
      .where(and(eq(comments.articleId, articleId), eq(comments.userId, viewer.id), eq(comments.status, 'pending')))
      .orderBy(asc(comments.createdAt)),
  ]);
  return {
    ownIds: own.map((row) => row.id),
    likedIds: liked.map((row) => row.id),
    reportedIds: reported.map((row) => row.id),
    pending: pending.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
  };
}

/**
 * Per viewer, never cached, on the primary (a ban applies from the reader's next page): whether the viewer may
 * comment, is suspended until a moment, or is banned. Anonymous visitors are 'active' without a query, so a page
 * that can be shared (the page cache) never depends on it. createComment checks the same standing again.
 */
export async function getCommentStanding(viewer: Viewer | null): Promise<CommentStanding> {
  if (!viewer) return ACTIVE_STANDING;
  const [row] = await getDb().select({ suspendedUntil: users.commentsSuspendedUntil }).from(users).where(eq(users.id, viewer.id)).limit(1);
  return commentStanding(row?.suspendedUntil ?? null);
}

/** The same author, story, parent and text (trimmed) again within this many minutes is refused as a duplicate. */
export const DUPLICATE_WINDOW_MINUTES = 10;

/**
 * Signed-in users who may comment (the caller checked the capability; this checks the rest against the database):
 * posts a comment or a reply on a public, open article. A reply to a reply joins the top-level comment's thread.
 * Pre-moderated comments come back as 'pending'. An exact repeat of one of the author's comments (same story, parent
 * and trimmed text, not deleted) within DUPLICATE_WINDOW_MINUTES is refused. Throws CommentRefusedError.
 */
export async function createComment(viewer: Viewer, input: { articleId: number; parentId: number | null; body: string }): Promise<{ id: number; status: 'published' | 'pending'; held: HoldReason | null }> {
  return getDb().transaction(async (tx) => {
    // One writer per user at a time, so the per-minute limit and the duplicate check hold under parallel posts.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`comments:${viewer.id}`}))`);
    const [author] = await tx
      .select({ disabledAt: users.disabledAt, suspendedUntil: users.commentsSuspendedUntil })
      .from(users)
      .where(eq(users.id, viewer.id))
      .limit(1);
    if (!author || author.disabledAt) throw new CommentRefusedError('not-allowed');
    const standing = commentStanding(author.suspendedUntil);
    if (standing.kind === 'banned') throw new CommentRefusedError('banned');
    if (standing.kind === 'suspended') throw new CommentRefusedError('suspended', standing.until);

    const [article] = await tx
      .select({ publishedAt: articles.publishedAt, closed: articles.commentsClosed })
      .from(articles)
      .where(and(eq(articles.id, input.articleId), isPublic()))
      .limit(1);
    if (!article?.publishedAt) throw new CommentRefusedError('not-found');
    if (!commentsOpen(article.publishedAt, article.closed)) throw new CommentRefusedError('closed');

    let parentId: number | null = null;
    let parentAuthorId: string | null = null;
    if (input.parentId !== null) {
      const [parent] = await tx
        .select({ id: comments.id, parentId: comments.parentId, articleId: comments.articleId, status: comments.status, userId: comments.userId })
        .from(comments)
        .where(eq(comments.id, input.parentId))
        .limit(1);
      if (!parent || parent.articleId !== input.articleId || parent.status !== 'published') throw new CommentRefusedError('bad-parent');
      parentId = parent.parentId ?? parent.id;
      parentAuthorId = parent.userId;
    }

    // A double click, a resent form or a second tab: the same text under the same parent is refused, not stored twice.
    // At most a few dozen rows (the per-minute limit), on the (user_id, created_at) index.
    const body = input.body.trim();
    const lately = await tx
      .select({ body: comments.body })
      .from(comments)
      .where(
        and(
          eq(comments.userId, viewer.id),
          eq(comments.articleId, input.articleId),
          parentId === null ? isNull(comments.parentId) : eq(comments.parentId, parentId),
          ne(comments.status, 'deleted'),
          sql`${comments.createdAt} > now() - make_interval(mins => ${DUPLICATE_WINDOW_MINUTES})`,
        ),
      );
    if (lately.some((row) => row.body.trim() === body)) throw new CommentRefusedError('duplicate');

    const [recent] = (await tx.execute(
      sql`select count(*)::int as count from ${comments} where ${comments.userId} = ${viewer.id} and ${comments.createdAt} > now() - interval '1 minute'`,
    )) as unknown as [{ count: number }];
    if (Number(recent?.count ?? 0) >= MODERATION.perMinute) throw new CommentRefusedError('rate-limited');

    const [approved] = (await tx.execute(
      sql`select count(*)::int as count from ${comments} where ${comments.userId} = ${viewer.id} and ${comments.status} = 'published'`,
    )) as unknown as [{ count: number }];
    // Staff are trusted; readers go through the rules.
    const held = viewer.role === 'reader' ? holdReason(input.body, Number(approved?.count ?? 0), await isVerifiedAuthor(tx, viewer.id)) : null;
    const status = held ? 'pending' : 'published';
    const [row] = await tx.insert(comments).values({ articleId: input.articleId, userId: viewer.id, parentId, body: input.body, status }).returning({ id: comments.id });
    await recordReplyNotification(tx, { replyId: row!.id, authorId: viewer.id, parentAuthorId });
    return { id: row!.id, status, held };
  });
}

/**
 * Whether a reader's address counts as confirmed: verified, or an account without a password (OAuth and e-mail-link
 * accounts, whose provider vouched for the address).
 */
async function isVerifiedAuthor(db: Database | Transaction, userId: string): Promise<boolean> {
  const [row] = await db.select({ emailVerified: users.emailVerified, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(row && (row.emailVerified !== null || row.passwordHash === null));
}

export const EDIT_WINDOW_MINUTES = 15;

/**
 * The comment's author only (the WHERE clause checks it): replaces the text within EDIT_WINDOW_MINUTES of posting and
 * marks it edited. Links or held words added by an edit send a reader's comment back to moderation.
 */
export async function editOwnComment(viewer: Viewer, commentId: number, body: string): Promise<{ articleId: number; status: 'published' | 'pending' }> {
  const held = viewer.role === 'reader' ? holdReason(body, MODERATION.firstCommentsHeld, await isVerifiedAuthor(getDb(), viewer.id)) : null;
  const rows = await getDb()
    .update(comments)
    .set({ body, editedAt: new Date(), ...(held ? { status: 'pending' as const } : {}) })
    .where(
      and(
        eq(comments.id, commentId),
        eq(comments.userId, viewer.id),
        inArray(comments.status, ['published', 'pending']),
        sql`${comments.createdAt} > now() - make_interval(mins => ${EDIT_WINDOW_MINUTES})`,
      ),
    )
    .returning({ articleId: comments.articleId, status: comments.status });
  const row = rows[0];
  if (!row) throw new CommentRefusedError('not-allowed');
  return { articleId: row.articleId, status: row.status === 'pending' ? 'pending' : 'published' };
}

/** The comment's author only: a soft delete that keeps the thread's shape (replies stay). */
export async function deleteOwnComment(viewer: Viewer, commentId: number): Promise<{ articleId: number }> {
  const rows = await getDb()
    .update(comments)
    .set({ status: 'deleted' })
    .where(and(eq(comments.id, commentId), eq(comments.userId, viewer.id), inArray(comments.status, ['published', 'pending'])))
    .returning({ articleId: comments.articleId });
  const row = rows[0];
  if (!row) throw new CommentRefusedError('not-allowed');
  return row;
}

/** A published comment on a public story that the viewer may react to (not their own). Locks the row. */
async function lockReactable(tx: Transaction, viewer: Viewer, commentId: number) {
  const [row] = await tx
    .select({ articleId: comments.articleId, userId: comments.userId, status: comments.status })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(eq(comments.id, commentId), isPublic()))
    .for('update', { of: comments })
    .limit(1);
  if (!row || row.status !== 'published') throw new CommentRefusedError('not-found');
  if (row.userId === viewer.id) throw new CommentRefusedError('own-comment');
  return row;
}

/** Signed-in users: likes someone else's published comment, once. like_count moves in the same transaction. */
export async function likeComment(viewer: Viewer, commentId: number): Promise<{ articleId: number; likeCount: number }> {
  return getDb().transaction(async (tx) => {
    const { articleId } = await lockReactable(tx, viewer, commentId);
    const inserted = await tx.insert(commentLikes).values({ commentId, userId: viewer.id }).onConflictDoNothing().returning({ commentId: commentLikes.commentId });
    if (!inserted.length) throw new CommentRefusedError('already-liked');
    const [row] = await tx.update(comments).set({ likeCount: sql`${comments.likeCount} + 1` }).where(eq(comments.id, commentId)).returning({ likeCount: comments.likeCount });
    return { articleId, likeCount: row!.likeCount };
  });
}

/** Signed-in users: takes back their own like. */
export async function unlikeComment(viewer: Viewer, commentId: number): Promise<{ articleId: number; likeCount: number }> {
  return getDb().transaction(async (tx) => {
    const { articleId } = await lockReactable(tx, viewer, commentId);
    const removed = await tx
      .delete(commentLikes)
      .where(and(eq(commentLikes.commentId, commentId), eq(commentLikes.userId, viewer.id)))
      .returning({ commentId: commentLikes.commentId });
    if (!removed.length) throw new CommentRefusedError('not-liked');
    const [row] = await tx.update(comments).set({ likeCount: sql`${comments.likeCount} - 1` }).where(eq(comments.id, commentId)).returning({ likeCount: comments.likeCount });
    return { articleId, likeCount: row!.likeCount };
  });
}

/** Signed-in users: reports someone else's published comment to the moderators, once, with a reason. */
export async function reportComment(viewer: Viewer, commentId: number, report: { reason: CommentReportReason; note: string }): Promise<{ articleId: number }> {
  return getDb().transaction(async (tx) => {
    const { articleId } = await lockReactable(tx, viewer, commentId);
    const inserted = await tx
      .insert(commentReports)
      .values({ commentId, userId: viewer.id, reason: report.reason, note: report.note })
      .onConflictDoNothing()
      .returning({ id: commentReports.id });
    if (!inserted.length) throw new CommentRefusedError('already-reported');
    return { articleId };
  });
}
