import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, commentReports, comments } from '@/db/schema';
import { BAN_UNTIL } from '@/lib/comment-standing';
import { ForbiddenError } from '@/lib/errors';
import { createFactory, daysAgo } from '@/test/factories';
import { moderationScene } from '@/test/scenes';

import { createComment, getThread, reportComment } from './comments';
import { listModerationQueue, moderateComments, setCommentsClosed, suspendCommenter } from './moderation';


let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
});



describe('moderation', () => {
  it('lists pending and reported comments with the author’s record and the report reasons', async () => {
    const { pending, published, regular, newcomer } = await moderationScene(factory);
    const editor = await factory.user('editor');
    await reportComment(newcomer, published.id, { reason: 'abuse', note: 'Rude to the council' });
    const pendingTab = await listModerationQueue(editor, { tab: 'pending' });
    expect(pendingTab.items.map((item) => item.id)).toContain(pending.id);
    expect(pendingTab.items.map((item) => item.id)).not.toContain(published.id);
    const reported = await listModerationQueue(editor, { tab: 'reported' });
    const item = reported.items.find((candidate) => candidate.id === published.id);
    expect(item).toMatchObject({ author: { id: regular.id, approved: 3, rejected: 0 }, reports: [{ reason: 'abuse', note: 'Rude to the council' }] });
  });

  it('approves, rejects, features and deletes; the public thread follows and reports are resolved', async () => {
    const { article, pending, published, newcomer } = await moderationScene(factory);
    const editor = await factory.user('editor');
    await reportComment(newcomer, published.id, { reason: 'spam', note: '' });
    expect((await getThread(article.id)).comments.map((comment) => comment.body)).toEqual(['Old 1', 'Old 2', 'Something reportable']);

    await moderateComments(editor, [pending.id], 'approve');
    expect((await getThread(article.id)).comments.map((comment) => comment.body)).toContain('Please approve me');
    await moderateComments(editor, [pending.id], 'feature');
    expect((await getThread(article.id)).comments[0]).toMatchObject({ body: 'Please approve me', isFeatured: true });

    await moderateComments(editor, [published.id], 'reject');
    expect((await getThread(article.id)).comments.map((comment) => comment.body)).not.toContain('Something reportable');
    const [report] = await getDb().select().from(commentReports).where(eq(commentReports.commentId, published.id));
    expect(report!.resolvedAt).not.toBeNull();

    await moderateComments(editor, [pending.id], 'delete');
    expect((await getThread(article.id)).comments.map((comment) => comment.body)).toEqual(['Old 1', 'Old 2']);
    const audit = await getDb().select({ action: auditLog.action }).from(auditLog).where(inArray(auditLog.subject, [`comment:${pending.id}`, `comment:${published.id}`]));
    expect(audit.map((entry) => entry.action).sort()).toEqual(['comment.approve', 'comment.delete', 'comment.feature', 'comment.reject']);
  });

  it('applies a bulk decision to every selected comment at once', async () => {
    const { pending, published } = await moderationScene(factory);
    const editor = await factory.user('admin');
    const result = await moderateComments(editor, [pending.id, published.id], 'reject');
    expect(result.changed).toBe(2);
    const rows = await getDb().select({ status: comments.status }).from(comments).where(inArray(comments.id, [pending.id, published.id]));
    expect(rows.map((row) => row.status)).toEqual(['rejected', 'rejected']);
  });

  it('closes and reopens a story’s comments, and suspends or bans a reader', async () => {
    const { article, regular, newcomer, published } = await moderationScene(factory);
    const editor = await factory.user('editor');
    await setCommentsClosed(editor, article.id, true);
    expect((await getThread(article.id)).isOpen).toBe(false);
    await expect(createComment(regular, { articleId: article.id, parentId: null, body: 'Closed?' })).rejects.toMatchObject({ reason: 'closed' });
    await setCommentsClosed(editor, article.id, false);
    expect((await getThread(article.id)).isOpen).toBe(true);

    await suspendCommenter(editor, regular.id, BAN_UNTIL);
    await expect(createComment(regular, { articleId: article.id, parentId: null, body: 'Banned?' })).rejects.toMatchObject({ reason: 'banned' });
    // The queue says banned, not "suspended until 31 December 9999".
    await reportComment(newcomer, published.id, { reason: 'abuse', note: '' });
    const standingInQueue = async () => (await listModerationQueue(editor, { tab: 'reported' })).items.find((item) => item.id === published.id)?.author.standing;
    expect(await standingInQueue()).toEqual({ kind: 'banned' });
    await suspendCommenter(editor, regular.id, null);
    expect(await standingInQueue()).toEqual({ kind: 'active' });
    await expect(createComment(regular, { articleId: article.id, parentId: null, body: 'Back again' })).resolves.toMatchObject({ status: 'published' });
    const staff = await factory.user('contributor');
    await expect(suspendCommenter(editor, staff.id, BAN_UNTIL)).rejects.toMatchObject({ field: 'userId', message: 'Staff accounts are managed on the people page.' });
  });

  it('refuses readers, contributors and nobody in the data layer', async () => {
    const { pending, article, regular } = await moderationScene(factory);
    for (const viewer of [null, await factory.user('reader'), await factory.user('contributor')]) {
      await expect(listModerationQueue(viewer)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(moderateComments(viewer, [pending.id], 'approve')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setCommentsClosed(viewer, article.id, true)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(suspendCommenter(viewer, regular.id, BAN_UNTIL)).rejects.toBeInstanceOf(ForbiddenError);
    }
    const [row] = await getDb().select({ status: comments.status }).from(comments).where(eq(comments.id, pending.id));
    expect(row!.status).toBe('pending');
  });
});

describe('the queue’s context (issue 10)', () => {
  it('shows a reply with the comment it answers: its author and the start of its text', async () => {
    const { article, regular, newcomer } = await moderationScene(factory);
    const editor = await factory.user('editor');
    const [parent] = await getDb()
      .insert(comments)
      .values({ articleId: article.id, userId: regular.id, body: `The libraries\n\nclose at five.  ${'Long words '.repeat(30)}`, status: 'published', createdAt: daysAgo(1) })
      .returning({ id: comments.id });
    const reply = await createComment(newcomer, { articleId: article.id, parentId: parent!.id, body: 'They do not' });
    const queue = await listModerationQueue(editor, { tab: 'pending' });
    const item = queue.items.find((candidate) => candidate.id === reply.id)!;
    expect(item.isReply).toBe(true);
    expect(item.parent).toMatchObject({ id: parent!.id, authorName: 'Regular Reader', status: 'published' });
    expect(item.parent!.excerpt).toMatch(/^The libraries close at five\. Long words/);
    expect(item.parent!.excerpt.endsWith('…')).toBe(true);
    expect(item.parent!.excerpt.length).toBeLessThanOrEqual(161);
    expect(queue.items.find((candidate) => candidate.id !== reply.id && candidate.isReply === false)?.parent ?? null).toBeNull();
  });
});
