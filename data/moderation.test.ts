import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { articles, auditLog, commentReports, comments, users } from '@/db/schema';
import { BAN_UNTIL } from '@/lib/comment-standing';
import { ForbiddenError } from '@/lib/errors';
import { formOf, redirectOf } from '@/test/action-helpers';
import { createFactory, daysAgo } from '@/test/factories';
import { recorded, resetRecorded } from '@/test/stubs/next-cache';

import { createComment, getThread, reportComment } from './comments';
import { listModerationQueue, moderateComments, setCommentsClosed, suspendCommenter } from './moderation';

const session = vi.hoisted(() => ({ current: null as { uid: string; sv: number } | null }));
vi.mock('@/auth', () => ({ auth: async () => session.current }));
const { moderateAction } = await import('@/actions/moderation');

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
  resetRecorded();
  session.current = null;
});
afterEach(async () => {
  await factory.cleanUp();
});


async function scene() {
  const section = await factory.section();
  const article = await factory.article({ sectionId: section.id, publishedAt: daysAgo(1) });
  const newcomer = await factory.user('reader', { name: 'New Reader' });
  const regular = await factory.user('reader', { name: 'Regular Reader' });
  await getDb().insert(comments).values([1, 2].map((n) => ({ articleId: article.id, userId: regular.id, body: `Old ${n}`, status: 'published' as const, createdAt: daysAgo(1) })));
  const pending = await createComment(newcomer, { articleId: article.id, parentId: null, body: 'Please approve me' });
  const published = await createComment(regular, { articleId: article.id, parentId: null, body: 'Something reportable' });
  return { article, newcomer, regular, pending, published };
}

describe('moderation', () => {
  it('lists pending and reported comments with the author’s record and the report reasons', async () => {
    const { pending, published, regular, newcomer } = await scene();
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
    const { article, pending, published, newcomer } = await scene();
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
    const { pending, published } = await scene();
    const editor = await factory.user('admin');
    const result = await moderateComments(editor, [pending.id, published.id], 'reject');
    expect(result.changed).toBe(2);
    const rows = await getDb().select({ status: comments.status }).from(comments).where(inArray(comments.id, [pending.id, published.id]));
    expect(rows.map((row) => row.status)).toEqual(['rejected', 'rejected']);
  });

  it('closes and reopens a story’s comments, and suspends or bans a reader', async () => {
    const { article, regular, newcomer, published } = await scene();
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
    await expect(suspendCommenter(editor, staff.id, BAN_UNTIL)).rejects.toMatchObject({ field: 'userId' });
  });

  it('refuses readers, contributors and nobody in the data layer', async () => {
    const { pending, article, regular } = await scene();
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

describe('moderateAction (called directly, as a forged request would)', () => {
  it('refuses an anonymous caller, a reader, a contributor and a disabled editor; nothing changes', async () => {
    const { pending, article } = await scene();
    const reader = await factory.user('reader');
    const contributor = await factory.user('contributor');
    const disabledEditor = await factory.user('editor', { disabled: true });
    for (const caller of [null, reader, contributor, disabledEditor]) {
      session.current = caller ? { uid: caller.id, sv: 1 } : null;
      expect(await moderateAction({ ok: false }, formOf({ intent: `approve:${pending.id}` }))).toEqual({ ok: false, formError: 'You do not have permission to moderate.' });
      expect(await moderateAction({ ok: false }, formOf({ intent: `close:${article.id}` }))).toMatchObject({ ok: false });
    }
    const [row] = await getDb().select({ status: comments.status }).from(comments).where(eq(comments.id, pending.id));
    expect(row!.status).toBe('pending');
    const [story] = await getDb().select({ closed: articles.commentsClosed }).from(articles).where(eq(articles.id, article.id));
    expect(story!.closed).toBe(false);
    expect(recorded.updated).toEqual([]);
  });

  it('lets an editor approve in bulk and refreshes the thread’s cache tag', async () => {
    const { pending, published, article } = await scene();
    const editor = await factory.user('editor');
    session.current = { uid: editor.id, sv: 1 };
    const result = await moderateAction({ ok: false }, formOf({ intent: 'bulk', decision: 'reject', commentId: [String(pending.id), String(published.id)] }));
    expect(result).toEqual({ ok: true, notice: '2 comments were rejected.' });
    expect(recorded.updated).toEqual([`comments:${article.id}`]);
    expect(await moderateAction({ ok: false }, formOf({ intent: 'bulk', decision: 'approve' }))).toEqual({ ok: false, formError: 'Tick at least one comment.' });
    expect(await moderateAction({ ok: false }, formOf({ intent: 'drop-table:1' }))).toEqual({ ok: false, formError: 'Choose what to do.' });
  });

  it('says what each decision did: "Keep (dismiss reports)" dismisses the reports and the comment stays up (issue 10, bug 6)', async () => {
    const { article, pending, published, newcomer, regular } = await scene();
    const editor = await factory.user('editor');
    session.current = { uid: editor.id, sv: 1 };
    const decide = (intent: string) => moderateAction({ ok: false }, formOf({ intent }));
    const statusOf = async (id: number) => (await getDb().select({ status: comments.status }).from(comments).where(eq(comments.id, id)))[0]!.status;
    await reportComment(newcomer, published.id, { reason: 'abuse', note: '' });

    // The queue's "Keep (dismiss reports)" button posts approve:{id} for a published, reported comment.
    expect(await decide(`approve:${published.id}`)).toEqual({ ok: true, notice: 'The reports were dismissed; the comment stays up.' });
    expect(await statusOf(published.id)).toBe('published');
    const [report] = await getDb().select({ resolvedAt: commentReports.resolvedAt }).from(commentReports).where(eq(commentReports.commentId, published.id));
    expect(report!.resolvedAt).not.toBeNull();
    expect(recorded.updated).toContain(`comments:${article.id}`);
    expect(await decide(`approve:${published.id}`)).toEqual({ ok: true, notice: 'The comment was already published, with no open reports.' });

    expect(await decide(`approve:${pending.id}`)).toEqual({ ok: true, notice: 'The comment was approved.' });
    expect(await decide(`unfeature:${published.id}`)).toEqual({ ok: true, notice: 'The comment was not featured.' });
    expect(await decide(`feature:${published.id}`)).toEqual({ ok: true, notice: 'The comment was featured.' });
    expect(await decide(`unfeature:${published.id}`)).toEqual({ ok: true, notice: 'The comment was taken off the featured list.' });
    expect(await decide(`reject:${published.id}`)).toEqual({ ok: true, notice: 'The comment was rejected.' });
    expect(await decide(`reject:${published.id}`)).toEqual({ ok: true, notice: 'The comment was already rejected.' });
    expect(await decide(`delete:${pending.id}`)).toEqual({ ok: true, notice: 'The comment was deleted.' });
    expect(await decide(`delete:${pending.id}`)).toEqual({ ok: true, notice: 'The comment was already deleted.' });

    // In bulk, each comment is counted under what was done to it.
    const held = await createComment(newcomer, { articleId: article.id, parentId: null, body: 'Held again' });
    const reported = await createComment(regular, { articleId: article.id, parentId: null, body: 'Reported again' });
    const quiet = await createComment(regular, { articleId: article.id, parentId: null, body: 'Nobody minds this one' });
    await reportComment(newcomer, reported.id, { reason: 'spam', note: '' });
    const ticked = [held, reported, quiet].map((comment) => String(comment.id));
    expect(await moderateAction({ ok: false }, formOf({ intent: 'bulk', decision: 'approve', commentId: ticked }))).toEqual({
      ok: true,
      notice: '1 comment was approved. The reports on 1 comment were dismissed; it stays up. 1 comment was already published, with no open reports.',
    });
    expect(await Promise.all([held, reported, quiet].map((comment) => statusOf(comment.id)))).toEqual(['published', 'published', 'published']);
  });

  it('suspends a reader for seven days', async () => {
    const { regular } = await scene();
    const editor = await factory.user('editor');
    session.current = { uid: editor.id, sv: 1 };
    expect(await moderateAction({ ok: false }, formOf({ intent: `suspend:${regular.id}:7` }))).toMatchObject({ ok: true });
    expect(recorded.refreshes).toBe(1);
    expect(recorded.updated).toEqual([]);
    const [row] = await getDb().select({ until: users.commentsSuspendedUntil }).from(users).where(eq(users.id, regular.id));
    expect(row!.until!.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
  });
});

describe('the queue’s context and confirmations (issue 10: safe destructive actions, ADR 0016)', () => {
  it('shows a reply with the comment it answers: its author and the start of its text', async () => {
    const { article, regular, newcomer } = await scene();
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

  it('a confirmed decision redirects back to the queue (tab and page kept) with what it did; an unconfirmed one answers in place', async () => {
    const { pending, published, regular } = await scene();
    const editor = await factory.user('editor');
    session.current = { uid: editor.id, sv: 1 };
    const bulk = await redirectOf(moderateAction({ ok: false }, formOf({ intent: 'bulk', decision: 'delete', commentId: [String(pending.id), String(published.id)], confirmed: 'yes', tab: 'all', page: '2' })));
    expect(bulk).toBe('/dashboard/comments?tab=all&page=2&done=delete&total=2&changed=2&kept=0');
    const ban = await redirectOf(moderateAction({ ok: false }, formOf({ intent: `suspend:${regular.id}:ban`, confirmed: 'yes', tab: 'pending', page: '1' })));
    expect(ban).toBe('/dashboard/comments?done=suspend&length=ban');
    expect(await moderateAction({ ok: false }, formOf({ intent: `suspend:${regular.id}:lift` }))).toEqual({ ok: true, notice: 'The reader may comment again.' });
    // A forged tab or page is dropped, never echoed.
    const forged = await redirectOf(moderateAction({ ok: false }, formOf({ intent: `approve:${pending.id}`, confirmed: 'yes', tab: 'https://evil.example', page: '-1' })));
    expect(forged).toBe('/dashboard/comments?done=approve&total=1&changed=1&kept=0');
  });
});
