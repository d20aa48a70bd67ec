import { randomBytes } from 'node:crypto';

import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { articleTags, auditLog, tags } from '@/db/schema';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { createFactory } from '@/test/factories';

import { resolveContentRoute } from './routes';
import { createTag, deleteTag, getDashboardTag, listDashboardTags, mergeTags, renameTag } from './tags';

const unique = () => randomBytes(4).toString('hex');
let factory: ReturnType<typeof createFactory>;
const created: number[] = [];
const touched: number[] = [];

const tagIdsOf = async (articleId: number) =>
  (await getDb().select({ tagId: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, articleId))).map((row) => row.tagId).sort();

beforeEach(() => {
  factory = createFactory();
});

afterEach(async () => {
  const db = getDb();
  const ids = [...created.splice(0), ...touched.splice(0)];
  if (ids.length) {
    await db.delete(auditLog).where(inArray(auditLog.subject, ids.map((id) => `tag:${id}`)));
    await db.delete(tags).where(inArray(tags.id, ids));
  }
  await factory.cleanUp();
});

describe('tags data layer', () => {
  it('creates a tag with a slug made from the name, refuses a taken one, and records it', async () => {
    const editor = await factory.user('editor');
    const name = `Sea walls ${unique()}`;
    const tag = await createTag(editor, { name, slug: '', description: '' });
    created.push(tag.id);
    expect(tag.slug).toBe(name.toLowerCase().replaceAll(' ', '-'));
    await expect(createTag(editor, { name: 'Again', slug: tag.slug, description: '' })).rejects.toMatchObject({ field: 'slug', message: expect.stringContaining('already uses') });
    await expect(createTag(editor, { name: '???', slug: '', description: '' })).rejects.toMatchObject({ field: 'slug', message: 'The name has no letters or digits to make an address from; type one.' });
    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.subject, `tag:${tag.id}`));
    expect(entry).toMatchObject({ action: 'tag.create', actorId: editor.id, after: { name, slug: tag.slug } });
  });

  it('lists with article counts and searches name or slug, treating % and _ literally', async () => {
    const editor = await factory.user('editor');
    const section = await factory.section();
    const marker = unique();
    const tag = await factory.tag(`Tides ${marker}`);
    await factory.article({ sectionId: section.id, tagIds: [tag.id] });
    await factory.article({ sectionId: section.id, tagIds: [tag.id], status: 'draft', publishedAt: null });
    const found = await listDashboardTags(editor, { q: marker });
    expect(found.items).toEqual([expect.objectContaining({ id: tag.id, articleCount: 2 })]);
    expect(await getDashboardTag(editor, tag.id)).toMatchObject({ articleCount: 2 });
    expect((await listDashboardTags(editor, { q: tag.slug })).items.map((row) => row.id)).toEqual([tag.id]);
    expect((await listDashboardTags(editor, { q: '%' })).items).toEqual([]);
  });

  it('renames a tag and keeps its slug, with before and after recorded', async () => {
    const editor = await factory.user('editor');
    const tag = await factory.tag('Old tag');
    touched.push(tag.id);
    const result = await renameTag(editor, { id: tag.id, name: 'New tag', description: 'About' });
    expect(result.slug).toBe(tag.slug);
    expect(await getDashboardTag(editor, tag.id)).toMatchObject({ name: 'New tag', slug: tag.slug, description: 'About' });
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.subject, `tag:${tag.id}`), eq(auditLog.action, 'tag.update')));
    expect(entry).toMatchObject({ before: { name: 'Old tag' }, after: { name: 'New tag' } });
  });

  it('merges A into B: every article of A gets B once, A is deleted, and the merge is recorded', async () => {
    const editor = await factory.user('editor');
    const section = await factory.section();
    const a = await factory.tag('Flooding');
    const b = await factory.tag('Floods');
    const other = await factory.tag('Other');
    touched.push(b.id);
    const onlyA = await factory.article({ sectionId: section.id, tagIds: [a.id, other.id] });
    const both = await factory.article({ sectionId: section.id, tagIds: [a.id, b.id] });
    const onlyB = await factory.article({ sectionId: section.id, tagIds: [b.id] });

    const result = await mergeTags(editor, a.id, b.id);
    expect(result).toMatchObject({ source: { slug: a.slug }, target: { slug: b.slug }, moved: 1 });
    expect(result.articleIds.sort()).toEqual([onlyA.id, both.id].sort());
    expect(await tagIdsOf(onlyA.id)).toEqual([b.id, other.id].sort());
    expect(await tagIdsOf(both.id)).toEqual([b.id]);
    expect(await tagIdsOf(onlyB.id)).toEqual([b.id]);
    expect(await getDashboardTag(editor, a.id)).toBeNull();
    expect(await getDashboardTag(editor, b.id)).toMatchObject({ articleCount: 3 });

    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.subject, `tag:${b.id}`), eq(auditLog.action, 'tag.merge')));
    expect(entry?.before).toMatchObject({ source: { id: a.id, slug: a.slug, articleCount: 2 }, target: { id: b.id, articleCount: 2 } });
    expect(entry?.after).toMatchObject({ target: { articleCount: 3 }, deleted: `tag:${a.id}` });
  });

  it("a merged tag's address redirects to the survivor, through later merges too, and goes with it", async () => {
    const editor = await factory.user('editor');
    const [a, b, c] = [await factory.tag('A'), await factory.tag('B'), await factory.tag('C')];
    touched.push(a.id, b.id, c.id);
    await mergeTags(editor, a.id, b.id);
    expect(await resolveContentRoute({ kind: 'tag', slug: a.slug, page: 1 })).toEqual({ status: 'moved', location: `/tag/${b.slug}` });
    expect(await resolveContentRoute({ kind: 'tag', slug: a.slug, page: 3 })).toEqual({ status: 'moved', location: `/tag/${b.slug}` });
    // B merged into C: both old addresses now lead to C, not through a chain.
    await mergeTags(editor, b.id, c.id);
    expect(await resolveContentRoute({ kind: 'tag', slug: a.slug, page: 1 })).toEqual({ status: 'moved', location: `/tag/${c.slug}` });
    expect(await resolveContentRoute({ kind: 'tag', slug: b.slug, page: 1 })).toEqual({ status: 'moved', location: `/tag/${c.slug}` });
    // A new tag that takes an old address is served itself.
    const reused = await createTag(editor, { name: 'A again', slug: a.slug, description: '' });
    created.push(reused.id);
    expect(await resolveContentRoute({ kind: 'tag', slug: a.slug, page: 1 })).toEqual({ status: 'ok' });
    // Deleting the survivor ends the redirects.
    await deleteTag(editor, c.id);
    expect(await resolveContentRoute({ kind: 'tag', slug: b.slug, page: 1 })).toEqual({ status: 'not-found' });
  });

  it('refuses merging a tag into itself or into a tag that is gone', async () => {
    const editor = await factory.user('editor');
    const a = await factory.tag();
    await expect(mergeTags(editor, a.id, a.id)).rejects.toMatchObject({ field: 'targetId', message: 'Choose a different tag to merge into.' });
    await expect(mergeTags(editor, a.id, 2_000_000_000)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDashboardTag(editor, a.id)).not.toBeNull();
  });

  it('deletes a tag; its articles lose it and nothing else', async () => {
    const editor = await factory.user('editor');
    const section = await factory.section();
    const doomed = await factory.tag();
    const kept = await factory.tag();
    touched.push(doomed.id);
    const article = await factory.article({ sectionId: section.id, tagIds: [doomed.id, kept.id] });
    expect(await deleteTag(editor, doomed.id)).toEqual({ slug: doomed.slug, articleIds: [article.id] });
    expect(await tagIdsOf(article.id)).toEqual([kept.id]);
  });

  it('refuses nobody, readers and contributors', async () => {
    const a = await factory.tag();
    const b = await factory.tag();
    for (const viewer of [null, await factory.user('reader'), await factory.user('contributor')]) {
      await expect(listDashboardTags(viewer)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createTag(viewer, { name: 'Nope', slug: '', description: '' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(renameTag(viewer, { id: a.id, name: 'Nope', description: '' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(mergeTags(viewer, a.id, b.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteTag(viewer, a.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
