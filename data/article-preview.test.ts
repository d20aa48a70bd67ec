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
});
