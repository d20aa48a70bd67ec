import 'server-only';

import { createHash } from 'node:crypto';

import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

import { getDb, type Transaction } from '@/db/client';
import { articles, comments, pendingNotifications, sections, users } from '@/db/schema';
import { isPublic } from '@/db/visibility';
import { env } from '@/lib/env';
import { notificationMail, type NotificationItem } from '@/lib/mail/notification-mail';

import { queueMail } from './mail-outbox';

/** At most one notification message per reader in this window; what arrives meanwhile waits for the next one. */
export const NOTIFY_WINDOW_MINUTES = 15;

/**
 * createComment, in its transaction: a reply was posted under `parentAuthorId`'s comment. Recorded even while the
 * reply is held: only published replies are ever told (sendDueReplyNotifications waits for the moderator's approval
 * and drops the rows of rejected or deleted replies), and the comment actually answered is known only now (a reply
 * to a reply is stored under its thread's first comment). Nothing for replying to oneself, or when the author
 * switched reply notices off.
 */
export async function recordReplyNotification(tx: Transaction, input: { replyId: number; authorId: string; parentAuthorId: string | null }): Promise<void> {
  if (input.parentAuthorId === null || input.parentAuthorId === input.authorId) return;
  await tx.execute(sql`
    insert into ${pendingNotifications} (user_id, kind, comment_id)
    select ${users.id}, 'reply', ${input.replyId} from ${users} where ${users.id} = ${input.parentAuthorId} and ${users.notifyReplies}
    on conflict do nothing`);
}

/** moderateComments, in its transaction: a held comment was approved or rejected; told when its author asked to be. */
export async function recordModerationNotification(tx: Transaction, input: { commentId: number; decision: 'approved' | 'rejected' }): Promise<void> {
  await tx.execute(sql`
    insert into ${pendingNotifications} (user_id, kind, comment_id)
    select ${users.id}, ${input.decision}, ${comments.id} from ${comments} join ${users} on ${users.id} = ${comments.userId}
    where ${comments.id} = ${input.commentId} and ${users.notifyModeration}
    on conflict do nothing`);
}

/** The signed-in reader's own switches (their id from the session). */
export async function getNotificationPreferences(userId: string): Promise<{ replies: boolean; moderation: boolean }> {
  const [row] = await getDb().select({ replies: users.notifyReplies, moderation: users.notifyModeration }).from(users).where(eq(users.id, userId)).limit(1);
  return row ?? { replies: false, moderation: false };
}

/** The signed-in reader only: turns their reply and moderation notices on or off. Switching off drops what waits. */
export async function updateNotificationPreferences(userId: string, preferences: { replies: boolean; moderation: boolean }): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ notifyReplies: preferences.replies, notifyModeration: preferences.moderation }).where(eq(users.id, userId));
    const dropped = [...(preferences.replies ? [] : ['reply']), ...(preferences.moderation ? [] : ['approved', 'rejected'])];
    if (dropped.length > 0) await tx.delete(pendingNotifications).where(and(eq(pendingNotifications.userId, userId), inArray(pendingNotifications.kind, dropped)));
  });
}

type PendingRow = NotificationItem & { id: number; userId: string; email: string; status: string; isPublic: boolean; wanted: boolean };

const replier = alias(users, 'replier');

/** Every pending row of the readers whose window is open at `now`, with what the message needs. */
async function duePendingRows(now: Date): Promise<PendingRow[]> {
  const windowStart = new Date(now.getTime() - NOTIFY_WINDOW_MINUTES * 60_000);
  return getDb()
    .select({
      id: pendingNotifications.id,
      userId: pendingNotifications.userId,
      kind: sql<NotificationItem['kind']>`${pendingNotifications.kind}`,
      commentId: comments.id,
      body: comments.body,
      status: comments.status,
      authorName: replier.name,
      headline: articles.headline,
      articlePath: sql<string>`'/' || ${sections.slug} || '/' || ${articles.slug}`,
      isPublic: sql<boolean>`${isPublic()}`,
      email: users.email,
      wanted: sql<boolean>`case when ${pendingNotifications.kind} = 'reply' then ${users.notifyReplies} else ${users.notifyModeration} end`,
    })
    .from(pendingNotifications)
    .innerJoin(users, eq(users.id, pendingNotifications.userId))
    .innerJoin(comments, eq(comments.id, pendingNotifications.commentId))
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(replier, eq(replier.id, comments.userId))
    .where(and(isNull(users.disabledAt), or(isNull(users.lastNotifiedAt), lte(users.lastNotifiedAt, windowStart))))
    .orderBy(asc(pendingNotifications.userId), asc(pendingNotifications.createdAt), asc(pendingNotifications.id));
}

/** A row that will never be told: the reader switched the notice off, or the reply was rejected, deleted or unpublished. */
function isObsolete(row: PendingRow): boolean {
  if (!row.wanted) return true;
  if (row.kind === 'reply') return row.status === 'rejected' || row.status === 'deleted' || (row.status === 'published' && !row.isPublic);
  return false;
}

/** Ready to tell now: a reply once it is published on a public story (a held one waits for the moderator). */
function isReady(row: PendingRow): boolean {
  return row.kind !== 'reply' || (row.status === 'published' && row.isPublic);
}

/**
 * The mail worker's periodic job (every minute): for each reader with something pending and no notification in the
 * last 15 minutes, one message listing it all. Queued, the rows deleted and last_notified_at set in one transaction,
 * under a key derived from the rows, so a second run (or a second worker) queues nothing twice. Returns how many
 * messages were queued.
 */
export async function sendDueReplyNotifications(now: Date): Promise<number> {
  const rows = await duePendingRows(now);
  const obsolete = rows.filter(isObsolete).map((row) => row.id);
  if (obsolete.length > 0) await getDb().delete(pendingNotifications).where(inArray(pendingNotifications.id, obsolete));

  const byReader = new Map<string, PendingRow[]>();
  for (const row of rows) if (!isObsolete(row) && isReady(row)) byReader.set(row.userId, [...(byReader.get(row.userId) ?? []), row]);

  const { SITE_NAME, SITE_URL } = env();
  const windowStart = new Date(now.getTime() - NOTIFY_WINDOW_MINUTES * 60_000);
  let queued = 0;
  for (const [userId, items] of byReader) {
    const ids = items.map((item) => item.id);
    const sent = await getDb().transaction(async (tx) => {
      // Locks the reader and checks the window again: a second worker running the same job waits here, then finds the
      // rows gone or the window closed and moves on.
      const [open] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, userId), or(isNull(users.lastNotifiedAt), lte(users.lastNotifiedAt, windowStart))))
        .for('update');
      if (!open) return false;
      const taken = new Set((await tx.delete(pendingNotifications).where(inArray(pendingNotifications.id, ids)).returning({ id: pendingNotifications.id })).map((row) => row.id));
      const told = items.filter((item) => taken.has(item.id));
      if (told.length === 0) return false;
      await tx.update(users).set({ lastNotifiedAt: now }).where(eq(users.id, userId));
      const key = `notify:${userId}:${createHash('sha256').update(told.map((item) => item.id).join(',')).digest('hex').slice(0, 32)}`;
      await queueMail(notificationMail({ key, to: told[0]!.email, siteName: SITE_NAME, siteUrl: SITE_URL, items: told }), tx);
      return true;
    });
    if (sent) queued += 1;
  }
  return queued;
}
