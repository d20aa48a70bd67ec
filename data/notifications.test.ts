import { eq, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { mailMessages, pendingNotifications, users } from '@/db/schema';
import { createFactory, daysAgo } from '@/test/factories';

import { createComment } from './comments';
import { moderateComments } from './moderation';
import { NOTIFY_WINDOW_MINUTES, sendDueReplyNotifications, updateNotificationPreferences } from './notifications';

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
  await getDb().delete(mailMessages).where(like(mailMessages.key, 'notify:%'));
});

const minutes = (n: number) => n * 60_000;

async function emailOf(userId: string): Promise<string> {
  const [row] = await getDb().select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row!.email;
}

async function messagesTo(email: string) {
  return getDb().select().from(mailMessages).where(eq(mailMessages.toAddress, email));
}

async function pendingOf(userId: string) {
  return getDb().select().from(pendingNotifications).where(eq(pendingNotifications.userId, userId));
}

/** A story where `commenter` has a published top-level comment, and two regulars whose replies publish at once. */
async function scene() {
  const section = await factory.section();
  const article = await factory.article({ sectionId: section.id, publishedAt: daysAgo(1), headline: 'Council votes on the bridge' });
  const commenter = await factory.user('editor', { name: 'Cora Commenter' });
  const replier = await factory.user('editor', { name: 'Rita Replier' });
  const other = await factory.user('editor', { name: 'Otto Other' });
  const comment = await createComment(commenter, { articleId: article.id, parentId: null, body: 'The bridge is long overdue.' });
  return { section, article, commenter, replier, other, comment, email: await emailOf(commenter.id) };
}

describe('reply notifications', () => {
  it('batches the replies of one window into one message with who, a quote and a link to each reply', async () => {
    const { article, section, commenter, replier, other, comment, email } = await scene();
    const first = await createComment(replier, { articleId: article.id, parentId: comment.id, body: 'Agreed, and about time too.' });
    const second = await createComment(other, { articleId: article.id, parentId: comment.id, body: 'It will cost a fortune.' });
    expect(await pendingOf(commenter.id)).toHaveLength(2);

    const now = new Date();
    await sendDueReplyNotifications(now);
    const [message, ...more] = await messagesTo(email);
    expect(more).toHaveLength(0);
    expect(message).toMatchObject({ kind: 'notification', subject: '2 new replies to your comments', status: 'queued' });
    expect(message!.key).toMatch(new RegExp(`^notify:${commenter.id}:`));
    expect(message!.textBody).toContain('Rita Replier replied on “Council votes on the bridge”');
    expect(message!.textBody).toContain('> Agreed, and about time too.');
    expect(message!.textBody).toContain(`http://localhost:3000/${section.slug}/${article.slug}?comment=${first.id}#comment-${first.id}`);
    expect(message!.textBody).toContain(`?comment=${second.id}#comment-${second.id}`);
    expect(message!.htmlBody).toContain('Otto Other replied');
    expect(message!.headers['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?t=.+>$/);
    expect(message!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(await pendingOf(commenter.id)).toHaveLength(0);
    const [after] = await getDb().select({ lastNotifiedAt: users.lastNotifiedAt }).from(users).where(eq(users.id, commenter.id));
    expect(after!.lastNotifiedAt?.getTime()).toBe(now.getTime());
  });

  it('sends at most one message per reader per 15 minutes; later replies wait for the window', async () => {
    const { article, replier, comment, email, commenter } = await scene();
    await createComment(replier, { articleId: article.id, parentId: comment.id, body: 'First.' });
    const start = new Date();
    expect(await sendDueReplyNotifications(start)).toBe(1);
    await createComment(replier, { articleId: article.id, parentId: comment.id, body: 'Second.' });
    expect(await sendDueReplyNotifications(new Date(start.getTime() + minutes(NOTIFY_WINDOW_MINUTES - 1)))).toBe(0);
    expect(await messagesTo(email)).toHaveLength(1);
    expect(await pendingOf(commenter.id)).toHaveLength(1);
    expect(await sendDueReplyNotifications(new Date(start.getTime() + minutes(NOTIFY_WINDOW_MINUTES)))).toBe(1);
    const messages = await messagesTo(email);
    expect(messages).toHaveLength(2);
    expect(messages.map((m) => m.subject)).toEqual(['A new reply to your comment', 'A new reply to your comment']);
  });

  it('runs twice at the same moment without a second message', async () => {
    const { article, replier, comment, email } = await scene();
    await createComment(replier, { articleId: article.id, parentId: comment.id, body: 'Once only.' });
    const now = new Date();
    const results = await Promise.all([sendDueReplyNotifications(now), sendDueReplyNotifications(now)]);
    expect(results.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await messagesTo(email)).toHaveLength(1);
  });

  it('never tells a reader about their own reply, nor a reader who switched replies off', async () => {
    const { article, commenter, replier, comment } = await scene();
    await createComment(commenter, { articleId: article.id, parentId: comment.id, body: 'Replying to myself.' });
    expect(await pendingOf(commenter.id)).toHaveLength(0);
    await updateNotificationPreferences(commenter.id, { replies: false, moderation: false });
    await createComment(replier, { articleId: article.id, parentId: comment.id, body: 'Nobody hears this.' });
    expect(await pendingOf(commenter.id)).toHaveLength(0);
  });

  it('tells the author of the reply that was answered, not the thread’s first author', async () => {
    const { article, commenter, replier, other, comment } = await scene();
    const reply = await createComment(replier, { articleId: article.id, parentId: comment.id, body: 'A reply.' });
    await createComment(other, { articleId: article.id, parentId: reply.id, body: 'A reply to the reply.' });
    expect(await pendingOf(replier.id)).toHaveLength(1);
    expect(await pendingOf(commenter.id)).toHaveLength(1);
  });

  it('tells of a held reply only once a moderator approves it, and drops a rejected one', async () => {
    const { article, commenter, comment, email } = await scene();
    const newcomer = await factory.user('reader', { name: 'New Reader' });
    const held = await createComment(newcomer, { articleId: article.id, parentId: comment.id, body: 'Held until approved.' });
    const dropped = await createComment(newcomer, { articleId: article.id, parentId: comment.id, body: 'Held and then rejected.' });
    expect(held.status).toBe('pending');
    expect(await sendDueReplyNotifications(new Date())).toBe(0);
    expect(await messagesTo(email)).toHaveLength(0);

    const editor = await factory.user('editor');
    await moderateComments(editor, [held.id], 'approve');
    await moderateComments(editor, [dropped.id], 'reject');
    expect(await sendDueReplyNotifications(new Date())).toBe(1);
    const [message] = await messagesTo(email);
    expect(message!.textBody).toContain('Held until approved.');
    expect(message!.textBody).not.toContain('Held and then rejected.');
    expect(await pendingOf(commenter.id)).toHaveLength(0);
  });
});

describe('moderation notifications', () => {
  it('tell a reader who asked that their held comment was approved or rejected, and nobody else', async () => {
    const section = await factory.section();
    const article = await factory.article({ sectionId: section.id, publishedAt: daysAgo(1) });
    const asked = await factory.user('reader');
    const quiet = await factory.user('reader');
    await updateNotificationPreferences(asked.id, { replies: true, moderation: true });
    const a1 = await createComment(asked, { articleId: article.id, parentId: null, body: 'Please approve this one.' });
    const a2 = await createComment(asked, { articleId: article.id, parentId: null, body: 'And reject this one.' });
    const q1 = await createComment(quiet, { articleId: article.id, parentId: null, body: 'Nobody tells me.' });
    const editor = await factory.user('editor');
    await moderateComments(editor, [a1.id, q1.id], 'approve');
    await moderateComments(editor, [a2.id], 'reject');
    expect(await pendingOf(quiet.id)).toHaveLength(0);
    expect(await sendDueReplyNotifications(new Date())).toBeGreaterThanOrEqual(1);
    const [message] = await messagesTo(await emailOf(asked.id));
    expect(message!.subject).toBe('Moderators’ decisions on 2 of your comments');
    expect(message!.textBody).toContain('was approved and is now published');
    expect(message!.textBody).toContain('was not published by the moderators');
    expect(message!.headers['List-Unsubscribe']).toContain('/api/unsubscribe?t=');
    expect(await messagesTo(await emailOf(quiet.id))).toHaveLength(0);
  });
});
