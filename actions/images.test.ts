import { asc, eq, inArray, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { articleRevisions, auditLog, images, tags } from '@/db/schema';
import { formOf, redirectOf } from '@/test/action-helpers';
import { createFactory } from '@/test/factories';

const session = vi.hoisted(() => ({ current: null as { uid: string; sv: number } | null }));
vi.mock('@/auth', () => ({ auth: async () => session.current }));
const { searchPicturesAction } = await import('./images');
const { createArticleAction, saveArticleAction } = await import('./articles');

let factory: ReturnType<typeof createFactory>;
const madeImages: number[] = [];
beforeEach(() => {
  factory = createFactory();
  session.current = null;
});
afterEach(async () => {
  await factory.cleanUp();
  await getDb().delete(tags).where(like(tags.slug, 'picker-test-%'));
  if (madeImages.length) {
    await getDb().delete(auditLog).where(inArray(auditLog.subject, madeImages.map((id) => `image:${id}`)));
    await getDb().delete(images).where(inArray(images.id, madeImages));
    madeImages.length = 0;
  }
});

const as = (user: { id: string } | null) => {
  session.current = user ? { uid: user.id, sv: 1 } : null;
};

async function storyForm(overrides: Record<string, string | string[]> = {}) {
  const section = await factory.section();
  const author = await factory.author();
  return formOf({ headline: 'Picker headline', dek: '', body: 'Body text', slug: '', sectionId: String(section.id), format: 'news', tags: 'Picker test', authorIds: [String(author.id)], heroImageId: '', heroAlt: '', heroCaption: '', seoTitle: '', seoDescription: '', related: '', ...overrides });
}

describe('the picture picker without JavaScript: its Search and page buttons send the story form', () => {
  it('saves the story, then opens the editor at that search and page of pictures', async () => {
    const editor = await factory.user('editor');
    as(editor);
    const created = await redirectOf(createArticleAction({ ok: false }, await storyForm({ pictureQuery: '  harbour\u0000 boats ', pictureBrowse: '1' })));
    const id = Number(/\/dashboard\/articles\/(\d+)/.exec(created)![1]);
    factory.track('articles', id);
    expect(created).toBe(`/dashboard/articles/${id}?notice=created&pictures=harbour+boats#hero-picture`);

    const browsed = await redirectOf(saveArticleAction({ ok: false }, await storyForm({ id: String(id), version: '1', dek: 'Typed before searching', slug: 'picker-headline', pictureQuery: 'harbour', pictureBrowse: '3' })));
    expect(browsed).toBe(`/dashboard/articles/${id}?pictures=harbour&picturesPage=3#hero-picture`);
    // Saved on the way: nothing typed is lost.
    const [, revision] = await getDb().select({ snapshot: articleRevisions.snapshot }).from(articleRevisions).where(eq(articleRevisions.articleId, id)).orderBy(asc(articleRevisions.version));
    expect((revision!.snapshot as { dek: string }).dek).toBe('Typed before searching');

    // An ordinary Save (or an odd page value) stays a plain save with its result.
    expect(await saveArticleAction({ ok: false }, await storyForm({ id: String(id), version: '2', slug: 'picker-headline', pictureQuery: 'harbour' }))).toMatchObject({ ok: true, version: 3 });
    expect(await saveArticleAction({ ok: false }, await storyForm({ id: String(id), version: '3', slug: 'picker-headline', pictureBrowse: '../x' }))).toMatchObject({ ok: true, version: 4 });
  });

  it('does not leave the page when the save is refused (the story form shows why)', async () => {
    const editor = await factory.user('editor');
    as(editor);
    const result = await saveArticleAction({ ok: false }, await storyForm({ id: '2000000000', version: '1', pictureBrowse: '1' }));
    expect(result).toMatchObject({ ok: false });
  });
});

describe('searchPicturesAction (the picker with JavaScript)', () => {
  it('answers staff with a page of pictures and refuses everyone else', async () => {
    const contributor = await factory.user('contributor');
    const [row] = await getDb()
      .insert(images)
      .values({ fileName: `${crypto.randomUUID()}.webp`, mimeType: 'image/webp', width: 10, height: 10, byteSize: 10, alt: 'Picker search target zqx', credit: 'Photo: test' })
      .returning({ id: images.id });
    madeImages.push(row!.id);
    as(contributor);
    const found = await searchPicturesAction('search target zqx', 1);
    expect(found).toMatchObject({ q: 'search target zqx', page: 1, total: 1, items: [{ id: row!.id, alt: 'Picker search target zqx', credit: 'Photo: test', width: 10, height: 10 }] });
    expect(await searchPicturesAction({ not: 'text' }, 'x')).toMatchObject({ q: '', page: 1 });

    const reader = await factory.user('reader');
    for (const user of [null, reader]) {
      as(user);
      expect(await searchPicturesAction('zqx', 1)).toEqual({ error: expect.stringContaining('not allowed') });
    }
  });
});
