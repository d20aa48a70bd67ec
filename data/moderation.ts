import 'server-only';

import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { articles, commentReports, comments, sections, users } from '@/db/schema';
import { auditSubjects } from '@/lib/audit-subjects';
import { BAN_UNTIL, commentStanding, type CommentStanding } from '@/lib/comment-standing';
import type { CommentReportReason } from '@/lib/editorial';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import type { ModerationDecision } from '@/lib/moderation-decisions';
import { assertCan } from '@/lib/permissions';
import { DELETED_ACCOUNT_NAME } from '@/lib/moderation';

import { recordAudit } from './audit';
import { recordModerationNotification } from './notifications';
import type { Viewer } from './viewer';

/**
 * The moderators' side of comments (capability comment:moderate: editors and admins). Every decision is made in
 * one transaction with its audit entries; callers refresh the threads (comments:{articleId}) it returns.
 */

export const MODERATION_TABS = ['pending', 'reported', 'all'] as const;
export type ModerationTab = (typeof MODERATION_TABS)[number];
export const MODERATION_PAGE_SIZE = 30;

export type QueueItem = {
  id: number;
  body: string;
  status: 'published' | 'pending' | 'rejected' | 'deleted';
  createdAt: string;
  isFeatured: boolean;
  isReply: boolean;
  /** For a reply: the comment it answers (its author and the start of its text), so the moderator sees the context. */
  parent: { id: number; authorName: string; excerpt: string; status: 'published' | 'pending' | 'rejected' | 'deleted' } | null;
  article: { id: number; headline: string; path: string; commentsClosed: boolean };
  /** id null: the author deleted their account and kept their comments (shown as "Deleted account"). */
  author: { id: string | null; name: string; role: string; approved: number; rejected: number; standing: CommentStanding };
  reports: { reason: CommentReportReason; note: string; createdAt: string }[];
};

/** How much of a reply's parent the queue shows: enough to know what is being answered. */
export const PARENT_EXCERPT_CHARS = 160;

function parentOf(row: { id: number; status: QueueItem['status']; authorName: string; excerpt: string } | undefined): QueueItem['parent'] {
  if (!row) return null;
  // The query reads one character more than it shows: there is more text exactly when it found that one.
  const isCut = row.excerpt.length > PARENT_EXCERPT_CHARS;
  const text = row.excerpt.slice(0, PARENT_EXCERPT_CHARS).trim();
  const excerpt = isCut ? `${text}…` : text;
  return { id: row.id, authorName: row.authorName, excerpt, status: row.status };
}

function tabFilter(tab: ModerationTab): SQL | undefined {
  if (tab === 'pending') return eq(comments.status, 'pending');
  if (tab === 'reported') return sql`exists (select 1 from comment_reports r where r.comment_id = ${comments.id} and r.resolved_at is null)`;
  return undefined;
}

/** Moderators: the queue, newest first, with each comment's story, its author's record and open reports. */
export async function listModerationQueue(viewer: Viewer | null, options: { tab?: ModerationTab; page?: number } = {}) {
  assertCan(viewer, 'comment:moderate');
  const tab = options.tab ?? 'pending';
  const page = Math.max(1, options.page ?? 1);
  const db = getDb();
  const where = tabFilter(tab);
  const [rows, totals, tabCounts] = await Promise.all([
    db
      .select({
        id: comments.id,
        body: comments.body,
        status: comments.status,
        createdAt: comments.createdAt,
        featuredAt: comments.featuredAt,
        parentId: comments.parentId,
        articleId: articles.id,
        headline: articles.headline,
        slug: articles.slug,
        sectionSlug: sections.slug,
        commentsClosed: articles.commentsClosed,
        authorId: users.id,
        authorName: sql<string>`coalesce(${users.name}, ${DELETED_ACCOUNT_NAME})`,
        authorRole: sql<string>`coalesce(${users.role}::text, 'reader')`,
        suspendedUntil: users.commentsSuspendedUntil,
      })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .leftJoin(users, eq(users.id, comments.userId))
      .where(where)
      .orderBy(desc(comments.createdAt), desc(comments.id))
      .limit(MODERATION_PAGE_SIZE)
      .offset((page - 1) * MODERATION_PAGE_SIZE),
    db.select({ total: count() }).from(comments).where(where),
    Promise.all([
      db.select({ total: count() }).from(comments).where(tabFilter('pending')),
      db.select({ total: count() }).from(comments).where(tabFilter('reported')),
    ]),
  ]);
  const authorIds = [...new Set(rows.flatMap((row) => (row.authorId === null ? [] : [row.authorId])))];
  const commentIds = rows.map((row) => row.id);
  const parentIds = [...new Set(rows.flatMap((row) => (row.parentId === null ? [] : [row.parentId])))];
  const [records, reports, parents] = await Promise.all([
    authorIds.length
      ? db
          .select({ userId: comments.userId, approved: sql<number>`count(*) filter (where ${comments.status} = 'published')::int`, rejected: sql<number>`count(*) filter (where ${comments.status} = 'rejected')::int` })
          .from(comments)
          .where(inArray(comments.userId, authorIds))
          .groupBy(comments.userId)
      : Promise.resolve([]),
    commentIds.length
      ? db
          .select({ commentId: commentReports.commentId, reason: commentReports.reason, note: commentReports.note, createdAt: commentReports.createdAt })
          .from(commentReports)
          .where(and(inArray(commentReports.commentId, commentIds), isNull(commentReports.resolvedAt)))
          .orderBy(desc(commentReports.createdAt))
      : Promise.resolve([]),
    parentIds.length
      ? db
          .select({ id: comments.id, status: comments.status, authorName: sql<string>`coalesce(${users.name}, ${DELETED_ACCOUNT_NAME})`, excerpt: sql<string>`left(regexp_replace(${comments.body}, '[[:space:]]+', ' ', 'g'), ${PARENT_EXCERPT_CHARS + 1})` })
          .from(comments)
          .leftJoin(users, eq(users.id, comments.userId))
          .where(inArray(comments.id, parentIds))
      : Promise.resolve([]),
  ]);
  const total = totals[0]?.total ?? 0;
  return {
    tab,
    page,
    pageCount: Math.max(1, Math.ceil(total / MODERATION_PAGE_SIZE)),
    total,
    counts: { pending: tabCounts[0][0]?.total ?? 0, reported: tabCounts[1][0]?.total ?? 0 },
    items: rows.map((row): QueueItem => {
      const record = records.find((item) => item.userId === row.authorId);
      return {
        id: row.id,
        body: row.body,
        status: row.status,
        createdAt: row.createdAt.toISOString(),
        isFeatured: row.featuredAt !== null,
        isReply: row.parentId !== null,
        parent: parentOf(parents.find((parent) => parent.id === row.parentId)),
        article: { id: row.articleId, headline: row.headline, path: `/${row.sectionSlug}/${row.slug}`, commentsClosed: row.commentsClosed },
        author: {
          id: row.authorId,
          name: row.authorName,
          role: row.authorRole,
          approved: record?.approved ?? 0,
          rejected: record?.rejected ?? 0,
          standing: commentStanding(row.suspendedUntil),
        },
        reports: reports.filter((report) => report.commentId === row.id).map((report) => ({ reason: report.reason, note: report.note, createdAt: report.createdAt.toISOString() })),
      };
    }),
  };
}

export { MODERATION_DECISIONS, type ModerationDecision } from '@/lib/moderation-decisions';

/**
 * What a decision did: `total` comments asked about, `changed` of them now approved, rejected, deleted, featured or
 * un-featured, and `kept`: published comments an approval left as they were but whose open reports it dismissed
 * (the queue's "Keep (dismiss reports)"). The rest were already as asked.
 */
export type ModerationOutcome = { articleIds: number[]; total: number; changed: number; kept: number };

/**
 * Moderators: approves, rejects, deletes, features or un-features comments (one or many). Approving, rejecting or
 * deleting also closes their open reports; approving a published comment only does that (keeps it). Returns the
 * stories whose threads changed and what was done.
 */
export async function moderateComments(viewer: Viewer | null, commentIds: number[], decision: ModerationDecision): Promise<ModerationOutcome> {
  assertCan(viewer, 'comment:moderate');
  const ids = [...new Set(commentIds)];
  if (ids.length === 0) throw new InvalidInputError('commentId', 'Choose at least one comment.');
  return getDb().transaction(async (tx) => {
    const rows = await tx
      .select({ id: comments.id, status: comments.status, articleId: comments.articleId, featuredAt: comments.featuredAt })
      .from(comments)
      .where(inArray(comments.id, ids))
      .for('update');
    if (rows.length !== ids.length) throw new NotFoundError('comment');
    const now = new Date();
    let changed = 0;
    let kept = 0;
    for (const row of rows) {
      let next: Partial<typeof comments.$inferInsert> | null = null;
      if (decision === 'approve' && row.status !== 'published') next = { status: 'published' };
      if (decision === 'reject' && row.status !== 'rejected') next = { status: 'rejected', featuredAt: null };
      if (decision === 'delete' && row.status !== 'deleted') next = { status: 'deleted', featuredAt: null };
      if (decision === 'feature') {
        if (row.status !== 'published') throw new InvalidInputError('commentId', 'Only a published comment can be featured.');
        next = { featuredAt: now };
      }
      if (decision === 'unfeature' && row.featuredAt) next = { featuredAt: null };
      if (next) {
        await tx.update(comments).set(next).where(eq(comments.id, row.id));
        changed += 1;
        if (row.status === 'pending' && (next.status === 'published' || next.status === 'rejected')) {
          await recordModerationNotification(tx, { commentId: row.id, decision: next.status === 'published' ? 'approved' : 'rejected' });
        }
      }
      if (decision === 'approve' || decision === 'reject' || decision === 'delete') {
        const dismissed = await tx
          .update(commentReports)
          .set({ resolvedAt: now })
          .where(and(eq(commentReports.commentId, row.id), isNull(commentReports.resolvedAt)))
          .returning({ id: commentReports.id });
        if (decision === 'approve' && !next && dismissed.length > 0) kept += 1;
      }
      await recordAudit(tx, {
        actorId: viewer.id,
        action: `comment.${decision}`,
        subject: auditSubjects.comment(row.id),
        before: { status: row.status, featured: row.featuredAt !== null },
        after: { status: next?.status ?? row.status, featured: next && 'featuredAt' in next ? next.featuredAt !== null : row.featuredAt !== null },
      });
    }
    return { articleIds: [...new Set(rows.map((row) => row.articleId))], total: rows.length, changed, kept };
  });
}

/** Moderators: closes or reopens the discussion under a story. */
export async function setCommentsClosed(viewer: Viewer | null, articleId: number, closed: boolean): Promise<void> {
  assertCan(viewer, 'comment:moderate');
  await getDb().transaction(async (tx) => {
    const [row] = await tx.update(articles).set({ commentsClosed: closed }).where(eq(articles.id, articleId)).returning({ id: articles.id });
    if (!row) throw new NotFoundError();
    await recordAudit(tx, { actorId: viewer.id, action: closed ? 'comments.close' : 'comments.reopen', subject: auditSubjects.article(articleId), after: { commentsClosed: closed } });
  });
}

/**
 * Moderators: stops a reader from commenting until `until` (BAN_UNTIL for a ban), or lifts it (null). Staff
 * accounts are managed on the people page, not here.
 */
export async function suspendCommenter(viewer: Viewer | null, userId: string, until: Date | null): Promise<void> {
  assertCan(viewer, 'comment:moderate');
  if (userId === viewer.id) throw new ForbiddenError();
  await getDb().transaction(async (tx) => {
    const [target] = await tx.select({ role: users.role, until: users.commentsSuspendedUntil }).from(users).where(eq(users.id, userId)).for('update').limit(1);
    if (!target) throw new NotFoundError();
    if (target.role !== 'reader') throw new InvalidInputError('userId', 'Staff accounts are managed on the people page.');
    await tx.update(users).set({ commentsSuspendedUntil: until }).where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: until === null ? 'user.comments-restore' : until >= BAN_UNTIL ? 'user.comments-ban' : 'user.comments-suspend',
      subject: auditSubjects.user(userId),
      before: { suspendedUntil: target.until?.toISOString() ?? null },
      after: { suspendedUntil: until?.toISOString() ?? null },
    });
  });
}
