import { eq, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { articles, tags } from '@/db/schema';
import { formOf, redirectOf } from '@/test/action-helpers';
import { createFactory } from '@/test/factories';
import { recorded, resetRecorded } from '@/test/stubs/next-cache';

const session = vi.hoisted(() => ({ current: null as { uid: string; sv: number } | null }));
vi.mock('@/auth', () => ({ auth: async () => session.current }));
const { createArticleAction, publishArticleAction, saveArticleAction, deleteArticleAction, previewMarkdownAction } = await import('./articles');

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
  resetRecorded();
  session.current = null;
});
afterEach(async () => {
  await factory.cleanUp();
  await getDb().delete(tags).where(like(tags.slug, 'action-test-%'));
});

const as = (user: { id: string } | null) => {
  session.current = user ? { uid: user.id, sv: 1 } : null;
};

async function storyForm(overrides: Record<string, string | string[]> = {}) {
  const section = await factory.section();
  const author = await factory.author();
  return formOf({ headline: 'A headline from the form', dek: '', body: 'Body text', slug: '', sectionId: String(section.id), format: 'news', tags: 'Action test one, Action test two', authorIds: [String(author.id)], heroImageId: '', heroAlt: '', heroCaption: '', seoTitle: '', seoDescription: '', related: '', ...overrides });
}

async function createAs(user: { id: string }) {
  as(user);
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
    for (const caller of [null, reader, disabledEditor]) {
      as(caller);
      expect(await createArticleAction({ ok: false }, await storyForm())).toMatchObject({ ok: false, formError: 'You do not have permission to do that with this story.' });
    }
    const id = await createAs(contributor);
    for (const caller of [null, reader, contributor, disabledEditor]) {
      as(caller);
      expect(await publishArticleAction({ ok: false }, formOf({ id: String(id), version: '1', when: 'now' }))).toMatchObject({ ok: false });
      expect(await deleteArticleAction({ ok: false }, formOf({ id: String(id), version: '1', confirm: 'yes' }))).toMatchObject({ ok: false });
    }
    as(reader);
    await expect(previewMarkdownAction('**hi**')).rejects.toThrow();
    const [row] = await getDb().select({ status: articles.status }).from(articles).where(eq(articles.id, id));
    expect(row!.status).toBe('draft');
    expect(recorded.updated).toEqual([]);
  });

  it('gives per-field errors and keeps what was typed', async () => {
    const editor = await factory.user('editor');
    as(editor);
    const result = await createArticleAction({ ok: false }, await storyForm({ headline: '', slug: 'Not A Slug!', heroImageId: '1' }));
    expect(result.ok).toBe(false);
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['headline', 'heroAlt', 'slug']);
    expect(result.values?.slug).toBe('Not A Slug!');
  });

  it('refuses a stale save with what changed, and publishes with every public cache tag refreshed', async () => {
    const editor = await factory.user('editor');
    const id = await createAs(editor);
    as(editor);
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
    as(contributor);
    const { html } = await previewMarkdownAction('**Bold** <script>alert(1)</script> [x](javascript:alert(1))');
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
  });
});
