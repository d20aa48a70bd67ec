import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createFactory, daysAgo, inDays } from '@/test/factories';

import { getPreviewArticle } from './article-preview';

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
});

describe('getPreviewArticle: what the preview says about publication (issue 10, bug 3)', () => {
  it('a draft, a story in review and an unpublished story are not published, with no publication time', async () => {
    const section = await factory.section();
    const editor = await factory.user('editor');
    const draft = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null });
    const inReview = await factory.article({ sectionId: section.id, status: 'in_review', publishedAt: null });
    // Unpublished after it had been live: back to a draft, its old publication time kept on the row.
    const unpublished = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: daysAgo(3) });
    expect((await getPreviewArticle(editor, draft.id)).publication).toEqual({ state: 'draft' });
    expect((await getPreviewArticle(editor, inReview.id)).publication).toEqual({ state: 'in_review' });
    expect((await getPreviewArticle(editor, unpublished.id)).publication).toEqual({ state: 'draft' });
  });

  it('a scheduled story says when it will go out; a published or expired one its real times', async () => {
    const section = await factory.section();
    const editor = await factory.user('editor');
    const due = inDays(2);
    const went = daysAgo(5);
    const ended = daysAgo(1);
    const scheduled = await factory.article({ sectionId: section.id, publishedAt: due });
    const published = await factory.article({ sectionId: section.id, publishedAt: went });
    const expired = await factory.article({ sectionId: section.id, publishedAt: went, unpublishAt: ended });
    expect((await getPreviewArticle(editor, scheduled.id)).publication).toEqual({ state: 'scheduled', publishedAt: due.toISOString() });
    expect((await getPreviewArticle(editor, published.id)).publication).toEqual({ state: 'published', publishedAt: went.toISOString() });
    expect((await getPreviewArticle(editor, expired.id)).publication).toEqual({ state: 'expired', publishedAt: went.toISOString(), unpublishedAt: ended.toISOString() });
  });

  it('shows the page readers will get: tag links by the slug publishing gives them, the age warning on an old story', async () => {
    const section = await factory.section();
    const editor = await factory.user('editor');
    const tag = await factory.tag('Café society');
    const old = await factory.article({ sectionId: section.id, publishedAt: daysAgo(800), tagIds: [tag.id] });
    const draft = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null });
    const preview = await getPreviewArticle(editor, old.id);
    // Saving finds or makes a tag by lib/slug's slugify (data/article-editor.ts), so "é" is "e", not dropped.
    expect(preview.tags).toEqual([{ name: 'Café society', slug: 'cafe-society' }]);
    expect(preview.isOld).toBe(true);
    expect((await getPreviewArticle(editor, draft.id)).isOld).toBe(false);
  });
});
