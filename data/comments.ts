import 'server-only';

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';

import { getDb } from '@/db/client';
import { articles, comments, users } from '@/db/schema';
import { cacheTags } from '@/lib/cache-tags';
import { MODERATION, commentsOpen, holdReason, type HoldReason } from '@/lib/moderation';
import type { Viewer } from './viewer';

import { isPublic } from './visibility';

export const THREAD_PAGE_SIZE = 20;

export type CommentView = {
  id: number;
  /** For "is this mine?" checks on the server; never rendered or passed to client components. */
  authorId: string;
  authorName: string;
  authorRole: string;
  body: string;
  createdAt: string;
  isEdited: boolean;
  isDeleted: boolean;
  replies: CommentView[];
};

export type Thread = { comments: CommentView[]; total: number; page: number; pageCount: number; isOpen: boolean };

export class CommentRefusedError extends Error {
  constructor(readonly reason: 'not-found' | 'closed' | 'rate-limited' | 'bad-parent' | 'not-allowed') {
    super(reason);
  }
}

/**
 * Public: one page of an article's approved thread, oldest first, each top-level comment with its published replies.
 * A deleted comment keeps its place (as "deleted") while it has visible replies. Cached under comments:{articleId}.
 */
export async function getThread(articleId: number, page = 1): Promise<Thread> {
  'use cache';
  cacheTag(cacheTags.comments(articleId));
  cacheLife('hours');
  const db = getDb();
  const [article] = await db
    .select({ publishedAt: articles.publishedAt, closed: articles.commentsClosed })
    .from(articles)
    .where(and(eq(articles.id, articleId), isPublic()))
    .limit(1);
  if (!article?.publishedAt) return { comments: [], total: 0, page: 1, pageCount: 1, isOpen: false };

  const visibleTop = sql`${comments.articleId} = ${articleId} and ${comments.parentId} is null and (${comments.status} = 'published' or (${comments.status} = 'deleted' and exists (select 1 from comments r where r.parent_id = ${comments.id} and r.status = 'published')))`;
  const [{ total }] = (await db.select({ total: sql<number>`count(*)::int` }).from(comments).where(visibleTop)) as [{ total: number }];
  const columns = {
    id: comments.id,
    parentId: comments.parentId,
    body: comments.body,
    status: comments.status,
    createdAt: comments.createdAt,
    editedAt: comments.editedAt,
    authorId: comments.userId,
    authorName: users.name,
    authorRole: users.role,
  };
  const top = await db
    .select(columns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.userId))
    .where(visibleTop)
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(THREAD_PAGE_SIZE)
    .offset((page - 1) * THREAD_PAGE_SIZE);
  const replies = top.length
    ? await db
        .select(columns)
        .from(comments)
        .innerJoin(users, eq(users.id, comments.userId))
        .where(and(inArray(comments.parentId, top.map((row) => row.id)), eq(comments.status, 'published')))
        .orderBy(asc(comments.createdAt), asc(comments.id))
    : [];

  const view = (row: (typeof top)[number]): CommentView => ({
    id: row.id,
    authorId: row.authorId,
    authorName: row.status === 'deleted' ? '' : row.authorName,
    authorRole: row.status === 'deleted' ? 'reader' : row.authorRole,
    body: row.status === 'deleted' ? '' : row.body,
    createdAt: row.createdAt.toISOString(),
    isEdited: row.editedAt !== null,
    isDeleted: row.status === 'deleted',
    replies: [],
  });
  const threads = top.map(view);
  for (const reply of replies) threads.find((comment) => comment.id === reply.parentId)?.replies.push(view(reply));
  return {
    comments: threads,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / THREAD_PAGE_SIZE)),
    isOpen: commentsOpen(article.publishedAt, article.closed),
  };
}

/**
 * Signed-in users who may comment (the caller checked the capability; this checks the rest against the database):
 * posts a comment or a reply on a public, open article. A reply to a reply joins the top-level comment's thread.
 * Pre-moderated comments come back as 'pending'. Throws CommentRefusedError.
 */
export async function createComment(viewer: Viewer, input: { articleId: number; parentId: number | null; body: string }): Promise<{ id: number; status: 'published' | 'pending'; held: HoldReason | null }> {
  return getDb().transaction(async (tx) => {
    // One writer per user at a time, so the per-minute limit holds under parallel posts.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`comments:${viewer.id}`}))`);
    const [author] = await tx.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, viewer.id)).limit(1);
    if (!author || author.disabledAt) throw new CommentRefusedError('not-allowed');

    const [article] = await tx
      .select({ publishedAt: articles.publishedAt, closed: articles.commentsClosed })
      .from(articles)
      .where(and(eq(articles.id, input.articleId), isPublic()))
      .limit(1);
    if (!article?.publishedAt) throw new CommentRefusedError('not-found');
    if (!commentsOpen(article.publishedAt, article.closed)) throw new CommentRefusedError('closed');

    let parentId: number | null = null;
    if (input.parentId !== null) {
      const [parent] = await tx
        .select({ id: comments.id, parentId: comments.parentId, articleId: comments.articleId, status: comments.status })
        .from(comments)
        .where(eq(comments.id, input.parentId))
        .limit(1);
      if (!parent || parent.articleId !== input.articleId || parent.status !== 'published') throw new CommentRefusedError('bad-parent');
      parentId = parent.parentId ?? parent.id;
    }

    const [recent] = (await tx.execute(
      sql`select count(*)::int as count from ${comments} where ${comments.userId} = ${viewer.id} and ${comments.createdAt} > now() - interval '1 minute'`,
    )) as unknown as [{ count: number }];
    if (Number(recent?.count ?? 0) >= MODERATION.perMinute) throw new CommentRefusedError('rate-limited');

    const [approved] = (await tx.execute(
      sql`select count(*)::int as count from ${comments} where ${comments.userId} = ${viewer.id} and ${comments.status} = 'published'`,
    )) as unknown as [{ count: number }];
    // Staff are trusted; readers go through the rules.
    const held = viewer.role === 'reader' ? holdReason(input.body, Number(approved?.count ?? 0)) : null;
    const status = held ? 'pending' : 'published';
    const [row] = await tx.insert(comments).values({ articleId: input.articleId, userId: viewer.id, parentId, body: input.body, status }).returning({ id: comments.id });
    return { id: row!.id, status, held };
  });
}

export const EDIT_WINDOW_MINUTES = 15;

/**
 * The comment's author only (the WHERE clause checks it): replaces the text within EDIT_WINDOW_MINUTES of posting and
 * marks it edited. Links or held words added by an edit send a reader's comment back to moderation.
 */
export async function editOwnComment(viewer: Viewer, commentId: number, body: string): Promise<{ articleId: number; status: 'published' | 'pending' }> {
  const held = viewer.role === 'reader' ? holdReason(body, MODERATION.firstCommentsHeld) : null;
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
