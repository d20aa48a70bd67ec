import { eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { articles, tags } from '@/db/schema';
import { formOf, redirectOf, setUpActionTests } from '@/test/action-helpers';
import { signInAs } from '@/test/stubs/auth';
import { recorded } from '@/test/stubs/next-cache';

import { createArticleAction, deleteArticleAction, previewMarkdownAction, publishArticleAction, saveArticleAction } from './articles';

vi.mock('@/auth', () => import('@/test/stubs/auth'));

const factory = setUpActionTests();
afterEach(async () => {
  await getDb().delete(tags).where(like(tags.slug, 'action-test-%'));
});

async function storyForm(overrides: Record<string, string | string[]> = {}) {
  const section = await factory.section();
  const author = await factory.author();
  return formOf({ headline: 'A headline from the form', dek: '', body: 'Body text', slug: '', sectionId: String(section.id), format: 'news', tags: 'Action test one, Action test two', authorIds: [String(author.id)], heroImageId: '', heroAlt: '', heroCaption: '', seoTitle: '', seoDescription: '', related: '', ...overrides });
}

async function createAs(user: { id: string }) {
  signInAs(user);
  const location = await redirectOf(createArticleAction({ ok: false }, await storyForm()));
  const id = Number(/\/dashboard\/articles\/(\d+)/.exec(location)![1]);
  factory.track('articles', id);
  return id;
}

describe('article actions (called directly, as a forged request would)', () => {
  it('refuses anonymous callers, readers and disabled editors everything; contributors cannot publish or delete', async () => {
    const reader = await factory.user('reader');
    const contributor = await factory.user('contributor');
    const disabledEditor = await factory.user('editor', { disabled: true });
    const refused = { ok: false, formError: 'You do not have permission to do that with this story.' };
    for (const caller of [null, reader, disabledEditor]) {
      signInAs(caller);
      expect(await createArticleAction({ ok: false }, await storyForm())).toMatchObject(refused);
    }
    const id = await createAs(contributor);
    for (const caller of [null, reader, contributor, disabledEditor]) {
      signInAs(caller);
      expect(await publishArticleAction({ ok: false }, formOf({ id: String(id), version: '1', when: 'now' }))).toMatchObject(refused);
      expect(await deleteArticleAction({ ok: false }, formOf({ id: String(id), version: '1', confirm: 'yes' }))).toMatchObject(refused);
    }
    signInAs(reader);
    await expect(previewMarkdownAction('**hi**')).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
    const [row] = await getDb().select({ status: articles.status }).from(articles).where(eq(articles.id, id));
    expect(row!.status).toBe('draft');
    expect(recorded.updated).toEqual([]);
  });

  it('gives per-field errors and keeps what was typed', async () => {
    const editor = await factory.user('editor');
    signInAs(editor);
    const result = await createArticleAction({ ok: false }, await storyForm({ headline: '', slug: 'Not A Slug!', heroImageId: '1' }));
    expect(result).toMatchObject({ ok: false, formError: 'Please correct the highlighted fields.' });
    expect(result.fieldErrors).toEqual({
      headline: ['Headline is required.'],
      slug: ['Use lower-case letters, digits and single hyphens (at most 80).'],
      heroAlt: ['Describe the picture for readers who cannot see it.'],
    });
    expect(result.values?.slug).toBe('Not A Slug!');
  });

  it('refuses a stale save with what changed, and publishes with every public cache tag refreshed', async () => {
    const editor = await factory.user('editor');
    const id = await createAs(editor);
    signInAs(editor);
    const saved = await saveArticleAction({ ok: false }, await storyForm({ id: String(id), version: '1', headline: 'Second headline', slug: 'a-headline-from-the-form' }));
    expect(saved).toMatchObject({ ok: true, version: 2 });
    const stale = await saveArticleAction({ ok: false }, await storyForm({ id: String(id), version: '1', headline: 'Stale headline', slug: 'a-headline-from-the-form' }));
    expect(stale.conflict).toMatchObject({ currentVersion: 2 });
    expect(stale.values?.headline).toBe('Stale headline');

    expect(await publishArticleAction({ ok: false }, formOf({ id: String(id), version: '2', when: 'schedule', publishAt: 'next tuesday', unpublishAt: '' }))).toMatchObject({ fieldErrors: { publishAt: ['Give the date and time to publish at.'] } });
    const location = await redirectOf(publishArticleAction({ ok: false }, formOf({ id: String(id), version: '2', when: 'now', publishAt: '', unpublishAt: '' })));
    expect(location).toBe(`/dashboard/articles/${id}?notice=published`);
    expect(recorded.updated).toEqual(expect.arrayContaining([`article:${id}`, 'articles', 'tag:action-test-one', 'tag:action-test-two']));
    expect(recorded.updated.some((tag) => tag.startsWith('section:'))).toBe(true);
    expect(recorded.updated.some((tag) => tag.startsWith('author:'))).toBe(true);
  });

  it('renders the live preview with the public pipeline: markup is sanitised', async () => {
    const contributor = await factory.user('contributor');
    signInAs(contributor);
    const { html } = await previewMarkdownAction('**Bold** <script>alert(1)</script> [x](javascript:alert(1))');
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
  });
});
