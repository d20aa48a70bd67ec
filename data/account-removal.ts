import 'server-only';

import { and, eq, inArray, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { commentLikes, comments, newsletterSubscriptions, users } from '@/db/schema';
import { WrongPasswordError } from '@/lib/errors';
import { verifyPassword } from '@/lib/passwords';

/** What happens to a leaving reader's comments. */
export type KeptComments = 'keep' | 'remove';

/**
 * The signed-in user only (their own id): deletes their account after checking the password. Their comments stay,
 * signed "Deleted account", or are removed (soft-deleted and emptied, so replies by others keep their place). The
 * like counts of what they liked go down; the users row goes, and with it (by cascade) their sessions, tokens,
 * likes, reports and pending notifications; the newsletter subscriptions of their address go too. Returns the
 * stories whose threads changed. Throws WrongPasswordError.
 */
export async function deleteOwnAccount(userId: string, password: string, keptComments: KeptComments): Promise<{ articleIds: number[] }> {
  const [user] = await getDb().select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user?.passwordHash || !(await verifyPassword(password, user.passwordHash))) throw new WrongPasswordError();
  return getDb().transaction(async (tx) => {
    const liked = await tx
      .update(comments)
      .set({ likeCount: sql`greatest(${comments.likeCount} - 1, 0)` })
      .where(inArray(comments.id, tx.select({ id: commentLikes.commentId }).from(commentLikes).where(eq(commentLikes.userId, userId))))
      .returning({ articleId: comments.articleId });
    const written = await tx
      .update(comments)
      .set(keptComments === 'remove' ? { userId: null, status: 'deleted', body: '' } : { userId: null })
      .where(eq(comments.userId, userId))
      .returning({ articleId: comments.articleId });
    await tx.delete(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, user.email));
    await tx.delete(users).where(and(eq(users.id, userId), eq(users.email, user.email)));
    return { articleIds: [...new Set([...liked, ...written].map((row) => row.articleId))] };
  });
}
