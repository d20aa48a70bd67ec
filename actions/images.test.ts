import { asc, eq, inArray, like } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { articleRevisions, articles, auditLog, authors, images, tags } from '@/db/schema';
import { formOf, redirectOf, setUpActionTests } from '@/test/action-helpers';
import { signInAs } from '@/test/stubs/auth';

import { createArticleAction, saveArticleAction } from './articles';
import { deleteImageAction, searchPicturesAction, updateImageDetailsAction } from './images';

vi.mock('@/auth', () => import('@/test/stubs/auth'));

const factory = setUpActionTests();
const madeImages: number[] = [];
afterEach(async () => {
  await getDb().delete(tags).where(like(tags.slug, 'picker-test-%'));
  const ids = madeImages.splice(0);
  if (ids.length) {
    await getDb().delete(auditLog).where(inArray(auditLog.subject, ids.map((id) => `image:${id}`)));
    await getDb().delete(images).where(inArray(images.id, ids));
  }
});

const NOT_ALLOWED = 'You are not allowed to edit the image library. Sign in with a contributor’s or editor’s account.';

/** A library row (no file on disk: these tests read and delete rows; deleting tolerates a missing file). */
async function picture(values: { alt?: string; credit?: string; uploadedBy?: string } = {}) {
  const [row] = await getDb()
    .insert(images)
    .values({ fileName: `${crypto.randomUUID()}.webp`, mimeType: 'image/webp', width: 10, height: 10, byteSize: 10, alt: values.alt ?? 'Harbour at dawn', credit: values.credit ?? 'Photo: Ada Marsh', uploadedBy: values.uploadedBy ?? null })
    .returning();
  madeImages.push(row!.id);
  return row!;
}

const imageRow = async (id: number) => (await getDb().select().from(images).where(eq(images.id, id)))[0];

async function storyForm(overrides: Record<string, string | string[]> = {}) {
  const section = await factory.section();
  const author = await factory.author();
  return formOf({ headline: 'Picker headline', dek: '', body: 'Body text', slug: '', sectionId: String(section.id), format: 'news', tags: 'Picker test', authorIds: [String(author.id)], heroImageId: '', heroAlt: '', heroCaption: '', seoTitle: '', seoDescription: '', related: '', ...overrides });
}

describe('updateImageDetailsAction', () => {
  it('saves the alt text and credit (trimmed), records the change, and goes back to the library', async () => {
    const contributor = await factory.user('contributor');
    const image = await picture();
    signInAs(contributor);
    const location = await redirectOf(updateImageDetailsAction({ ok: false }, formOf({ id: String(image.id), alt: '  Boats in the harbour at dawn ', credit: 'Photo: B. Stone' })));
    expect(location).toBe(`/dashboard/images?updated=${image.id}`);
    expect(await imageRow(image.id)).toMatchObject({ alt: 'Boats in the harbour at dawn', credit: 'Photo: B. Stone' });
    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.subject, `image:${image.id}`));
    expect(entry).toMatchObject({ actorId: contributor.id, action: 'image.update', before: { alt: 'Harbour at dawn' }, after: { alt: 'Boats in the harbour at dawn' } });
  });

  it('gives per-field errors, keeps what was typed, and changes nothing', async () => {
    const editor = await factory.user('editor');
    const image = await picture();
    signInAs(editor);
    const result = await updateImageDetailsAction({ ok: false }, formOf({ id: String(image.id), alt: '   ', credit: 'Photo:\u0007 bell' }));
    expect(result).toMatchObject({
      ok: false,
      formError: 'Please correct the highlighted fields.',
      fieldErrors: { alt: ['Describe the picture for readers who cannot see it: alternative text is required.'], credit: ['Remove control characters from the credit.'] },
      values: { alt: '   ', credit: 'Photo:\u0007 bell' },
    });
    expect(await imageRow(image.id)).toMatchObject({ alt: 'Harbour at dawn', credit: 'Photo: Ada Marsh' });
  });

  it('says when the picture no longer exists (an unknown or malformed id)', async () => {
    const editor = await factory.user('editor');
    signInAs(editor);
    for (const id of ['2000000000', 'x', '']) {
      expect(await updateImageDetailsAction({ ok: false }, formOf({ id, alt: 'Anything', credit: '' }))).toMatchObject({ ok: false, formError: 'This image no longer exists.' });
    }
  });

  it('refuses anonymous visitors, readers and a disabled editor before reading the form, and changes nothing', async () => {
    const image = await picture();
    for (const caller of [null, await factory.user('reader'), await factory.user('editor', { disabled: true })]) {
      signInAs(caller);
      // Even a form that would not validate gets the permission answer: who is calling is checked first.
      expect(await updateImageDetailsAction({ ok: false }, formOf({ id: String(image.id), alt: 'Forged', credit: '' }))).toMatchObject({ ok: false, formError: NOT_ALLOWED, values: { id: String(image.id), alt: 'Forged', credit: '' } });
      expect(await updateImageDetailsAction({ ok: false }, formOf({ id: 'x', alt: '', credit: '' }))).toMatchObject({ ok: false, formError: NOT_ALLOWED });
    }
    expect(await imageRow(image.id)).toMatchObject({ alt: 'Harbour at dawn' });
    expect(await getDb().select().from(auditLog).where(eq(auditLog.subject, `image:${image.id}`))).toEqual([]);
  });
});

describe('deleteImageAction (a plain form post that always redirects)', () => {
  it('needs the confirmation, refuses a picture in use (hero or portrait), and deletes it once unused', async () => {
    const editor = await factory.user('editor');
    const image = await picture();
    const section = await factory.section();
    const story = await factory.article({ sectionId: section.id });
    await getDb().update(articles).set({ heroImageId: image.id }).where(eq(articles.id, story.id));
    signInAs(editor);
    const confirmed = formOf({ id: String(image.id), confirm: 'yes' });

    expect(await redirectOf(deleteImageAction(formOf({ id: String(image.id) })))).toBe(`/dashboard/images/${image.id}/delete?refused=unconfirmed`);
    expect(await redirectOf(deleteImageAction(confirmed))).toBe(`/dashboard/images/${image.id}/delete?refused=in-use`);
    await getDb().update(articles).set({ heroImageId: null }).where(eq(articles.id, story.id));
    const author = await factory.author();
    await getDb().update(authors).set({ avatarImageId: image.id }).where(eq(authors.id, author.id));
    expect(await redirectOf(deleteImageAction(confirmed))).toBe(`/dashboard/images/${image.id}/delete?refused=in-use`);
    expect(await imageRow(image.id)).toBeDefined();

    await getDb().update(authors).set({ avatarImageId: null }).where(eq(authors.id, author.id));
    expect(await redirectOf(deleteImageAction(confirmed))).toBe('/dashboard/images?notice=deleted');
    expect(await imageRow(image.id)).toBeUndefined();
    expect(await redirectOf(deleteImageAction(confirmed))).toBe('/dashboard/images?notice=gone');
    expect(await redirectOf(deleteImageAction(formOf({ id: 'not-a-number', confirm: 'yes' })))).toBe('/dashboard/images?notice=gone');
  });

  it('lets a contributor delete only their own uploads; anonymous visitors and readers nothing', async () => {
    const contributor = await factory.user('contributor');
    const other = await factory.user('contributor');
    const theirs = await picture({ uploadedBy: other.id });
    const own = await picture({ uploadedBy: contributor.id });
    // Without article:write the caller is refused before the form is read (403); a contributor's refusal comes from
    // the data layer (not their upload) and is explained on the confirmation page.
    for (const caller of [null, await factory.user('reader')]) {
      signInAs(caller);
      await expect(deleteImageAction(formOf({ id: String(theirs.id), confirm: 'yes' }))).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
    }
    signInAs(contributor);
    expect(await redirectOf(deleteImageAction(formOf({ id: String(theirs.id), confirm: 'yes' })))).toBe(`/dashboard/images/${theirs.id}/delete?refused=forbidden`);
    expect(await imageRow(theirs.id)).toBeDefined();
    signInAs(contributor);
    expect(await redirectOf(deleteImageAction(formOf({ id: String(own.id), confirm: 'yes' })))).toBe('/dashboard/images?notice=deleted');
    expect(await imageRow(own.id)).toBeUndefined();
  });
});

describe('the picture picker without JavaScript: its Search and page buttons send the story form', () => {
  it('saves the story, then opens the editor at that search and page of pictures', async () => {
    const editor = await factory.user('editor');
    signInAs(editor);
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
    signInAs(editor);
    const result = await saveArticleAction({ ok: false }, await storyForm({ id: '2000000000', version: '1', pictureBrowse: '1' }));
    expect(result).toMatchObject({ ok: false, formError: 'This story no longer exists.' });
  });
});

describe('searchPicturesAction (the picker with JavaScript)', () => {
  it('answers staff with a page of pictures and refuses everyone else', async () => {
    const contributor = await factory.user('contributor');
    const image = await picture({ alt: 'Picker search target zqx', credit: 'Photo: test' });
    signInAs(contributor);
    const found = await searchPicturesAction('search target zqx', 1);
    expect(found).toMatchObject({ q: 'search target zqx', page: 1, total: 1, items: [{ id: image.id, alt: 'Picker search target zqx', credit: 'Photo: test', width: 10, height: 10 }] });
    expect(await searchPicturesAction({ not: 'text' }, 'x')).toMatchObject({ q: '', page: 1 });

    for (const caller of [null, await factory.user('reader'), await factory.user('editor', { disabled: true })]) {
      signInAs(caller);
      expect(await searchPicturesAction('zqx', 1)).toEqual({ error: NOT_ALLOWED });
    }
  });
});
