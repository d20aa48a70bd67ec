import 'server-only';

import { asc, eq, or } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { articles, commentLikes, commentReports, comments, newsletterSubscriptions, users } from '@/db/schema';

/** Everything the site holds about one reader, as they may download it. */
export type AccountExport = {
  exportedAt: string;
  profile: { name: string; email: string; emailVerified: string | null; role: string; createdAt: string; notifyReplies: boolean; notifyModeration: boolean };
  comments: { id: number; article: string; parentId: number | null; body: string; status: string; likeCount: number; createdAt: string; editedAt: string | null }[];
  likes: { commentId: number; createdAt: string }[];
  reports: { commentId: number; reason: string; note: string; createdAt: string; resolvedAt: string | null }[];
  newsletterSubscriptions: { list: string; createdAt: string; confirmedAt: string | null; unsubscribedAt: string | null }[];
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The signed-in user only (their own id): their data, or null when the account is gone. */
export async function exportOwnAccount(userId: string): Promise<AccountExport | null> {
  const db = getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return null;
  const [written, liked, reported, subscribed] = await Promise.all([
    db
      .select({ id: comments.id, article: articles.headline, parentId: comments.parentId, body: comments.body, status: comments.status, likeCount: comments.likeCount, createdAt: comments.createdAt, editedAt: comments.editedAt })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(eq(comments.userId, userId))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
    db.select({ commentId: commentLikes.commentId, createdAt: commentLikes.createdAt }).from(commentLikes).where(eq(commentLikes.userId, userId)).orderBy(asc(commentLikes.createdAt)),
    db
      .select({ commentId: commentReports.commentId, reason: commentReports.reason, note: commentReports.note, createdAt: commentReports.createdAt, resolvedAt: commentReports.resolvedAt })
      .from(commentReports)
      .where(eq(commentReports.userId, userId))
      .orderBy(asc(commentReports.createdAt)),
    db
      .select({ list: newsletterSubscriptions.list, createdAt: newsletterSubscriptions.createdAt, confirmedAt: newsletterSubscriptions.confirmedAt, unsubscribedAt: newsletterSubscriptions.unsubscribedAt })
      .from(newsletterSubscriptions)
      .where(or(eq(newsletterSubscriptions.userId, userId), eq(newsletterSubscriptions.email, user.email)))
      .orderBy(asc(newsletterSubscriptions.list)),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    profile: { name: user.name, email: user.email, emailVerified: iso(user.emailVerified), role: user.role, createdAt: user.createdAt.toISOString(), notifyReplies: user.notifyReplies, notifyModeration: user.notifyModeration },
    comments: written.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), editedAt: iso(row.editedAt) })),
    likes: liked.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    reports: reported.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), resolvedAt: iso(row.resolvedAt) })),
    newsletterSubscriptions: subscribed.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), confirmedAt: iso(row.confirmedAt), unsubscribedAt: iso(row.unsubscribedAt) })),
  };
}
