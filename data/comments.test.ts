import { randomBytes } from 'node:crypto';

import { eq, inArray, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { articles, comments, users } from '@/db/schema';
import { createFactory, daysAgo } from '@/test/factories';

import { createAccount } from './accounts';
import { CommentRefusedError, createComment, deleteOwnComment, editOwnComment, getThread } from './comments';
import type { Viewer } from './viewer';

const tag = randomBytes(4).toString('hex');
let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
  await getDb().delete(users).where(like(users.email, `%-${tag}@example.org`));
});

async function reader(name: string, trusted = true): Promise<Viewer> {
  const user = await createAccount({ name, email: `${name.toLowerCase().replace(/\W/g, '')}${randomBytes(2).toString('hex')}-${tag}@example.org`, password: 'long enough pw' });
  if (trusted) {
    // Two approved comments already: past the new-account hold.
    const section = await factory.section();
    const old = await factory.article({ sectionId: section.id, publishedAt: daysAgo(1) });
    await getDb().insert(comments).values([
      { articleId: old.id, userId: user.id, body: 'earlier one', status: 'published', createdAt: daysAgo(1) },
      { articleId: old.id, userId: user.id, body: 'earlier two', status: 'published', createdAt: daysAgo(1) },
    ]);
  }
  return { id: user.id, name: user.name, role: 'reader' };
}

async function openArticle() {
  const section = await factory.section();
  return factory.article({ sectionId: section.id, publishedAt: daysAgo(1) });
}

const refusal = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: unknown) => (error instanceof CommentRefusedError ? error.reason : String(error)));

describe('createComment and getThread', () => {
  it('publishes a comment and threads replies two levels deep', async () => {
    const viewer = await reader('Ann');
    const article = await openArticle();
    const top = await createComment(viewer, { articleId: article.id, parentId: null, body: 'First!' });
    const reply = await createComment(viewer, { articleId: article.id, parentId: top.id, body: 'A reply' });
    await createComment(viewer, { articleId: article.id, parentId: reply.id, body: 'A reply to the reply' });
    expect(top.status).toBe('published');
    const thread = await getThread(article.id);
    expect(thread.total).toBe(1);
    expect(thread.comments[0]).toMatchObject({ body: 'First!', authorName: 'Ann' });
    expect(thread.comments[0]!.replies.map((comment) => comment.body)).toEqual(['A reply', 'A reply to the reply']);
  });

  it("holds a new account's first comments and keeps them out of the public thread", async () => {
    const viewer = await reader('Newbie', false);
    const article = await openArticle();
    const first = await createComment(viewer, { articleId: article.id, parentId: null, body: 'Hello, first time here' });
    expect(first).toMatchObject({ status: 'pending', held: 'new-account' });
    expect((await getThread(article.id)).total).toBe(0);
  });

  it('refuses unpublished, closed and old articles, foreign parents, and disabled users; stores nothing', async () => {
    const viewer = await reader('Rex');
    const section = await factory.section();
    const draft = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null });
    const old = await factory.article({ sectionId: section.id, publishedAt: daysAgo(40) });
    const closed = await factory.article({ sectionId: section.id, publishedAt: daysAgo(1) });
    await getDb().update(articles).set({ commentsClosed: true }).where(eq(articles.id, closed.id));
    const other = await openArticle();
    const elsewhere = await createComment(viewer, { articleId: other.id, parentId: null, body: 'Over here' });
    const target = await openArticle();

    expect(await refusal(createComment(viewer, { articleId: draft.id, parentId: null, body: 'Sneaky' }))).toBe('not-found');
    expect(await refusal(createComment(viewer, { articleId: 999_999_999, parentId: null, body: 'Forged id' }))).toBe('not-found');
    expect(await refusal(createComment(viewer, { articleId: old.id, parentId: null, body: 'Too late' }))).toBe('closed');
    expect(await refusal(createComment(viewer, { articleId: closed.id, parentId: null, body: 'Closed' }))).toBe('closed');
    expect(await refusal(createComment(viewer, { articleId: target.id, parentId: elsewhere.id, body: 'Cross-thread' }))).toBe('bad-parent');
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, viewer.id));
    expect(await refusal(createComment(viewer, { articleId: target.id, parentId: null, body: 'Banned' }))).toBe('not-allowed');
    const stored = await getDb().select({ id: comments.id }).from(comments).where(inArray(comments.articleId, [draft.id, old.id, closed.id, target.id]));
    expect(stored).toEqual([]);
  });

  it('keeps a deleted comment in place while it has replies, without its text or author', async () => {
    const viewer = await reader('Del');
    const article = await openArticle();
    const top = await createComment(viewer, { articleId: article.id, parentId: null, body: 'Soon gone' });
    await createComment(viewer, { articleId: article.id, parentId: top.id, body: 'Still here' });
    await getDb().update(comments).set({ status: 'deleted' }).where(eq(comments.id, top.id));
    const [shown] = (await getThread(article.id)).comments;
    expect(shown).toMatchObject({ isDeleted: true, body: '', authorName: '' });
    expect(shown!.replies.map((reply) => reply.body)).toEqual(['Still here']);
  });

  it('limits each user to 5 a minute, and under parallel posting stores exactly the comments it accepted', async () => {
    const article = await openArticle();
    const viewers = await Promise.all(Array.from({ length: 10 }, (_, n) => reader(`Burst${n}`)));
    const attempts = viewers.flatMap((viewer) => Array.from({ length: 8 }, (_, n) => createComment(viewer, { articleId: article.id, parentId: null, body: `Parallel ${n}` })));
    const outcomes = await Promise.all(attempts.map((attempt) => refusal(attempt)));
    const accepted = outcomes.filter((outcome) => outcome === 'accepted').length;
    expect(outcomes.filter((outcome) => outcome !== 'accepted' && outcome !== 'rate-limited')).toEqual([]);
    expect(accepted).toBe(10 * 5);
    const rows = await getDb().select({ id: comments.id }).from(comments).where(eq(comments.articleId, article.id));
    expect(rows).toHaveLength(accepted);
  });

  it("edits and deletes one's own comment only; someone else's and stale edits are refused and nothing changes", async () => {
    const owner = await reader('Owner');
    const stranger = await reader('Stranger');
    const article = await openArticle();
    const mine = await createComment(owner, { articleId: article.id, parentId: null, body: 'Original text' });

    expect(await refusal(editOwnComment(stranger, mine.id, 'Hijacked'))).toBe('not-allowed');
    expect(await refusal(deleteOwnComment(stranger, mine.id))).toBe('not-allowed');
    expect((await getThread(article.id)).comments[0]).toMatchObject({ body: 'Original text', isEdited: false, isDeleted: false });

    await editOwnComment(owner, mine.id, 'Corrected text');
    expect((await getThread(article.id)).comments[0]).toMatchObject({ body: 'Corrected text', isEdited: true });

    await getDb().update(comments).set({ createdAt: new Date(Date.now() - 16 * 60_000) }).where(eq(comments.id, mine.id));
    expect(await refusal(editOwnComment(owner, mine.id, 'Too late'))).toBe('not-allowed');

    await deleteOwnComment(owner, mine.id);
    expect((await getThread(article.id)).total).toBe(0);
    expect(await refusal(deleteOwnComment(owner, mine.id))).toBe('not-allowed');
  });
});

