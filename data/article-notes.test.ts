import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createFactory, storyInput } from '@/test/factories';

import { getPreviewArticle } from './article-preview';
import { getEditableArticle } from './editable-article';
import { createArticle, publishArticle, saveArticle, type ArticleInput } from './article-editor';
import { addArticleNote } from './article-notes';
import { getPublicArticle } from './articles';

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
});

async function publishedStory() {
  const section = await factory.section('Notes desk');
  const author = await factory.author('Notes Writer');
  const editor = await factory.user('editor');
  const slug = `harbour-levy-${Math.random().toString(36).slice(2, 8)}`;
  const input = (overrides: Partial<ArticleInput> = {}) =>
    storyInput({ headline: 'Harbour levy agreed', body: 'The levy was first proposed in 2024.', slug, sectionId: section.id, authorIds: [author.id] }, overrides);
  const story = await createArticle(editor, input());
  factory.track('articles', story.id);
  await publishArticle(editor, story.id, 1, { publishAt: null, unpublishAt: null }, new Date(Date.now() - 86_400_000));
  return { editor, story, slug, input };
}

describe('a note about a change that is not published yet', () => {
  it('waits with the staged change: readers see neither until Publish changes, then both together', async () => {
    const { editor, story, slug, input } = await publishedStory();
    const before = await getPublicArticle(slug);
    await saveArticle(editor, story.id, 2, input({ body: 'The levy was first proposed in 2023.' }));

    const added = await addArticleNote(editor, story.id, { kind: 'correction', body: 'An earlier version said 2024.' });

    // Readers: the old text, no note, and no "Updated" line yet.
    const waiting = await getPublicArticle(slug);
    expect(waiting?.bodyHtml).toContain('2024');
    expect(waiting?.notes).toEqual([]);
    expect(waiting?.updatedAt).toBe(before?.updatedAt);
    expect(added.staged).toBe(true);
    // The desk shows the note as waiting, and the preview (what readers will get) has it.
    const editable = await getEditableArticle(editor, story.id);
    expect(editable.notes).toMatchObject([{ body: 'An earlier version said 2024.', staged: true }]);
    expect((await getPreviewArticle(editor, story.id)).notes).toMatchObject([{ body: 'An earlier version said 2024.' }]);

    await publishArticle(editor, story.id, editable.version, { publishAt: null, unpublishAt: null });
    const live = await getPublicArticle(slug);
    expect(live?.bodyHtml).toContain('2023');
    expect(live?.notes).toMatchObject([{ kind: 'correction', body: 'An earlier version said 2024.' }]);
    expect(live?.updatedAt).not.toBeNull();
    // The note is dated when readers got it, not before the fix.
    expect(new Date(live!.notes[0]!.notedAt).getTime()).toBeGreaterThanOrEqual(new Date(live!.updatedAt!).getTime() - 1000);
    expect((await getEditableArticle(editor, story.id)).notes).toMatchObject([{ staged: false }]);
  });

  it('goes live at once when the story has no staged change', async () => {
    const { editor, story, slug } = await publishedStory();
    const added = await addArticleNote(editor, story.id, { kind: 'update', body: 'The council has since confirmed the levy.' });
    const live = await getPublicArticle(slug);
    expect(live?.notes).toMatchObject([{ kind: 'update', body: 'The council has since confirmed the levy.' }]);
    expect(live?.updatedAt).not.toBeNull();
    expect(added.staged).toBe(false);
  });
});
