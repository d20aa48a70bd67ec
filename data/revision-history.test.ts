import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { unlistedVersions, unlistedVersionsNote } from '@/lib/revision-history';
import { createFactory, storyInput } from '@/test/factories';

import { listRevisions } from './article-revisions';
import { createArticle, publishArticle, saveArticle, type ArticleInput } from './article-editor';

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
});

async function setting() {
  const section = await factory.section('History desk');
  // A story is published only with a byline.
  const author = await factory.author('History Writer');
  const slug = `ferry-returns-${Math.random().toString(36).slice(2, 8)}`;
  const input = (overrides: Partial<ArticleInput> = {}) =>
    storyInput({ headline: 'The ferry returns', body: 'First paragraph.', slug, sectionId: section.id, authorIds: [author.id] }, overrides);
  return { section, input };
}

const versionsOf = (history: Awaited<ReturnType<typeof listRevisions>>) => history.revisions.map((revision) => revision.version);

describe('a story’s history and its version numbers', () => {
  it('counts workflow steps as versions without revisions, and names them', async () => {
    const { input } = await setting();
    const editor = await factory.user('editor');
    const story = await createArticle(editor, input());
    factory.track('articles', story.id);
    await publishArticle(editor, story.id, 1, { publishAt: null, unpublishAt: null });
    await saveArticle(editor, story.id, 2, input({ headline: 'The ferry returns, second' }));
    await saveArticle(editor, story.id, 3, input({ headline: 'The ferry returns, third' }));

    // Nothing was lost: version 2 is the publication, which saves no text.
    let history = await listRevisions(editor, story.id);
    expect(versionsOf(history)).toEqual([4, 3, 1]);
    expect(history.version).toBe(4);
    expect(unlistedVersions(versionsOf(history), history.version)).toEqual({ beforeHistory: [], workflowSteps: [2] });

    await publishArticle(editor, story.id, 4, { publishAt: null, unpublishAt: null });
    history = await listRevisions(editor, story.id);
    expect(versionsOf(history)).toEqual([4, 3, 1]);
    expect(unlistedVersionsNote(unlistedVersions(versionsOf(history), history.version))).toMatch(/^Versions 2 and 5 are not listed: submitting for review, scheduling, publishing/);
  });

  it('names the versions of a story written before revisions were kept', async () => {
    const { section, input } = await setting();
    const editor = await factory.user('editor');
    // As the demo content is: a row at version 3, and no revision.
    const story = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null });
    await getDb().update(articles).set({ version: 3 }).where(eq(articles.id, story.id));
    await saveArticle(editor, story.id, 3, input({ slug: story.slug }));

    const history = await listRevisions(editor, story.id);
    expect(versionsOf(history)).toEqual([4]);
    expect(unlistedVersions(versionsOf(history), history.version)).toEqual({ beforeHistory: [1, 2, 3], workflowSteps: [] });
  });
});
