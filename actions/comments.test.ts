import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { comments, users } from '@/db/schema';
import { BAN_UNTIL } from '@/lib/comment-standing';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/format';
import { formOf, redirectOf, setUpActionTests } from '@/test/action-helpers';
import { daysAgo } from '@/test/factories';
import { signInAs } from '@/test/stubs/auth';
import { recorded } from '@/test/stubs/next-cache';

import { editCommentAction, likeCommentAction, postCommentAction, reportCommentAction } from './comments';

vi.mock('@/auth', () => import('@/test/stubs/auth'));

const factory = setUpActionTests();

async function scene() {
  const section = await factory.section();
  const article = await factory.article({ sectionId: section.id, publishedAt: daysAgo(1) });
  const reader = await factory.user('reader');
  // Past the new-account hold.
  await getDb().insert(comments).values([1, 2].map((n) => ({ articleId: article.id, userId: reader.id, body: `Earlier ${n}`, status: 'published' as const, createdAt: daysAgo(1) })));
  return { article, reader, path: `/${section.slug}/${article.slug}` };
}

describe('comment actions', () => {
  it('answers a plain form post (no JavaScript) with a redirect to the new comment, and an enhanced one with state', async () => {
    const { article, reader, path } = await scene();
    signInAs(reader);
    const location = await redirectOf(postCommentAction({ ok: false }, formOf({ articleId: String(article.id), body: 'Posted without scripts', returnTo: path })));
    const [posted] = await getDb().select({ id: comments.id }).from(comments).where(eq(comments.body, 'Posted without scripts'));
    expect(location).toBe(`${path}?comment=${posted!.id}#comment-${posted!.id}`);
    expect(recorded.updated).toEqual([`comments:${article.id}`]);

    const state = await postCommentAction({ ok: false }, formOf({ articleId: String(article.id), body: 'Posted with scripts', returnTo: path, js: '1' }));
    expect(state).toMatchObject({ ok: true, status: 'published' });
  });

  it('renders the page again for the author of a held comment (so it stands in place), and touches no shared cache', async () => {
    const { article, path } = await scene();
    const newcomer = await factory.user('reader');
    signInAs(newcomer);
    const state = await postCommentAction({ ok: false }, formOf({ articleId: String(article.id), body: 'Held, with scripts', returnTo: path, js: '1' }));
    expect(state).toMatchObject({ ok: true, status: 'pending' });
    expect(recorded.refreshes).toBe(1);
    expect(recorded.updated).toEqual([]);

    // Without JavaScript: back to the story, at the held comment.
    const location = await redirectOf(postCommentAction({ ok: false }, formOf({ articleId: String(article.id), body: 'Held, without scripts', returnTo: path })));
    const [held] = await getDb().select({ id: comments.id, status: comments.status }).from(comments).where(eq(comments.body, 'Held, without scripts'));
    expect(held).toMatchObject({ status: 'pending' });
    expect(location).toBe(`${path}?comment=${held!.id}#comment-${held!.id}`);
    expect(recorded.updated).toEqual([]);
  });

  it('refuses the same comment posted again with a message, keeping the text, and stores it once', async () => {
    const { article, reader, path } = await scene();
    signInAs(reader);
    const form = () => formOf({ articleId: String(article.id), body: 'Posted twice by mistake ', returnTo: path, js: '1' });
    expect(await postCommentAction({ ok: false }, form())).toMatchObject({ ok: true, status: 'published' });
    expect(await postCommentAction({ ok: false }, form())).toEqual({
      ok: false,
      formError: 'You have just posted this same comment, so it was not posted again. Your text is kept below if you want to change it.',
      body: 'Posted twice by mistake ',
    });
    expect(await getDb().select({ id: comments.id }).from(comments).where(eq(comments.body, 'Posted twice by mistake'))).toHaveLength(1);
  });

  it('never redirects off the site, whatever returnTo says', async () => {
    const { article, reader } = await scene();
    signInAs(reader);
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const state = await postCommentAction({ ok: false }, formOf({ articleId: String(article.id), body: `Hostile return ${returnTo}`, returnTo }));
      expect(state).toMatchObject({ ok: true });
    }
  });

  it('refuses an anonymous or disabled caller, keeps the text, and stores nothing', async () => {
    const { article } = await scene();
    const disabled = await factory.user('reader', { disabled: true });
    for (const caller of [null, disabled]) {
      signInAs(caller);
      const state = await postCommentAction({ ok: false }, formOf({ articleId: String(article.id), body: 'Let me in', js: '1' }));
      expect(state).toEqual({ ok: false, formError: 'Sign in to comment.', body: 'Let me in' });
    }
    expect(await getDb().select().from(comments).where(eq(comments.body, 'Let me in'))).toEqual([]);
  });

  it('tells a banned reader they are banned, and a suspended one when they may comment again; keeps the text, stores nothing', async () => {
    const { article, reader } = await scene();
    const until = new Date(Date.now() + 7 * 86_400_000);
    signInAs(reader);
    const post = () => postCommentAction({ ok: false }, formOf({ articleId: String(article.id), body: 'Let me say this', js: '1' }));

    await getDb().update(users).set({ commentsSuspendedUntil: BAN_UNTIL }).where(eq(users.id, reader.id));
    expect(await post()).toEqual({ ok: false, formError: 'Your account is banned from commenting.', body: 'Let me say this' });

    await getDb().update(users).set({ commentsSuspendedUntil: until }).where(eq(users.id, reader.id));
    expect(await post()).toEqual({
      ok: false,
      formError: `Your account is suspended from commenting. You can comment again after ${formatDateTime(until.toISOString(), env().SITE_TIMEZONE)}.`,
      body: 'Let me say this',
    });
    expect(await getDb().select().from(comments).where(eq(comments.body, 'Let me say this'))).toEqual([]);
    expect(recorded.updated).toEqual([]);
  });

  it('refuses editing someone else’s comment and liking twice, as a forged request would try', async () => {
    const { article, reader, path } = await scene();
    const other = await factory.user('reader');
    const [theirs] = await getDb().insert(comments).values({ articleId: article.id, userId: other.id, body: 'Their words', status: 'published' }).returning({ id: comments.id });
    signInAs(reader);
    expect(await editCommentAction({ ok: false }, formOf({ commentId: String(theirs!.id), body: 'Hijacked', js: '1' }))).toEqual({ ok: false, formError: 'You can only edit your own comments, within 15 minutes of posting.', body: 'Hijacked' });
    expect(await likeCommentAction({ ok: false }, formOf({ commentId: String(theirs!.id), intent: 'like', js: '1' }))).toMatchObject({ ok: true, likeCount: 1 });
    expect(await likeCommentAction({ ok: false }, formOf({ commentId: String(theirs!.id), intent: 'like', js: '1', returnTo: path }))).toEqual({ ok: false, formError: 'You already like this comment.' });
    expect(await reportCommentAction({ ok: false }, formOf({ commentId: String(theirs!.id), reason: 'nonsense', note: '' }))).toMatchObject({ ok: false, fieldErrors: { reason: ['Choose a reason.'] } });
    const [row] = await getDb().select().from(comments).where(eq(comments.id, theirs!.id));
    expect(row).toMatchObject({ body: 'Their words', likeCount: 1 });
  });
});
