import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { articleDeskNotes, articles, users } from '@/db/schema';
import { createArticle, submitForReview } from '@/data/article-editor';
import { formOf, redirectOf, setUpActionTests } from '@/test/action-helpers';
import { storyInput } from '@/test/factories';
import { signInAs } from '@/test/stubs/auth';
import { recorded } from '@/test/stubs/next-cache';

import { addDeskNoteAction, assignStoryAction, markDeskSeenAction, sendBackAction } from './review';

vi.mock('@/auth', () => import('@/test/stubs/auth'));

const factory = setUpActionTests();

async function submitted() {
  const section = await factory.section();
  const author = await factory.author();
  const contributor = await factory.user('contributor');
  const editor = await factory.user('editor');
  const story = await createArticle(contributor, storyInput({ headline: 'Action review story', body: 'Words.', slug: `action-review-${Math.random().toString(36).slice(2, 8)}`, sectionId: section.id, authorIds: [author.id] }));
  factory.track('articles', story.id);
  await submitForReview(contributor, story.id, 1);
  return { contributor, editor, id: story.id };
}

describe('review actions (called directly, as a forged request would)', () => {
  it('send back: refusals come back to the story as a problem the page explains; success says so', async () => {
    const { contributor, editor, id } = await submitted();
    const form = (note: string, version = '2') => formOf({ id: String(id), version, note });

    for (const caller of [null, contributor]) {
      signInAs(caller);
      expect(await redirectOf(sendBackAction(form('Please fix the second paragraph.')))).toBe(`/dashboard/articles/${id}?problem=forbidden`);
    }
    signInAs(editor);
    expect(await redirectOf(sendBackAction(form('   ')))).toBe(`/dashboard/articles/${id}?problem=note-missing`);
    expect(await redirectOf(sendBackAction(form('Please fix the second paragraph.', '1')))).toBe(`/dashboard/articles/${id}?problem=outdated`);
    const [unchanged] = await getDb().select({ status: articles.status }).from(articles).where(eq(articles.id, id));
    expect(unchanged?.status).toBe('in_review');

    expect(await redirectOf(sendBackAction(form('Please fix the second paragraph.')))).toBe(`/dashboard/articles/${id}?notice=sent-back`);
    expect(await redirectOf(sendBackAction(form('Again?', '3')))).toBe(`/dashboard/articles/${id}?problem=not-in-review`);
    // Nothing readers see changed: no cache tag touched.
    expect(recorded.updated).toEqual([]);
    expect(recorded.revalidated).toEqual([]);
  });

  it('desk notes and assignment: only those allowed, in the story they may open', async () => {
    const { contributor, editor, id } = await submitted();
    const stranger = await factory.user('contributor');
    signInAs(stranger);
    expect(await redirectOf(addDeskNoteAction(formOf({ id: String(id), body: 'Not my story.' })))).toBe(`/dashboard/articles/${id}?problem=forbidden`);
    signInAs(contributor);
    expect(await redirectOf(addDeskNoteAction(formOf({ id: String(id), body: ' ' })))).toBe(`/dashboard/articles/${id}?problem=desk-note-missing`);
    expect(await redirectOf(addDeskNoteAction(formOf({ id: String(id), body: 'Source confirmed.' })))).toBe(`/dashboard/articles/${id}?notice=desk-noted`);
    expect(await getDb().select({ body: articleDeskNotes.body }).from(articleDeskNotes).where(eq(articleDeskNotes.articleId, id))).toEqual([{ body: 'Source confirmed.' }]);
    expect(await redirectOf(assignStoryAction(formOf({ id: String(id), assigneeId: contributor.id })))).toBe(`/dashboard/articles/${id}?problem=forbidden`);
    signInAs(editor);
    expect(await redirectOf(assignStoryAction(formOf({ id: String(id), assigneeId: stranger.id })))).toBe(`/dashboard/articles/${id}?problem=assignee-not-own`);
    expect(await redirectOf(assignStoryAction(formOf({ id: String(id), assigneeId: editor.id })))).toBe(`/dashboard/articles/${id}?notice=assigned`);
    expect(await redirectOf(assignStoryAction(formOf({ id: String(id), assigneeId: '' })))).toBe(`/dashboard/articles/${id}?notice=unassigned`);
  });

  it('Mark as seen: staff only, up to when the page was shown', async () => {
    const editor = await factory.user('editor');
    const reader = await factory.user('reader');
    const shownAt = new Date(Date.now() - 60_000);
    signInAs(reader);
    expect(await redirectOf(markDeskSeenAction(formOf({ shownAt: shownAt.toISOString() })))).toBe('/login?callbackUrl=%2Fdashboard');
    const [untouched] = await getDb().select({ seen: users.deskSeenAt }).from(users).where(eq(users.id, reader.id));
    expect(untouched?.seen).toBeNull();
    signInAs(editor);
    expect(await redirectOf(markDeskSeenAction(formOf({ shownAt: shownAt.toISOString() })))).toBe('/dashboard?seen=1');
    const [seen] = await getDb().select({ seen: users.deskSeenAt }).from(users).where(eq(users.id, editor.id));
    expect(seen?.seen).toEqual(shownAt);
  });
});
