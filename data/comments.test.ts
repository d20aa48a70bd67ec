import { randomBytes } from 'node:crypto';

import { and, eq, inArray, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { articles, comments, users } from '@/db/schema';
import { createFactory, daysAgo } from '@/test/factories';

import { BAN_UNTIL } from '@/lib/comment-standing';

import { CommentRefusedError } from '@/lib/errors';

import { createAccount } from './accounts';
import { commentLikes, commentReports } from '@/db/schema';

import { DUPLICATE_WINDOW_MINUTES, THREAD_PAGE_SIZE, createComment, deleteOwnComment, editOwnComment, getCommentCount, getCommentStanding, getThread, getViewerThreadState, likeComment, reportComment, unlikeComment } from './comments';
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


describe('likes, reports and the viewer\'s own state', () => {
  it('keeps account ids out of the cached thread: "is this mine?" is the viewer\'s own state, per request', async () => {
    const author = await reader('Owner');
    const other = await reader('Neighbour');
    const article = await openArticle();
    const mine = await createComment(author, { articleId: article.id, parentId: null, body: 'Mine' });
    const reply = await createComment(author, { articleId: article.id, parentId: mine.id, body: 'Mine too' });
    const theirs = await createComment(other, { articleId: article.id, parentId: null, body: 'Theirs' });
    await deleteOwnComment(other, theirs.id);

    // A cached read can be asked for by anyone: no commenter's account id (nor any other key of the users table).
    const thread = JSON.stringify(await getThread(article.id));
    for (const id of [author.id, other.id]) expect(thread).not.toContain(id);
    expect(thread).not.toMatch(/userId|authorId|email/);

    expect((await getViewerThreadState(author, article.id)).ownIds.sort()).toEqual([mine.id, reply.id].sort());
    // A deleted comment is nobody's to edit any more.
    expect((await getViewerThreadState(other, article.id)).ownIds).toEqual([]);
  });

  it('likes once per person, undoably; liking twice, one\'s own comment, or a hidden comment is refused', async () => {
    const author = await reader('Liked');
    const fan = await reader('Fan');
    const article = await openArticle();
    const posted = await createComment(author, { articleId: article.id, parentId: null, body: 'Worth liking' });

    expect(await likeComment(fan, posted.id)).toEqual({ articleId: article.id, likeCount: 1 });
    expect(await refusal(likeComment(fan, posted.id))).toBe('already-liked');
    expect(await refusal(likeComment(author, posted.id))).toBe('own-comment');
    expect((await getThread(article.id)).comments[0]!.likeCount).toBe(1);
    expect((await getViewerThreadState(fan, article.id)).likedIds).toEqual([posted.id]);

    expect(await unlikeComment(fan, posted.id)).toEqual({ articleId: article.id, likeCount: 0 });
    expect(await refusal(unlikeComment(fan, posted.id))).toBe('not-liked');
    const rows = await getDb().select().from(commentLikes).where(eq(commentLikes.commentId, posted.id));
    expect(rows).toEqual([]);

    await deleteOwnComment(author, posted.id);
    expect(await refusal(likeComment(fan, posted.id))).toBe('not-found');
    expect(await refusal(likeComment(fan, 2_000_000_000))).toBe('not-found');
  });

  it('keeps like_count equal to the rows under parallel likes and unlikes', async () => {
    const author = await reader('Popular');
    const article = await openArticle();
    const posted = await createComment(author, { articleId: article.id, parentId: null, body: 'Popular take' });
    const fans = await Promise.all(Array.from({ length: 12 }, (_, n) => reader(`Crowd${n}`)));
    // Everyone likes twice at once: exactly one of each pair gets through.
    const outcomes = await Promise.all(fans.flatMap((fan) => [refusal(likeComment(fan, posted.id)), refusal(likeComment(fan, posted.id))]));
    expect(outcomes.filter((outcome) => outcome === 'accepted')).toHaveLength(12);
    expect(outcomes.filter((outcome) => outcome !== 'accepted')).toEqual(Array(12).fill('already-liked'));
    await Promise.all(fans.slice(0, 5).map((fan) => unlikeComment(fan, posted.id)));
    const [row] = await getDb().select({ likeCount: comments.likeCount }).from(comments).where(eq(comments.id, posted.id));
    const likes = await getDb().select().from(commentLikes).where(eq(commentLikes.commentId, posted.id));
    expect(row!.likeCount).toBe(7);
    expect(likes).toHaveLength(7);
  });

  it('stores one report per person with its reason and note; one\'s own comment cannot be reported', async () => {
    const author = await reader('Reported');
    const reporter = await reader('Reporter');
    const article = await openArticle();
    const posted = await createComment(author, { articleId: article.id, parentId: null, body: 'Questionable' });
    await reportComment(reporter, posted.id, { reason: 'spam', note: 'Selling watches' });
    expect(await refusal(reportComment(reporter, posted.id, { reason: 'abuse', note: '' }))).toBe('already-reported');
    expect(await refusal(reportComment(author, posted.id, { reason: 'spam', note: '' }))).toBe('own-comment');
    const rows = await getDb().select().from(commentReports).where(eq(commentReports.commentId, posted.id));
    expect(rows).toMatchObject([{ userId: reporter.id, reason: 'spam', note: 'Selling watches', resolvedAt: null }]);
    expect((await getViewerThreadState(reporter, article.id)).reportedIds).toEqual([posted.id]);
    // Reporting hides nothing by itself: moderators decide.
    expect((await getThread(article.id)).comments.map((comment) => comment.id)).toEqual([posted.id]);
  });

  it('shows a pending comment to its author only, and counts only published comments', async () => {
    const newcomer = await reader('Pending', false);
    const other = await reader('Other');
    const article = await openArticle();
    const held = await createComment(newcomer, { articleId: article.id, parentId: null, body: 'Waiting for a moderator' });
    await createComment(other, { articleId: article.id, parentId: null, body: 'Published one' });
    expect(held.status).toBe('pending');
    expect((await getViewerThreadState(newcomer, article.id)).pending).toMatchObject([{ id: held.id, body: 'Waiting for a moderator', parentId: null }]);
    expect((await getViewerThreadState(other, article.id)).pending).toEqual([]);
    expect(await getCommentCount(article.id)).toBe(1);
    expect((await getThread(article.id)).count).toBe(1);
  });

  it('refuses a suspended commenter until the suspension ends', async () => {
    const viewer = await reader('Suspended');
    const article = await openArticle();
    await getDb().update(users).set({ commentsSuspendedUntil: new Date(Date.now() + 3_600_000) }).where(eq(users.id, viewer.id));
    expect(await refusal(createComment(viewer, { articleId: article.id, parentId: null, body: 'Let me in' }))).toBe('suspended');
    await getDb().update(users).set({ commentsSuspendedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, viewer.id));
    expect(await refusal(createComment(viewer, { articleId: article.id, parentId: null, body: 'Back again' }))).toBe('accepted');
  });

  it('refuses a banned commenter as banned, not as suspended, and a suspended one with when it ends (issue 10, bug 5)', async () => {
    const banned = await reader('Banned');
    const suspended = await reader('Benched');
    const article = await openArticle();
    const until = new Date(Date.now() + 7 * 86_400_000);
    await getDb().update(users).set({ commentsSuspendedUntil: BAN_UNTIL }).where(eq(users.id, banned.id));
    await getDb().update(users).set({ commentsSuspendedUntil: until }).where(eq(users.id, suspended.id));
    const refused = (viewer: Viewer) => createComment(viewer, { articleId: article.id, parentId: null, body: 'Let me in' }).then(() => null, (error: unknown) => error);
    expect(await refused(banned)).toMatchObject({ reason: 'banned', until: null });
    expect(await refused(suspended)).toMatchObject({ reason: 'suspended', until: until.toISOString() });
    expect(await getDb().select({ id: comments.id }).from(comments).where(eq(comments.articleId, article.id))).toEqual([]);
  });

  it("tells the viewer's standing from the stored suspension: active, suspended until when, banned, or active again once it ends", async () => {
    const viewer = await reader('Standing', false);
    const set = (until: Date | null) => getDb().update(users).set({ commentsSuspendedUntil: until }).where(eq(users.id, viewer.id));
    expect(await getCommentStanding(viewer)).toEqual({ kind: 'active' });
    const until = new Date(Date.now() + 3_600_000);
    await set(until);
    expect(await getCommentStanding(viewer)).toEqual({ kind: 'suspended', until: until.toISOString() });
    await set(BAN_UNTIL);
    expect(await getCommentStanding(viewer)).toEqual({ kind: 'banned' });
    await set(new Date(Date.now() - 1000));
    expect(await getCommentStanding(viewer)).toEqual({ kind: 'active' });
    await set(null);
    expect(await getCommentStanding(viewer)).toEqual({ kind: 'active' });
    // An anonymous visitor is asked nothing: the shared page never depends on anyone's standing.
    expect(await getCommentStanding(null)).toEqual({ kind: 'active' });
  });
});

describe('duplicates and held comments (issue 10)', () => {
  it(`refuses the same text under the same parent within ${DUPLICATE_WINDOW_MINUTES} minutes; another text, parent or story, or later, is accepted`, async () => {
    const viewer = await reader('Twice');
    const article = await openArticle();
    const other = await openArticle();
    const top = await createComment(viewer, { articleId: article.id, parentId: null, body: 'Same words' });
    expect(await refusal(createComment(viewer, { articleId: article.id, parentId: null, body: 'Same words' }))).toBe('duplicate');
    // Whitespace around the text does not make it another comment.
    expect(await refusal(createComment(viewer, { articleId: article.id, parentId: null, body: '  Same words\n' }))).toBe('duplicate');
    expect(await refusal(createComment(viewer, { articleId: article.id, parentId: null, body: 'Same words, changed' }))).toBe('accepted');
    expect(await refusal(createComment(viewer, { articleId: article.id, parentId: top.id, body: 'Same words' }))).toBe('accepted');
    expect(await refusal(createComment(viewer, { articleId: other.id, parentId: null, body: 'Same words' }))).toBe('accepted');
    // The reply, repeated, is refused too; replying to the reply joins the same thread, so it is the same parent.
    const [reply] = await getDb().select({ id: comments.id }).from(comments).where(and(eq(comments.parentId, top.id), eq(comments.body, 'Same words')));
    expect(await refusal(createComment(viewer, { articleId: article.id, parentId: reply!.id, body: 'Same words' }))).toBe('duplicate');
    // Someone else may say the same thing.
    expect(await refusal(createComment(await reader('Echo'), { articleId: article.id, parentId: null, body: 'Same words' }))).toBe('accepted');
    const mine = await getDb().select({ parentId: comments.parentId }).from(comments).where(and(eq(comments.articleId, article.id), eq(comments.userId, viewer.id), eq(comments.body, 'Same words')));
    expect(mine.map((row) => row.parentId).sort()).toEqual([top.id, null].sort());

    // Past the window, or after the author deleted it, the same text may be posted again.
    await getDb()
      .update(comments)
      .set({ createdAt: new Date(Date.now() - (DUPLICATE_WINDOW_MINUTES * 60_000 + 5_000)) })
      .where(eq(comments.id, top.id));
    expect(await refusal(createComment(viewer, { articleId: article.id, parentId: null, body: 'Same words' }))).toBe('accepted');
    const [again] = await getDb().select({ id: comments.id }).from(comments).where(and(eq(comments.articleId, other.id), eq(comments.userId, viewer.id)));
    await deleteOwnComment(viewer, again!.id);
    expect(await refusal(createComment(viewer, { articleId: other.id, parentId: null, body: 'Same words' }))).toBe('accepted');
  });

  it('accepts exactly one of two identical comments posted at the same moment, held or published', async () => {
    for (const trusted of [true, false]) {
      const viewer = await reader(trusted ? 'Eager' : 'Keen', trusted);
      const article = await openArticle();
      const outcomes = await Promise.all(Array.from({ length: 2 }, () => refusal(createComment(viewer, { articleId: article.id, parentId: null, body: 'Clicked twice' }))));
      expect(outcomes.sort()).toEqual(['accepted', 'duplicate']);
      const rows = await getDb().select({ status: comments.status }).from(comments).where(eq(comments.articleId, article.id));
      expect(rows).toEqual([{ status: trusted ? 'published' : 'pending' }]);
    }
  });

  it('gives a held comment and a held reply back to their author only: not to another reader, not to an anonymous visitor', async () => {
    const newcomer = await reader('Heldback', false);
    const other = await reader('Bystander');
    const article = await openArticle();
    const top = await createComment(other, { articleId: article.id, parentId: null, body: 'Published first' });
    const held = await createComment(newcomer, { articleId: article.id, parentId: null, body: 'Mine, waiting' });
    const heldReply = await createComment(newcomer, { articleId: article.id, parentId: top.id, body: 'My reply, waiting' });
    expect([held.status, heldReply.status]).toEqual(['pending', 'pending']);

    expect((await getViewerThreadState(newcomer, article.id)).pending).toMatchObject([
      { id: held.id, parentId: null, body: 'Mine, waiting' },
      { id: heldReply.id, parentId: top.id, body: 'My reply, waiting' },
    ]);
    expect((await getViewerThreadState(other, article.id)).pending).toEqual([]);
    expect(await getViewerThreadState(null, article.id)).toEqual({ ownIds: [], likedIds: [], reportedIds: [], pending: [] });
    // The shared (cached) thread holds none of it.
    const thread = await getThread(article.id, { focus: heldReply.id });
    expect(JSON.stringify(thread)).not.toContain('waiting');
    expect(thread.count).toBe(1);
  });
});

describe('sorting, pages and permalinks', () => {
  it('sorts oldest, newest and best (Wilson, not raw likes), and featured comments stay on top', async () => {
    const article = await openArticle();
    const author = await reader('Sorter');
    const early = await createComment(author, { articleId: article.id, parentId: null, body: 'Early' });
    const late = await createComment(author, { articleId: article.id, parentId: null, body: 'Late' });
    await getDb().update(comments).set({ createdAt: new Date(Date.now() - 3_600_000) }).where(eq(comments.id, early.id));
    await getDb().update(comments).set({ createdAt: new Date(Date.now() - 60_000) }).where(eq(comments.id, late.id));
    // Four readers like the early comment (50 minutes ago); three like the late one (now), one of them both.
    const fans = await Promise.all(Array.from({ length: 6 }, (_, n) => reader(`Voter${n}`)));
    for (const fan of fans.slice(0, 4)) await likeComment(fan, early.id);
    for (const fan of fans.slice(3, 6)) await likeComment(fan, late.id);
    // The early comment's likes happened before the late one was posted, except fan 3's.
    await getDb().update(commentLikes).set({ createdAt: new Date(Date.now() - 3_000_000) }).where(eq(commentLikes.commentId, early.id));
    expect((await getThread(article.id, { sort: 'oldest' })).comments.map((comment) => comment.body)).toEqual(['Early', 'Late']);
    expect((await getThread(article.id, { sort: 'newest' })).comments.map((comment) => comment.body)).toEqual(['Late', 'Early']);
    // Late: 3 likes from the 3 people active after it (3/3). Early: 4 likes from 6 active after it (4/6): fewer raw likes wins.
    expect((await getThread(article.id, { sort: 'best' })).comments.map((comment) => comment.body)).toEqual(['Late', 'Early']);

    await getDb().update(comments).set({ featuredAt: new Date() }).where(eq(comments.id, early.id));
    for (const sort of ['oldest', 'newest', 'best'] as const) {
      const [first] = (await getThread(article.id, { sort })).comments;
      expect(first).toMatchObject({ body: 'Early', isFeatured: true });
    }
  });

  it('pages long threads and opens the page that holds a permalinked comment or reply', async () => {
    const article = await openArticle();
    const base = Date.now() - 86_400_000;
    const [author] = await Promise.all([reader('Prolific')]);
    const inserted = await getDb()
      .insert(comments)
      .values(Array.from({ length: THREAD_PAGE_SIZE * 2 + 3 }, (_, n) => ({ articleId: article.id, userId: author.id, body: `Comment ${n}`, status: 'published' as const, createdAt: new Date(base + n * 1000) })))
      .returning({ id: comments.id });
    const target = inserted[THREAD_PAGE_SIZE + 4]!;
    const [reply] = await getDb().insert(comments).values({ articleId: article.id, userId: author.id, parentId: target.id, body: 'Reply on page two', status: 'published' }).returning({ id: comments.id });

    const first = await getThread(article.id);
    expect(first).toMatchObject({ page: 1, pageCount: 3, total: THREAD_PAGE_SIZE * 2 + 3, count: THREAD_PAGE_SIZE * 2 + 4 });
    expect(first.comments).toHaveLength(THREAD_PAGE_SIZE);
    expect((await getThread(article.id, { page: 3 })).comments.map((comment) => comment.body)).toEqual(['Comment 40', 'Comment 41', 'Comment 42']);
    // Past the end: the last page.
    expect((await getThread(article.id, { page: 99 })).page).toBe(3);

    const focused = await getThread(article.id, { focus: target.id });
    expect(focused.page).toBe(2);
    expect(focused.comments.some((comment) => comment.id === target.id)).toBe(true);
    expect((await getThread(article.id, { focus: reply!.id })).page).toBe(2);
    // Newest first, the same comment sits on page 1.
    expect((await getThread(article.id, { sort: 'newest', focus: target.id })).page).toBe(1);
    // An unknown comment leaves the page alone.
    expect((await getThread(article.id, { page: 3, focus: 2_000_000_000 })).page).toBe(3);
  });
});
