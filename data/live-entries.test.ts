import { and, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { articles, auditLog, liveEntries, sections } from '@/db/schema';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { LIVE_CHANNEL, LIVE_PAGE_SIZE, parseLiveNotice } from '@/lib/live-blog';
import type { LiveEntryInput } from '@/lib/validation/live-entries';
import { createFactory } from '@/test/factories';
import { recorded, resetRecorded } from '@/test/stubs/next-cache';

import { closeLiveBlog, deleteLiveEntry, editLiveEntry, getLiveBlogPage, getLiveDesk, listLiveEntriesForFeed, postLiveEntry, setLiveEntryFlag } from './live-entries';
import { resolveContentRoute } from './routes';
import { readLiveState, readPublicLiveEntriesAfter, readPublicLiveEntry } from './live-stream';

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
  resetRecorded();
});
afterEach(async () => {
  await factory.cleanUp();
});

const entry = (overrides: Partial<LiveEntryInput> = {}): LiveEntryInput => ({ title: '', body: 'The count goes on.', imageId: null, imageAlt: '', keyEvent: false, pinned: false, ...overrides });

async function liveBlog(values: { status?: 'draft' | 'published'; createdBy?: string } = {}) {
  const section = await factory.section('Live desk');
  const story = await factory.article({ sectionId: section.id, headline: 'Election night, live', status: values.status, createdBy: values.createdBy });
  await getDb().update(articles).set({ format: 'live' }).where(eq(articles.id, story.id));
  return story;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('posting and reading entries', () => {
  it('shows entries newest first, the pinned one above them, and the key events with the page that shows each', async () => {
    const editor = await factory.user('editor', { name: 'Dana Desk' });
    const story = await liveBlog();
    const first = await postLiveEntry(editor, story.id, entry({ title: 'Polls close', keyEvent: true }), minutesAgo(30));
    const pinned = await postLiveEntry(editor, story.id, entry({ body: 'How to follow tonight', pinned: true }), minutesAgo(20));
    const latest = await postLiveEntry(editor, story.id, entry({ body: 'First *results* <script>alert(1)</script> are in.' }), minutesAgo(10));

    const page = await getLiveBlogPage(story.id, 1);
    expect(page?.entries.map((e) => e.id)).toEqual([latest.entryId, first.entryId]);
    expect(page?.pinned?.id).toBe(pinned.entryId);
    expect(page?.total).toBe(2);
    expect(page?.keyEvents).toEqual([expect.objectContaining({ id: first.entryId, summary: 'Polls close', page: 1 })]);
    // The body through the Markdown pipeline: emphasis kept, raw HTML dropped; the author's name escaped in.
    expect(page?.entries[0]!.html).toContain('<em>results</em>');
    expect(page?.entries[0]!.html).not.toContain('<script');
    expect(page?.entries[0]!.html).toContain('Dana Desk');
    expect(page?.closedAt).toBeNull();
    expect(page?.lastId).toBe(latest.entryId);
    expect(recorded.tags).toContain(`article:${story.id}`);
  });

  it('pages the entries; a key event on page 2 links there; a page past the end is null', async () => {
    const editor = await factory.user('editor');
    const story = await liveBlog();
    const oldest = await postLiveEntry(editor, story.id, entry({ title: 'Doors open', keyEvent: true }), minutesAgo(100));
    for (let i = 0; i < LIVE_PAGE_SIZE; i += 1) await postLiveEntry(editor, story.id, entry({ body: `Update ${i}` }), minutesAgo(90 - i));

    const second = await getLiveBlogPage(story.id, 2);
    expect(second?.entries.map((e) => e.id)).toEqual([oldest.entryId]);
    expect(second?.pageCount).toBe(2);
    expect((await getLiveBlogPage(story.id, 1))?.keyEvents[0]).toMatchObject({ id: oldest.entryId, page: 2 });
    expect(await getLiveBlogPage(story.id, 3)).toBeNull();
  });

  it("answers a page of entries' address before it renders: 404 past the last page, and for a story that is not a live blog", async () => {
    const editor = await factory.user('editor');
    const story = await liveBlog();
    const section = (await getDb().select({ slug: sections.slug }).from(sections).innerJoin(articles, eq(articles.sectionId, sections.id)).where(eq(articles.id, story.id)))[0]!.slug;
    for (let i = 0; i < LIVE_PAGE_SIZE; i += 1) await postLiveEntry(editor, story.id, entry({ body: `Update ${i}` }), minutesAgo(90 - i));
    // The pinned entry is shown on the first page and counts for no page.
    await postLiveEntry(editor, story.id, entry({ body: 'Read this first', pinned: true }), minutesAgo(1));
    const route = (livePage: number) => resolveContentRoute({ kind: 'article', section, slug: story.slug, livePage });
    expect(await route(1)).toEqual({ status: 'ok' });
    expect(await route(2)).toEqual({ status: 'not-found' });
    await postLiveEntry(editor, story.id, entry({ body: 'One more' }), minutesAgo(0));
    expect(await route(2)).toEqual({ status: 'ok' });
    expect(await route(3)).toEqual({ status: 'not-found' });

    const plain = await factory.article({ sectionId: story.sectionId });
    expect(await resolveContentRoute({ kind: 'article', section, slug: plain.slug, livePage: 2 })).toEqual({ status: 'not-found' });
    expect(await resolveContentRoute({ kind: 'article', section, slug: plain.slug, livePage: 1 })).toEqual({ status: 'ok' });
  });

  it('keeps entries of a story readers cannot see, or of one that is not a live blog, off the page and the stream', async () => {
    const editor = await factory.user('editor');
    const draft = await liveBlog({ status: 'draft' });
    const posted = await postLiveEntry(editor, draft.id, entry());
    expect(await getLiveBlogPage(draft.id, 1)).toBeNull();
    expect(await readPublicLiveEntry(draft.id, posted.entryId)).toBeNull();
    expect(await readLiveState(draft.id)).toEqual({ running: false, lastId: 0 });

    const section = await factory.section();
    const plain = await factory.article({ sectionId: section.id });
    await expect(postLiveEntry(editor, plain.id, entry())).rejects.toBeInstanceOf(NotFoundError);
    expect(await getLiveBlogPage(plain.id, 1)).toBeNull();
    expect(await getLiveBlogPage(-1, 1)).toBeNull();
  });

  it('gives the stream an entry, the entries after an id, and the story state', async () => {
    const editor = await factory.user('editor');
    const story = await liveBlog();
    const a = await postLiveEntry(editor, story.id, entry({ body: 'one' }), minutesAgo(3));
    const b = await postLiveEntry(editor, story.id, entry({ body: 'two' }), minutesAgo(2));
    const c = await postLiveEntry(editor, story.id, entry({ body: 'three' }), minutesAgo(1));
    expect((await readPublicLiveEntry(story.id, b.entryId))?.body).toBe('two');
    expect((await readPublicLiveEntriesAfter(story.id, a.entryId)).map((e) => e.id)).toEqual([b.entryId, c.entryId]);
    expect(await readLiveState(story.id)).toEqual({ running: true, lastId: c.entryId });
  });

  it('gives the story\'s feed its entries, newest first, as plain text', async () => {
    const editor = await factory.user('editor', { name: 'Feed Writer' });
    const story = await liveBlog();
    await postLiveEntry(editor, story.id, entry({ title: 'Older', body: 'See [the map](https://example.com/map).' }), minutesAgo(2));
    await postLiveEntry(editor, story.id, entry({ body: 'Newer **news**' }), minutesAgo(1));
    expect(await listLiveEntriesForFeed(story.id)).toEqual([
      expect.objectContaining({ title: 'Newer news', text: 'Newer news', authorName: 'Feed Writer' }),
      expect.objectContaining({ title: 'Older', text: 'See the map.' }),
    ]);
  });
});

describe('staff writes', () => {
  it('edits, flags and deletes entries, one pinned at a time, each with an audit entry', async () => {
    const editor = await factory.user('editor');
    const story = await liveBlog();
    const a = await postLiveEntry(editor, story.id, entry({ pinned: true }));
    const b = await postLiveEntry(editor, story.id, entry());

    await setLiveEntryFlag(editor, b.entryId, 'pinned', true);
    const pins = await getDb().select({ id: liveEntries.id }).from(liveEntries).where(and(eq(liveEntries.articleId, story.id), eq(liveEntries.pinned, true)));
    expect(pins.map((row) => row.id)).toEqual([b.entryId]);

    await editLiveEntry(editor, a.entryId, entry({ title: 'Turnout', body: 'Turnout is 61%.', keyEvent: true }));
    await setLiveEntryFlag(editor, a.entryId, 'keyEvent', false);
    await deleteLiveEntry(editor, b.entryId);

    const desk = await getLiveDesk(editor, story.id);
    expect(desk.entries).toEqual([expect.objectContaining({ id: a.entryId, title: 'Turnout', keyEvent: false, pinned: false, updatedAt: expect.any(String) })]);
    const actions = await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subject, `article:${story.id}`));
    expect(actions.map((row) => row.action).sort()).toEqual(['article.live-delete', 'article.live-edit', 'article.live-pin', 'article.live-post', 'article.live-post', 'article.live-unkey'].sort());
  });

  it('refuses readers, and contributors on a story not theirs or already published (checked in the WHERE clause)', async () => {
    const reader = await factory.user('reader');
    const contributor = await factory.user('contributor');
    const published = await liveBlog();
    await expect(postLiveEntry(reader, published.id, entry())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(postLiveEntry(contributor, published.id, entry())).rejects.toBeInstanceOf(ForbiddenError);
    const own = await liveBlog({ status: 'draft', createdBy: contributor.id });
    await expect(postLiveEntry(contributor, own.id, entry())).resolves.toMatchObject({ articleId: own.id });
  });

  it('refuses a picture that is not in the library', async () => {
    const editor = await factory.user('editor');
    const story = await liveBlog();
    await expect(postLiveEntry(editor, story.id, entry({ imageId: 2_000_000_000 }))).rejects.toMatchObject({ field: 'imageId' });
  });

  it('closes the live blog: its page says when coverage ended, posting is refused, the stream is told', async () => {
    const editor = await factory.user('editor');
    const story = await liveBlog();
    await postLiveEntry(editor, story.id, entry());
    const closedAt = new Date(Date.now() - 1000);
    await closeLiveBlog(editor, story.id, true, closedAt);
    expect((await getLiveBlogPage(story.id, 1))?.closedAt).toBe(closedAt.toISOString());
    expect((await readLiveState(story.id)).running).toBe(false);
    await expect(postLiveEntry(editor, story.id, entry())).rejects.toBeInstanceOf(InvalidInputError);
    await closeLiveBlog(editor, story.id, false);
    expect((await getLiveBlogPage(story.id, 1))?.closedAt).toBeNull();
  });

  it('notifies the live channel at commit, never for a write that failed', async () => {
    const editor = await factory.user('editor');
    const story = await liveBlog();
    const listener = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const heard: string[] = [];
    try {
      await listener.listen(LIVE_CHANNEL, (payload) => heard.push(payload));
      const posted = await postLiveEntry(editor, story.id, entry());
      await expect(postLiveEntry(editor, story.id, entry({ imageId: 2_000_000_000 }))).rejects.toThrow();
      await deleteLiveEntry(editor, posted.entryId);
      await expect.poll(() => heard.length).toBe(2);
      expect(heard.map(parseLiveNotice)).toEqual([
        { articleId: story.id, entryId: posted.entryId, what: 'posted' },
        { articleId: story.id, entryId: posted.entryId, what: 'removed' },
      ]);
    } finally {
      await listener.end({ timeout: 1 });
    }
  });
});
