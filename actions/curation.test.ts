import { afterEach, describe, expect, it, vi } from 'vitest';

import { getBreakingNews, listBreakingNews } from '@/data/breaking-news';
import { listPlacements } from '@/data/curation';
import { getDb } from '@/db/client';
import { breakingNews } from '@/db/schema';
import { formOf, redirectOf, setUpActionTests } from '@/test/action-helpers';
import { editorAndStories } from '@/test/scenes';
import { signInAs } from '@/test/stubs/auth';
import { recorded } from '@/test/stubs/next-cache';

import { liftBreakingNewsAction, pinStoryAction, startBreakingNewsAction, unpinStoryAction } from './curation';

vi.mock('@/auth', () => import('@/test/stubs/auth'));

const factory = setUpActionTests();
afterEach(async () => {
  // Placements go with their stories (cascade); the banners are this test database's own (one per run).
  await getDb().delete(breakingNews);
});


describe('the front-page actions', () => {
  it('pin and take off through forms, send the editor back with what happened, and invalidate the fronts', async () => {
    const { editor, section, stories } = await editorAndStories(factory, 1);
    signInAs(editor);
    const path = await redirectOf(pinStoryAction(formOf({ front: String(section.id), articleId: String(stories[0]!.id), position: '' })));
    expect(path).toBe(`/dashboard/front?front=${section.id}&done=pinned`);
    expect(recorded.updated).toEqual(['front-page', `section:${section.slug}`]);
    expect(await redirectOf(unpinStoryAction(formOf({ front: String(section.id), articleId: String(stories[0]!.id) })))).toBe(`/dashboard/front?front=${section.id}&done=unpinned`);
    expect(await redirectOf(unpinStoryAction(formOf({ front: String(section.id), articleId: String(stories[0]!.id) })))).toBe(`/dashboard/front?front=${section.id}&error=gone`);
    expect(await redirectOf(pinStoryAction(formOf({ front: 'home', articleId: 'x' })))).toBe('/dashboard/front?front=home&error=invalid');
    expect(await redirectOf(pinStoryAction(formOf({ front: '../../etc', articleId: '1' })))).toBe('/dashboard/front?error=invalid');
  });

  it('refuse anyone who is not an editor, before reading the form, and change nothing', async () => {
    const { section, stories } = await editorAndStories(factory, 1);
    const pin = formOf({ front: String(section.id), articleId: String(stories[0]!.id), position: '' });
    for (const caller of [null, await factory.user('reader'), await factory.user('contributor'), await factory.user('editor', { disabled: true })]) {
      signInAs(caller);
      await expect(pinStoryAction(formOf({}))).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
      await expect(pinStoryAction(pin)).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
      await expect(startBreakingNewsAction(formOf({ headline: 'Forged banner', articleId: '', duration: '60' }))).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
    }
    expect(await listPlacements(await factory.user('editor'), section.id)).toEqual([]);
    expect(await getBreakingNews()).toBeNull();
    expect(recorded.updated).toEqual([]);
  });
});

describe('the breaking-news actions', () => {
  it('refuse a blank or overlong banner and an unknown duration; put one up (tagged) and lift it', async () => {
    const { editor } = await editorAndStories(factory, 0);
    signInAs(editor);
    for (const form of [
      { headline: 'ab', articleId: '', duration: '60' },
      { headline: 'x'.repeat(141), articleId: '', duration: '60' },
      { headline: 'Storm warning', articleId: '', duration: '7' },
      { headline: 'Storm\u0007 warning', articleId: '', duration: '60' },
    ]) {
      expect(await redirectOf(startBreakingNewsAction(formOf(form)))).toBe('/dashboard/front?error=breaking-invalid');
    }
    expect(await getBreakingNews()).toBeNull();
    expect(await redirectOf(startBreakingNewsAction(formOf({ headline: 'Storm warning', articleId: '2000000000', duration: '60' })))).toBe('/dashboard/front?error=breaking-gone');
    expect(await redirectOf(startBreakingNewsAction(formOf({ headline: 'Storm warning', articleId: '', duration: '60' })))).toBe('/dashboard/front?done=breaking-started');
    expect(recorded.updated).toContain('breaking');
    const [live] = await listBreakingNews(editor, 1);
    expect(live!.expiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(await redirectOf(liftBreakingNewsAction(formOf({ id: String(live!.id) })))).toBe('/dashboard/front?done=breaking-lifted');
  });
});
