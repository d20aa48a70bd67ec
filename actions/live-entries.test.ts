import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { articles, liveEntries } from '@/db/schema';
import { formOf, redirectOf, setUpActionTests } from '@/test/action-helpers';
import { signInAs } from '@/test/stubs/auth';
import { recorded } from '@/test/stubs/next-cache';

import { closeLiveBlogAction, deleteLiveEntryAction, editLiveEntryAction, flagLiveEntryAction, postLiveEntryAction } from './live-entries';

vi.mock('@/auth', () => import('@/test/stubs/auth'));

const factory = setUpActionTests();

async function liveBlog() {
  const section = await factory.section();
  const story = await factory.article({ sectionId: section.id });
  await getDb().update(articles).set({ format: 'live' }).where(eq(articles.id, story.id));
  return story.id;
}

const entriesOf = (articleId: number) => getDb().select().from(liveEntries).where(eq(liveEntries.articleId, articleId));
const entryForm = (articleId: number, values: Record<string, string> = {}) => formOf({ articleId: String(articleId), title: '', body: 'Polls are open.', imageId: '', imageAlt: '', ...values });

describe('live-blog actions (called directly, as a forged request would)', () => {
  it('post, edit, flag, delete and close, each back to the panel with the article tag invalidated', async () => {
    const editor = await factory.user('editor');
    const id = await liveBlog();
    signInAs(editor);

    expect(await redirectOf(postLiveEntryAction(entryForm(id, { title: 'Open', keyEvent: 'on' })))).toBe(`/dashboard/articles/${id}?live=posted#live`);
    expect(recorded.updated).toContain(`article:${id}`);
    const [posted] = await entriesOf(id);
    expect(posted).toMatchObject({ title: 'Open', keyEvent: true, pinned: false, authorId: editor.id });

    expect(await redirectOf(editLiveEntryAction(entryForm(id, { entryId: String(posted!.id), body: 'Polls are open until ten.' })))).toBe(`/dashboard/articles/${id}?live=edited#live`);
    expect(await redirectOf(flagLiveEntryAction(formOf({ articleId: String(id), entryId: String(posted!.id), flag: 'pinned', value: 'on' })))).toBe(`/dashboard/articles/${id}?live=flagged#live`);
    expect((await entriesOf(id))[0]).toMatchObject({ body: 'Polls are open until ten.', pinned: true, keyEvent: false });

    expect(await redirectOf(closeLiveBlogAction(formOf({ articleId: String(id), closed: 'on' })))).toBe(`/dashboard/articles/${id}?live=closed#live`);
    expect(await redirectOf(postLiveEntryAction(entryForm(id)))).toBe(`/dashboard/articles/${id}?live-problem=closed#live`);
    expect(await redirectOf(deleteLiveEntryAction(formOf({ articleId: String(id), entryId: String(posted!.id) })))).toBe(`/dashboard/articles/${id}?live=deleted#live`);
    expect(await entriesOf(id)).toEqual([]);
  });

  it('answers an empty entry and an unknown picture beside the panel, without writing', async () => {
    signInAs(await factory.user('editor'));
    const id = await liveBlog();
    expect(await redirectOf(postLiveEntryAction(entryForm(id, { body: '  ' })))).toBe(`/dashboard/articles/${id}?live-problem=entry#live`);
    expect(await redirectOf(postLiveEntryAction(entryForm(id, { imageId: '2000000000' })))).toBe(`/dashboard/articles/${id}?live-problem=picture#live`);
    expect(await entriesOf(id)).toEqual([]);
  });

  it('refuses anonymous callers and readers (403), and a contributor on a published story', async () => {
    const id = await liveBlog();
    for (const caller of [null, await factory.user('reader'), await factory.user('contributor')]) {
      signInAs(caller);
      const error = (await postLiveEntryAction(entryForm(id)).catch((thrown: unknown) => thrown)) as { digest?: string };
      expect(error.digest).toMatch(/HTTP_ERROR_FALLBACK;403/);
    }
    expect(await entriesOf(id)).toEqual([]);
  });
});
