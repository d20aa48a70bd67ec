import { eq, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { articleRevisions, articleSlugHistory, articles, auditLog, authors, tags } from '@/db/schema';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { slugify } from '@/lib/slug';
import { createFactory, storyInput } from '@/test/factories';

import { addArticleNote } from './article-notes';
import { listDeskArticles } from './article-desk';
import { getPreviewArticle } from './article-preview';
import { listRevisions } from './article-revisions';
import { getEditableArticle, getEditorOptions } from './editable-article';
import { ArticleConflictError, createArticle, deleteArticle, publishArticle, restoreRevision, saveArticle, submitForReview, unpublishArticle, type ArticleInput } from './article-editor';
import { findArticleRedirect, getPublicArticle } from './articles';

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
  // Tags the editor created on save.
  await getDb().delete(tags).where(like(tags.slug, 'harbour-works-%'));
});

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof ArticleConflictError ? 'conflict' : error instanceof ForbiddenError ? 'forbidden' : error instanceof NotFoundError ? 'not-found' : error instanceof InvalidInputError ? `invalid:${error.field}` : String(error)),
  );

async function setting() {
  const section = await factory.section('Desk');
  const author = await factory.author('Desk Writer');
  const tagName = `Harbour works ${uniqueSuffix()}`;
  // A new address for every story made from it.
  const input = (overrides: Partial<ArticleInput> = {}) =>
    storyInput(
      {
        headline: 'Harbour wall repairs begin',
        body: 'First paragraph.\n\nSecond paragraph.',
        slug: `harbour-wall-${Math.random().toString(36).slice(2, 8)}`,
        sectionId: section.id,
        authorIds: [author.id],
      },
      { dek: 'Work starts on Monday.', tags: [tagName], ...overrides },
    );
  return { section, author, input, tagSlug: slugify(tagName) };
}

/** Registers an article made by the data layer with the factory, so cleanUp deletes it. */
async function tracked<T extends { id: number }>(factoryInstance: typeof factory, promise: Promise<T>): Promise<T> {
  const result = await promise;
  factoryInstance.track('articles', result.id);
  return result;
}

describe('who may do what', () => {
  it('refuses anonymous and reader callers everything, and contributors publishing or touching others’ stories', async () => {
    const { input } = await setting();
    const reader = await factory.user('reader');
    const contributor = await factory.user('contributor');
    const otherContributor = await factory.user('contributor');
    const editor = await factory.user('editor');

    expect(await outcome(createArticle(null, input()))).toBe('forbidden');
    expect(await outcome(createArticle(reader, input()))).toBe('forbidden');
    const draft = await tracked(factory, createArticle(contributor, input()));

    expect(await outcome(saveArticle(otherContributor, draft.id, 1, input({ headline: 'Hijacked' })))).toBe('forbidden');
    expect(await outcome(getEditableArticle(otherContributor, draft.id))).toBe('forbidden');
    expect(await outcome(publishArticle(contributor, draft.id, 1, { publishAt: null, unpublishAt: null }))).toBe('forbidden');
    expect(await outcome(unpublishArticle(contributor, draft.id, 1))).toBe('forbidden');
    expect(await outcome(deleteArticle(contributor, draft.id))).toBe('forbidden');
    expect(await outcome(saveArticle(editor, 2_000_000_000, 1, input()))).toBe('not-found');
    // Nothing changed.
    expect((await getEditableArticle(contributor, draft.id)).snapshot.headline).toBe('Harbour wall repairs begin');

    // A contributor's own published story is the editors' now.
    await submitForReview(contributor, draft.id, 1);
    await publishArticle(editor, draft.id, 2, { publishAt: null, unpublishAt: null });
    expect(await outcome(saveArticle(contributor, draft.id, 3, input({ headline: 'Quiet change' })))).toBe('forbidden');
  });

  it('shows contributors only their own stories in the list', async () => {
    const { input } = await setting();
    const mine = await factory.user('contributor');
    const theirs = await factory.user('contributor');
    const editor = await factory.user('editor');
    const a = await tracked(factory, createArticle(mine, input({ headline: 'Mine only' })));
    const b = await tracked(factory, createArticle(theirs, input({ headline: 'Theirs only' })));
    const ids = (await listDeskArticles(mine, { q: 'only' })).items.map((row) => row.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(b.id);
    const all = (await listDeskArticles(editor, { q: 'only' })).items.map((row) => row.id);
    expect(all).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await outcome(listDeskArticles(null))).toBe('forbidden');
  });

  it('lists the most recently saved first, with counts per state that add up to the total', async () => {
    const { input, section } = await setting();
    const editor = await factory.user('editor');
    const marker = uniqueSuffix();
    const older = await tracked(factory, createArticle(editor, input({ headline: `Older ${marker}` })));
    const newer = await tracked(factory, createArticle(editor, input({ headline: `Newer ${marker}` })));
    await submitForReview(editor, newer.id, 1);
    const list = async () => (await listDeskArticles(editor, { q: marker, sectionId: section.id })).items.map((row) => row.id);
    expect(await list()).toEqual([newer.id, older.id]);
    // Saving the older story brings it to the top; its "last saved" is that save's time.
    await saveArticle(editor, older.id, 1, input({ headline: `Older ${marker}, revised` }));
    expect(await list()).toEqual([older.id, newer.id]);
    const [first] = (await listDeskArticles(editor, { q: marker })).items;
    const [revision] = await listRevisions(editor, older.id).then((history) => history.revisions);
    expect(first!.lastSavedAt).toBe(revision!.createdAt);

    const result = await listDeskArticles(editor, { q: marker });
    expect(result.counts).toMatchObject({ draft: 1, in_review: 1, scheduled: 0, published: 0 });
    expect(result.total).toBe(2);
    const inReview = await listDeskArticles(editor, { q: marker, state: 'in_review' });
    expect(inReview.items.map((row) => row.id)).toEqual([newer.id]);
    expect(inReview.total).toBe(1);
  });

  it('orders the few matches of a text search, sorted rather than read in an index order, as the list without it', async () => {
    const editor = await factory.user('editor');
    const section = await factory.section('Desk order');
    const marker = uniqueSuffix();
    const hour = 3_600_000;
    const story = async (headline: string, savedHoursAgo: number, publishedHoursAgo: number | null) => {
      const row = await factory.article({ sectionId: section.id, headline: `${headline} ${marker}`, publishedAt: publishedHoursAgo === null ? null : new Date(Date.now() - publishedHoursAgo * hour), status: publishedHoursAgo === null ? 'draft' : 'published' });
      await getDb().update(articles).set({ savedAt: new Date(Date.now() - savedHoursAgo * hour) }).where(eq(articles.id, row.id));
      return row.id;
    };
    const banks = await story('Banks', 1, 30);
    const ferry = await story('Ferry', 3, null);
    const allotments = await story('Allotments', 2, 10);
    const expected = { updated: [banks, allotments, ferry], published: [allotments, banks, ferry], headline: [allotments, banks, ferry] } as const;
    for (const sort of ['updated', 'published', 'headline'] as const) {
      const ids = async (q?: string) => (await listDeskArticles(editor, { sectionId: section.id, sort, q })).items.map((row) => row.id);
      expect(await ids(marker)).toEqual(expected[sort]);
      expect(await ids()).toEqual(expected[sort]);
    }
  });
});

describe('the workflow', () => {
  it('draft → review → scheduled at an exact minute → public from that minute, with revisions and audit entries', async () => {
    const { input } = await setting();
    const contributor = await factory.user('contributor');
    const editor = await factory.user('editor');
    const draft = await tracked(factory, createArticle(contributor, input({ headline: 'Scheduled piece' })));
    const saved = await saveArticle(contributor, draft.id, 1, input({ headline: 'Scheduled piece, revised', slug: (await getEditableArticle(contributor, draft.id)).snapshot.slug }));
    expect(saved).toMatchObject({ version: 2, isPendingPublication: false });
    await submitForReview(contributor, draft.id, 2);

    const at = new Date(Date.now() + 3 * 60_000);
    at.setSeconds(0, 0);
    const published = await publishArticle(editor, draft.id, 3, { publishAt: at, unpublishAt: null });
    expect(published.publishedAt.toISOString()).toBe(at.toISOString());
    const slug = (await getEditableArticle(editor, draft.id)).snapshot.slug;
    expect(await getPublicArticle(slug)).toBeNull();
    expect((await listDeskArticles(editor, { state: 'scheduled', q: 'Scheduled piece' })).items.map((row) => row.id)).toContain(draft.id);
    // Its minute comes (moved into the past here, as the clock would).
    await getDb().update(articles).set({ publishedAt: new Date(Date.now() - 1000) }).where(eq(articles.id, draft.id));
    expect((await getPublicArticle(slug))?.headline).toBe('Scheduled piece, revised');

    const audit = await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subject, `article:${draft.id}`)).orderBy(auditLog.id);
    expect(audit.map((entry) => entry.action)).toEqual(['article.create', 'article.save', 'article.submit', 'article.schedule']);
    expect((await listRevisions(editor, draft.id)).revisions.map((revision) => revision.version)).toEqual([2, 1]);
  });

  it('keeps a published story as readers saw it until the editor publishes the change; then it shows "Updated"', async () => {
    const { input } = await setting();
    const editor = await factory.user('editor');
    const story = await tracked(factory, createArticle(editor, input({ headline: 'Original headline' })));
    const { snapshot } = await getEditableArticle(editor, story.id);
    await publishArticle(editor, story.id, 1, { publishAt: null, unpublishAt: null }, new Date(Date.now() - 3_600_000));

    const saved = await saveArticle(editor, story.id, 2, input({ headline: 'Better headline', slug: snapshot.slug }));
    expect(saved.isPendingPublication).toBe(true);
    expect((await getPublicArticle(snapshot.slug))?.headline).toBe('Original headline');
    expect((await getEditableArticle(editor, story.id)).snapshot.headline).toBe('Better headline');
    expect((await getPreviewArticle(editor, story.id)).headline).toBe('Better headline');

    await publishArticle(editor, story.id, 3, { publishAt: null, unpublishAt: null });
    const live = await getPublicArticle(snapshot.slug);
    expect(live?.headline).toBe('Better headline');
    expect(live?.updatedAt).not.toBeNull();
    const history = await listRevisions(editor, story.id);
    expect(history.revisions.find((revision) => revision.isLive)?.headline).toBe('Better headline');
  });

  it('refuses a save based on an outdated version, says what changed, and overwrites nothing', async () => {
    const { input } = await setting();
    const editor = await factory.user('editor', { name: 'Ed One' });
    const colleague = await factory.user('editor', { name: 'Colleague Two' });
    const story = await tracked(factory, createArticle(editor, input({ headline: 'Shared draft' })));
    const { snapshot } = await getEditableArticle(editor, story.id);
    await saveArticle(colleague, story.id, 1, input({ headline: 'Colleague’s headline', slug: snapshot.slug }));

    const stale = saveArticle(editor, story.id, 1, input({ headline: 'My stale headline', slug: snapshot.slug }));
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const error = (await stale.then(
      () => null,
      (caught: unknown) => caught,
    )) as ArticleConflictError;
    expect(error.details).toMatchObject({ currentVersion: 2, changed: ['headline'], by: 'Colleague Two' });
    expect((await getEditableArticle(editor, story.id)).snapshot.headline).toBe('Colleague’s headline');
    expect(await getDb().select().from(articleRevisions).where(eq(articleRevisions.articleId, story.id))).toHaveLength(2);
  });

  it('keeps the old URL as a redirect when a published story changes slug or section', async () => {
    const { input, author, section } = await setting();
    const otherSection = await factory.section('Elsewhere');
    const editor = await factory.user('editor');
    const story = await tracked(factory, createArticle(editor, input({ slug: `first-slug-${uniqueSuffix()}` })));
    const first = (await getEditableArticle(editor, story.id)).snapshot.slug;
    await publishArticle(editor, story.id, 1, { publishAt: null, unpublishAt: null });
    const second = `second-slug-${uniqueSuffix()}`;
    await saveArticle(editor, story.id, 2, input({ slug: second, sectionId: otherSection.id, authorIds: [author.id] }));
    const touched = await publishArticle(editor, story.id, 3, { publishAt: null, unpublishAt: null });
    expect(await findArticleRedirect(first)).toEqual({ sectionSlug: otherSection.slug, slug: second });
    // Both sections' lists change: the one it left and the one it joined.
    expect(touched.sectionSlugs.sort()).toEqual([section.slug, otherSection.slug].sort());
    // Another story cannot take the old slug while it redirects.
    expect(await outcome(createArticle(editor, input({ slug: first })))).toBe('invalid:slug');
    const rows = await getDb().select().from(articleSlugHistory).where(eq(articleSlugHistory.articleId, story.id));
    expect(rows.map((row) => row.slug)).toEqual([first]);
  });

  it('unpublishes and deletes: the story is gone for readers, and both are audited', async () => {
    const { input, tagSlug } = await setting();
    const editor = await factory.user('editor');
    const story = await tracked(factory, createArticle(editor, input()));
    const { snapshot } = await getEditableArticle(editor, story.id);
    await publishArticle(editor, story.id, 1, { publishAt: null, unpublishAt: null });
    expect(await getPublicArticle(snapshot.slug)).not.toBeNull();
    const touched = await unpublishArticle(editor, story.id, 2);
    expect(touched.tagSlugs).toEqual([tagSlug]);
    expect(await getPublicArticle(snapshot.slug)).toBeNull();
    expect(await outcome(unpublishArticle(editor, story.id, 3))).toBe('invalid:status');
    await deleteArticle(editor, story.id);
    expect(await getDb().select().from(articles).where(eq(articles.id, story.id))).toEqual([]);
    const audit = await getDb().select({ action: auditLog.action, before: auditLog.before }).from(auditLog).where(eq(auditLog.subject, `article:${story.id}`));
    expect(audit.map((entry) => entry.action)).toContain('article.unpublish');
    expect(audit.find((entry) => entry.action === 'article.delete')?.before).toMatchObject({ slug: snapshot.slug });
  });

  it('refuses an unpublish time before the publication time, unknown references, and taken slugs', async () => {
    const { input } = await setting();
    const editor = await factory.user('editor');
    const story = await tracked(factory, createArticle(editor, input()));
    const soon = new Date(Date.now() + 60_000);
    expect(await outcome(publishArticle(editor, story.id, 1, { publishAt: soon, unpublishAt: new Date(Date.now() + 30_000) }))).toBe('invalid:unpublishAt');
    expect(await outcome(saveArticle(editor, story.id, 1, input({ sectionId: 2_000_000_000 })))).toBe('invalid:sectionId');
    expect(await outcome(saveArticle(editor, story.id, 1, input({ authorIds: [2_000_000_000] })))).toBe('invalid:authorIds');
    expect(await outcome(saveArticle(editor, story.id, 1, input({ heroImageId: 2_000_000_000 })))).toBe('invalid:heroImageId');
    expect(await outcome(saveArticle(editor, story.id, 1, input({ related: ['no-such-story-anywhere'] })))).toBe('invalid:related');
    const other = await tracked(factory, createArticle(editor, input()));
    const otherSlug = (await getEditableArticle(editor, other.id)).snapshot.slug;
    expect(await outcome(saveArticle(editor, story.id, 1, input({ slug: otherSlug })))).toBe('invalid:slug');
    expect((await getEditableArticle(editor, story.id)).version).toBe(1);
  });

  it('restores an old revision as a new one', async () => {
    const { input } = await setting();
    const editor = await factory.user('editor');
    const story = await tracked(factory, createArticle(editor, input({ headline: 'Version one', body: 'Old body' })));
    const { snapshot } = await getEditableArticle(editor, story.id);
    await saveArticle(editor, story.id, 1, input({ headline: 'Version two', body: 'New body', slug: snapshot.slug }));
    const [first] = await getDb().select({ id: articleRevisions.id }).from(articleRevisions).where(eq(articleRevisions.articleId, story.id)).orderBy(articleRevisions.version).limit(1);
    await restoreRevision(editor, story.id, first!.id, 2);
    const restored = await getEditableArticle(editor, story.id);
    expect(restored).toMatchObject({ version: 3, snapshot: { headline: 'Version one', body: 'Old body' } });
  });
});

describe('corrections and updates', () => {
  it('adds a dated note to a published story, shows it to readers and bumps the updated time; editors only', async () => {
    const { input } = await setting();
    const editor = await factory.user('editor');
    const contributor = await factory.user('contributor');
    const story = await tracked(factory, createArticle(editor, input()));
    const { snapshot } = await getEditableArticle(editor, story.id);
    expect(await outcome(addArticleNote(editor, story.id, { kind: 'correction', body: 'Not yet published.' }))).toBe('invalid:kind');
    await publishArticle(editor, story.id, 1, { publishAt: null, unpublishAt: null }, new Date(Date.now() - 86_400_000));
    expect(await outcome(addArticleNote(contributor, story.id, { kind: 'correction', body: 'Sneaky note' }))).toBe('forbidden');
    await addArticleNote(editor, story.id, { kind: 'correction', body: 'An earlier version misspelt the harbour master’s name.' });
    const live = await getPublicArticle(snapshot.slug);
    expect(live?.notes).toMatchObject([{ kind: 'correction', body: 'An earlier version misspelt the harbour master’s name.' }]);
    expect(live?.updatedAt).not.toBeNull();
  });
});

describe('bylines', () => {
  it('ticks the author profile linked to the writer’s account on a new story, and nobody’s when there is none', async () => {
    const contributor = await factory.user('contributor');
    const editor = await factory.user('editor');
    const stranger = await factory.user('contributor');
    const own = await factory.author('Cora Linked');
    const editorsOwn = await factory.author('Ed Linked');
    await factory.author('Someone Else');
    await getDb().update(authors).set({ userId: contributor.id }).where(eq(authors.id, own.id));
    await getDb().update(authors).set({ userId: editor.id }).where(eq(authors.id, editorsOwn.id));
    expect((await getEditorOptions(contributor)).defaultAuthorIds).toEqual([own.id]);
    expect((await getEditorOptions(editor)).defaultAuthorIds).toEqual([editorsOwn.id]);
    expect((await getEditorOptions(stranger)).defaultAuthorIds).toEqual([]);
  });

  it('refuses to submit or publish a story with no author, with a message that says so', async () => {
    const { input, author } = await setting();
    const contributor = await factory.user('contributor');
    const editor = await factory.user('editor');
    const draft = await tracked(factory, createArticle(contributor, input({ authorIds: [] })));
    const submitted = submitForReview(contributor, draft.id, 1);
    expect(await outcome(submitted)).toBe('invalid:authorIds');
    await expect(submitted).rejects.toThrow(/author/i);
    expect((await getEditableArticle(contributor, draft.id)).status).toBe('draft');

    const published = publishArticle(editor, draft.id, 1, { publishAt: null, unpublishAt: null });
    expect(await outcome(published)).toBe('invalid:authorIds');
    await expect(published).rejects.toThrow(/author/i);
    expect((await getEditableArticle(editor, draft.id)).state).toBe('draft');

    // With a byline both go through.
    const { snapshot } = await getEditableArticle(contributor, draft.id);
    await saveArticle(contributor, draft.id, 1, input({ slug: snapshot.slug, authorIds: [author.id] }));
    await submitForReview(contributor, draft.id, 2);
    await publishArticle(editor, draft.id, 3, { publishAt: null, unpublishAt: null });
    expect((await getPublicArticle(snapshot.slug))?.authors.map((byline) => byline.name)).toEqual(['Desk Writer']);

    // A staged change that drops every author cannot be published either; readers keep the byline.
    await saveArticle(editor, draft.id, 4, input({ slug: snapshot.slug, authorIds: [] }));
    expect(await outcome(publishArticle(editor, draft.id, 5, { publishAt: null, unpublishAt: null }))).toBe('invalid:authorIds');
    expect((await getPublicArticle(snapshot.slug))?.authors.map((byline) => byline.name)).toEqual(['Desk Writer']);
  });
});

function uniqueSuffix() {
  return Math.random().toString(36).slice(2, 8);
}
