import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

import { createComment, reportComment } from '@/data/comments';
import { getDb } from '@/db/client';
import { articles, commentReports, comments, users } from '@/db/schema';
import { formOf, redirectOf, setUpActionTests } from '@/test/action-helpers';
import { moderationScene } from '@/test/scenes';
import { signInAs } from '@/test/stubs/auth';
import { recorded } from '@/test/stubs/next-cache';

import { moderateAction } from './moderation';

vi.mock('@/auth', () => import('@/test/stubs/auth'));

const factory = setUpActionTests();


describe('moderateAction (called directly, as a forged request would)', () => {
  it('refuses an anonymous caller, a reader, a contributor and a disabled editor; nothing changes', async () => {
    const { pending, article, regular } = await moderationScene(factory);
    const reader = await factory.user('reader');
    const contributor = await factory.user('contributor');
    const disabledEditor = await factory.user('editor', { disabled: true });
    for (const caller of [null, reader, contributor, disabledEditor]) {
      signInAs(caller);
      for (const intent of [`approve:${pending.id}`, `close:${article.id}`, `suspend:${regular.id}:ban`]) {
        expect(await moderateAction({ ok: false }, formOf({ intent }))).toEqual({ ok: false, formError: 'You do not have permission to moderate.' });
      }
    }
    const [row] = await getDb().select({ status: comments.status }).from(comments).where(eq(comments.id, pending.id));
    expect(row!.status).toBe('pending');
    const [story] = await getDb().select({ closed: articles.commentsClosed }).from(articles).where(eq(articles.id, article.id));
    expect(story!.closed).toBe(false);
    const [standing] = await getDb().select({ until: users.commentsSuspendedUntil }).from(users).where(eq(users.id, regular.id));
    expect(standing!.until).toBeNull();
    expect(recorded.updated).toEqual([]);
  });

  it('lets an editor approve in bulk and refreshes the thread’s cache tag', async () => {
    const { pending, published, article } = await moderationScene(factory);
    const editor = await factory.user('editor');
    signInAs(editor);
    const result = await moderateAction({ ok: false }, formOf({ intent: 'bulk', decision: 'reject', commentId: [String(pending.id), String(published.id)] }));
    expect(result).toEqual({ ok: true, notice: '2 comments were rejected.' });
    expect(recorded.updated).toEqual([`comments:${article.id}`]);
    expect(await moderateAction({ ok: false }, formOf({ intent: 'bulk', decision: 'approve' }))).toEqual({ ok: false, formError: 'Tick at least one comment.' });
    expect(await moderateAction({ ok: false }, formOf({ intent: 'drop-table:1' }))).toEqual({ ok: false, formError: 'Choose what to do.' });
  });

  it('says what each decision did: "Keep (dismiss reports)" dismisses the reports and the comment stays up (issue 10, bug 6)', async () => {
    const { article, pending, published, newcomer, regular } = await moderationScene(factory);
    const editor = await factory.user('editor');
    signInAs(editor);
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
    const { regular } = await moderationScene(factory);
    const editor = await factory.user('editor');
    signInAs(editor);
    expect(await moderateAction({ ok: false }, formOf({ intent: `suspend:${regular.id}:7` }))).toMatchObject({ ok: true });
    expect(recorded.refreshes).toBe(1);
    expect(recorded.updated).toEqual([]);
    const [row] = await getDb().select({ until: users.commentsSuspendedUntil }).from(users).where(eq(users.id, regular.id));
    expect(row!.until!.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
  });

  it('a confirmed decision redirects back to the queue (tab and page kept) with what it did; an unconfirmed one answers in place', async () => {
    const { pending, published, regular } = await moderationScene(factory);
    const editor = await factory.user('editor');
    signInAs(editor);
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
