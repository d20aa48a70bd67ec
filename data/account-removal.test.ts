import { randomBytes } from 'node:crypto';

import { eq, inArray, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { accountTokens, commentLikes, commentReports, comments, newsletterSubscriptions, pendingNotifications, userSessions, users } from '@/db/schema';
import { WrongPasswordError } from '@/lib/errors';
import { createFactory, daysAgo } from '@/test/factories';

import { exportOwnAccount } from './account-export';
import { deleteOwnAccount } from './account-removal';
import { createAccount } from './accounts';
import { createComment, getThread, likeComment, reportComment } from './comments';
import { listModerationQueue } from './moderation';
import { registerAccount } from './registration';
import type { Viewer } from './viewer';

const tag = randomBytes(4).toString('hex');
const PASSWORD = 'long enough password';
let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
  await getDb().delete(users).where(like(users.email, `%-${tag}@example.org`));
  await getDb().delete(newsletterSubscriptions).where(like(newsletterSubscriptions.email, `%-${tag}@example.org`));
});

const address = (name: string) => `${name}${randomBytes(2).toString('hex')}-${tag}@example.org`;

/** A reader with a password whose comments are published at once (verified, two approved comments behind them). */
async function trustedReader(name: string): Promise<Viewer & { email: string }> {
  const user = await createAccount({ name, email: address(name.toLowerCase()), password: PASSWORD });
  const old = await factory.article({ sectionId: (await factory.section()).id, publishedAt: daysAgo(2) });
  await getDb().insert(comments).values([
    { articleId: old.id, userId: user.id, body: 'earlier one', status: 'published' },
    { articleId: old.id, userId: user.id, body: 'earlier two', status: 'published' },
  ]);
  return { id: user.id, name, role: 'reader', email: user.email };
}

async function story() {
  return factory.article({ sectionId: (await factory.section()).id, publishedAt: daysAgo(1) });
}

describe('the hold on unconfirmed addresses', () => {
  it('holds every comment of a registered reader until the address is confirmed, even with approved comments behind them', async () => {
    const email = address('newbie');
    await registerAccount({ name: 'Newbie', email, password: PASSWORD });
    const [user] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email));
    const article = await story();
    await getDb().insert(comments).values([1, 2].map((n) => ({ articleId: article.id, userId: user!.id, body: `approved ${n}`, status: 'published' as const })));
    const viewer: Viewer = { id: user!.id, name: 'Newbie', role: 'reader' };
    expect(await createComment(viewer, { articleId: article.id, parentId: null, body: 'Held until confirmed' })).toMatchObject({ status: 'pending', held: 'unverified' });
    await getDb().update(users).set({ emailVerified: new Date() }).where(eq(users.id, user!.id));
    expect(await createComment(viewer, { articleId: article.id, parentId: null, body: 'Now it is live' })).toMatchObject({ status: 'published', held: null });
  });

  it('counts accounts without a password (OAuth, e-mail link) and staff as confirmed', async () => {
    const article = await story();
    const oauthReader = await factory.user('reader');
    expect(await createComment(oauthReader, { articleId: article.id, parentId: null, body: 'From an OAuth account' })).toMatchObject({ held: 'new-account' });
    const editor = await factory.user('editor');
    expect(await createComment(editor, { articleId: article.id, parentId: null, body: 'From the desk' })).toMatchObject({ status: 'published' });
  });
});

describe('deleteOwnAccount', () => {
  it('keeps the comments signed "Deleted account", lowers the like counts, and removes everything personal', async () => {
    const leaver = await trustedReader('Leaver');
    const writer = await trustedReader('Writer');
    const article = await story();
    const own = await createComment(leaver, { articleId: article.id, parentId: null, body: 'My kept comment' });
    const other = await createComment(writer, { articleId: article.id, parentId: null, body: 'Somebody else’s comment' });
    await likeComment(leaver, other.id);
    await likeComment(writer, own.id);
    await reportComment(leaver, other.id, { reason: 'spam', note: 'watches' });
    await getDb().insert(userSessions).values({ id: `s-${leaver.id}`, userId: leaver.id, expiresAt: new Date(Date.now() + 86_400_000) });
    await getDb().insert(accountTokens).values({ userId: leaver.id, kind: 'reset_password', tokenHash: `hash-${leaver.id}`, expiresAt: new Date(Date.now() + 3_600_000) });
    await getDb().insert(pendingNotifications).values({ userId: leaver.id, kind: 'reply', commentId: own.id });
    await getDb().insert(newsletterSubscriptions).values([{ email: leaver.email, list: 'daily', userId: leaver.id }, { email: leaver.email, list: 'section:world' }]);

    const { articleIds } = await deleteOwnAccount(leaver.id, PASSWORD, 'keep');
    // This story and the older one where their first comments stand.
    expect(articleIds).toHaveLength(2);
    expect(articleIds).toContain(article.id);

    const thread = await getThread(article.id);
    const byBody = Object.fromEntries(thread.comments.map((comment) => [comment.body, comment]));
    expect(byBody['My kept comment']).toMatchObject({ authorName: 'Deleted account', authorRole: 'reader', likeCount: 1, isDeleted: false });
    expect(byBody['Somebody else’s comment']).toMatchObject({ authorName: 'Writer', likeCount: 0 });
    expect(await getDb().select({ userId: comments.userId, status: comments.status }).from(comments).where(eq(comments.id, own.id))).toEqual([{ userId: null, status: 'published' }]);

    const left = async <T>(rows: Promise<T[]>) => (await rows).length;
    expect(await left(getDb().select().from(users).where(eq(users.id, leaver.id)))).toBe(0);
    expect(await left(getDb().select().from(commentLikes).where(eq(commentLikes.userId, leaver.id)))).toBe(0);
    expect(await left(getDb().select().from(commentReports).where(eq(commentReports.userId, leaver.id)))).toBe(0);
    expect(await left(getDb().select().from(userSessions).where(eq(userSessions.userId, leaver.id)))).toBe(0);
    expect(await left(getDb().select().from(accountTokens).where(eq(accountTokens.userId, leaver.id)))).toBe(0);
    expect(await left(getDb().select().from(pendingNotifications).where(eq(pendingNotifications.userId, leaver.id)))).toBe(0);
    expect(await left(getDb().select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.email, leaver.email)))).toBe(0);
  });

  it('keeps a held comment in the moderators’ queue, signed "Deleted account", with no one to suspend', async () => {
    const email = address('held');
    await registerAccount({ name: 'Held Leaver', email, password: PASSWORD });
    const [user] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email));
    const article = await story();
    const held = await createComment({ id: user!.id, name: 'Held Leaver', role: 'reader' }, { articleId: article.id, parentId: null, body: 'Waiting for a moderator' });
    await deleteOwnAccount(user!.id, PASSWORD, 'keep');
    const queue = await listModerationQueue(await factory.user('editor'), { tab: 'pending' });
    expect(queue.items.find((item) => item.id === held.id)?.author).toMatchObject({ id: null, name: 'Deleted account', role: 'reader' });
  });

  it('removes the comments when asked, keeping the replies of others in their place', async () => {
    const leaver = await trustedReader('Remover');
    const writer = await trustedReader('Replier');
    const article = await story();
    const own = await createComment(leaver, { articleId: article.id, parentId: null, body: 'Going with me' });
    await createComment(writer, { articleId: article.id, parentId: own.id, body: 'A reply that stays' });
    await deleteOwnAccount(leaver.id, PASSWORD, 'remove');
    expect(await getDb().select({ userId: comments.userId, status: comments.status, body: comments.body }).from(comments).where(eq(comments.id, own.id))).toEqual([{ userId: null, status: 'deleted', body: '' }]);
    const [top] = (await getThread(article.id)).comments;
    expect(top).toMatchObject({ isDeleted: true, body: '', authorName: '' });
    expect(top!.replies.map((reply) => [reply.body, reply.authorName])).toEqual([['A reply that stays', 'Replier']]);
  });

  it('refuses a wrong password and changes nothing', async () => {
    const stayer = await trustedReader('Stayer');
    await expect(deleteOwnAccount(stayer.id, 'not the password', 'remove')).rejects.toBeInstanceOf(WrongPasswordError);
    expect(await getDb().select({ id: users.id }).from(users).where(eq(users.id, stayer.id))).toEqual([{ id: stayer.id }]);
    await expect(deleteOwnAccount(`${stayer.id}-nobody`, PASSWORD, 'keep')).rejects.toBeInstanceOf(WrongPasswordError);
  });
});

describe('exportOwnAccount', () => {
  it('holds the profile, comments, likes, reports and newsletter subscriptions of the account, and no one else’s', async () => {
    const owner = await trustedReader('Owner');
    const other = await trustedReader('Other');
    const article = await story();
    const theirs = await createComment(other, { articleId: article.id, parentId: null, body: 'Not mine' });
    await createComment(owner, { articleId: article.id, parentId: null, body: 'Mine' });
    await likeComment(owner, theirs.id);
    await reportComment(owner, theirs.id, { reason: 'off_topic', note: 'wanders' });
    await getDb().insert(newsletterSubscriptions).values({ email: owner.email, list: 'daily' });

    const data = await exportOwnAccount(owner.id);
    expect(data!.profile).toMatchObject({ name: 'Owner', email: owner.email, role: 'reader', emailVerified: expect.any(String) });
    expect(data!.comments.map((comment) => comment.body)).toEqual(['earlier one', 'earlier two', 'Mine']);
    expect(data!.likes).toEqual([{ commentId: theirs.id, createdAt: expect.any(String) }]);
    expect(data!.reports).toEqual([{ commentId: theirs.id, reason: 'off_topic', note: 'wanders', createdAt: expect.any(String), resolvedAt: null }]);
    expect(data!.newsletterSubscriptions).toEqual([{ list: 'daily', createdAt: expect.any(String), confirmedAt: null, unsubscribedAt: null }]);
    expect(JSON.stringify(data)).not.toContain('password');
    expect(await exportOwnAccount('no-such-account')).toBeNull();
    await getDb().delete(comments).where(inArray(comments.userId, [owner.id, other.id]));
  });
});
