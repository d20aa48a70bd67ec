import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { and, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { articleRevisions, articles, auditLog, authors, images } from '@/db/schema';
import { ForbiddenError, ImageInUseError, NotFoundError } from '@/lib/errors';
import { mediaDir, resetEnvForTests } from '@/lib/env';
import { PICTURE_SIZES } from '@/lib/image-variants';
import { createFactory } from '@/test/factories';

import { bodyPictureSizes, renderArticleBody } from './body-pictures';
import { deleteImage, listImages, listPictureUses, uploadImage } from './images';
import type { Viewer } from './viewer';

const previousDataDir = process.env.DATA_DIR;
let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-image-uses-test-'));
  process.env.DATA_DIR = dataDir;
  resetEnvForTests();
});
afterAll(() => {
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  resetEnvForTests();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let factory: ReturnType<typeof createFactory>;
const madeImages: number[] = [];
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
  if (madeImages.length) {
    await getDb().delete(auditLog).where(inArray(auditLog.subject, madeImages.map((id) => `image:${id}`)));
    await getDb().delete(images).where(inArray(images.id, madeImages));
    madeImages.length = 0;
  }
});

async function picture(uploader: Viewer, alt = 'Harbour at dawn', credit = 'Photo: Ada Marsh') {
  const bytes = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#2f5d7c' } }).png().toBuffer();
  const image = await uploadImage(uploader, { bytes: new Uint8Array(bytes), alt, credit });
  madeImages.push(image.id);
  return image;
}

const stored = (fileName: string) => fs.existsSync(path.join(mediaDir(), fileName));

describe('where a library picture is used', () => {
  it('lists hero uses, body uses (live text and saved changes) and author portraits, with the latest headline', async () => {
    const editor = await factory.user('editor');
    const image = await picture(editor);
    const section = await factory.section();
    const hero = await factory.article({ sectionId: section.id, headline: 'Hero story', status: 'draft', publishedAt: null });
    await getDb().update(articles).set({ heroImageId: image.id }).where(eq(articles.id, hero.id));
    const inBody = await factory.article({ sectionId: section.id, headline: 'Body story', body: `Words.\n\n![x](${image.src} "Cap | Credit")` });
    // A published story whose saved (not yet published) change adds the picture as hero and renames it.
    const pending = await factory.article({ sectionId: section.id, headline: 'Old headline' });
    const [revision] = await getDb()
      .insert(articleRevisions)
      .values({ articleId: pending.id, version: 2, snapshot: { headline: 'New headline', body: 'No picture here.', heroImageId: image.id } as never })
      .returning({ id: articleRevisions.id });
    await getDb().update(articles).set({ pendingRevisionId: revision!.id }).where(eq(articles.id, pending.id));
    const author = await factory.author('Ada Marsh');
    await getDb().update(authors).set({ avatarImageId: image.id }).where(eq(authors.id, author.id));
    await factory.article({ sectionId: section.id, headline: 'Unrelated', body: 'Nothing to see.' });

    const uses = await listPictureUses(editor, image.id);
    expect(uses?.heroes.map((use) => use.headline).sort()).toEqual(['Hero story', 'New headline']);
    expect(uses?.bodies).toEqual([{ id: inBody.id, headline: 'Body story' }]);
    expect(uses?.portraits).toEqual([{ id: author.id, name: 'Ada Marsh' }]);
    await expect(listPictureUses(null, image.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await listPictureUses(editor, 2_000_000_000)).toBeNull();
  });

  it('refuses to delete a picture in use, and deletes it (row, file, audit) once nothing uses it', async () => {
    const editor = await factory.user('editor');
    const image = await picture(editor);
    const section = await factory.section();
    const story = await factory.article({ sectionId: section.id, body: `![x](${image.src})` });
    expect(stored(image.fileName)).toBe(true);

    const refusal = await deleteImage(editor, image.id).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ImageInUseError);
    expect((refusal as InstanceType<typeof ImageInUseError>).uses.bodies.map((use) => use.id)).toEqual([story.id]);
    expect(await getDb().select({ id: images.id }).from(images).where(eq(images.id, image.id))).toHaveLength(1);
    expect(stored(image.fileName)).toBe(true);

    await getDb().update(articles).set({ body: 'The picture was taken out.' }).where(eq(articles.id, story.id));
    const [row] = await getDb().select({ variants: images.variants }).from(images).where(eq(images.id, image.id));
    const variants = row?.variants ?? [];
    expect(variants.length).toBeGreaterThan(0);
    expect(variants.every((variant) => stored(variant.fileName))).toBe(true);
    await deleteImage(editor, image.id);
    expect(await getDb().select({ id: images.id }).from(images).where(eq(images.id, image.id))).toHaveLength(0);
    expect(stored(image.fileName)).toBe(false);
    // Its width variants go with it.
    expect(variants.filter((variant) => stored(variant.fileName))).toEqual([]);
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.subject, `image:${image.id}`), eq(auditLog.action, 'image.delete')));
    expect(entry).toMatchObject({ actorId: editor.id, before: { fileName: image.fileName, alt: 'Harbour at dawn' } });
    await expect(deleteImage(editor, image.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets a contributor delete only their own unused uploads; readers and strangers never', async () => {
    const contributor = await factory.user('contributor');
    const other = await factory.user('contributor');
    const reader = await factory.user('reader');
    const own = await picture(contributor);
    await expect(deleteImage(other, own.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteImage(reader, own.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteImage(null, own.id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteImage(contributor, own.id);
    expect(stored(own.fileName)).toBe(false);
  });
});

describe('pictures in a body and the picker search', () => {
  it('gives the body renderer the sizes of the library pictures it names, and nothing for unknown files', async () => {
    const editor = await factory.user('editor');
    const image = await picture(editor);
    const body = `![Harbour](${image.src} "Dawn | Ada")\n\n![Gone](/media/00000000-0000-4000-8000-000000000000.webp)`;
    // With its width variants (made at upload, docs/adr/0029), narrowest first and the original last.
    const stem = image.src.replace(/\.webp$/, '');
    const srcSet = `${stem}-w160.webp 160w, ${stem}-w320.webp 320w, ${stem}-w480.webp 480w, ${image.src} 640w`;
    expect([...(await bodyPictureSizes(body))]).toEqual([[image.fileName, { width: 640, height: 400, srcSet }]]);
    const html = await renderArticleBody(body);
    expect(html).toContain(`<img src="${image.src}" srcset="${srcSet}" sizes="${PICTURE_SIZES.body}" alt="Harbour" width="640" height="400" loading="lazy" decoding="async">`);
    expect(html).toContain('<p>Gone</p>');
  });

  it('finds pictures by alt text, credit or file name, a page at a time', async () => {
    const editor = await factory.user('editor');
    const marker = `zq${Date.now().toString(36)}`;
    const first = await picture(editor, `Lighthouse ${marker}`, 'Photo: A');
    const second = await picture(editor, 'Quay', `Photo: ${marker}`);
    const byFile = await picture(editor, 'Something else', '');
    expect((await listImages(editor, { q: marker })).items.map((item) => item.id)).toEqual([second.id, first.id]);
    expect((await listImages(editor, { q: byFile.fileName.slice(0, 13) })).items.map((item) => item.id)).toEqual([byFile.id]);
    const paged = await listImages(editor, { q: marker, pageSize: 1, page: 2 });
    expect(paged).toMatchObject({ page: 2, pageCount: 2, total: 2 });
    expect(paged.items.map((item) => item.id)).toEqual([first.id]);
  });
});
