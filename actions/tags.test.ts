import { randomBytes } from 'node:crypto';

import { eq, inArray, like } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { articleTags, auditLog, tags } from '@/db/schema';
import { formOf, redirectOf, setUpActionTests } from '@/test/action-helpers';
import { signInAs } from '@/test/stubs/auth';
import { recorded } from '@/test/stubs/next-cache';

import { createTagAction, deleteTagAction, mergeTagsAction, renameTagAction } from './tags';

vi.mock('@/auth', () => import('@/test/stubs/auth'));

const factory = setUpActionTests();
afterEach(async () => {
  await getDb().delete(auditLog).where(like(auditLog.subject, 'tag:%'));
  await getDb().delete(tags).where(like(tags.slug, 'action-tag-%'));
});

const unique = () => randomBytes(4).toString('hex');
const NOT_ALLOWED = 'You are not allowed to manage tags. Sign in with an editor’s account.';

describe('tag actions', () => {
  it('create: goes to the list and invalidates the new address', async () => {
    const editor = await factory.user('editor');
    signInAs(editor);
    const slug = `action-tag-${unique()}`;
    expect(await redirectOf(createTagAction({ ok: false }, formOf({ name: 'Sea walls', slug, description: '' })))).toBe(`/dashboard/tags?created=${slug}`);
    expect(await getDb().select({ name: tags.name }).from(tags).where(eq(tags.slug, slug))).toEqual([{ name: 'Sea walls' }]);
    expect(recorded.updated).toEqual([`tag:${slug}`]);
  });

  it('merge: goes to the surviving tag and invalidates both tags, the lists and the articles touched', async () => {
    const editor = await factory.user('editor');
    const section = await factory.section();
    const a = await factory.tag();
    const b = await factory.tag();
    const article = await factory.article({ sectionId: section.id, tagIds: [a.id] });
    signInAs(editor);
    const location = await redirectOf(mergeTagsAction({ ok: false }, formOf({ sourceId: String(a.id), targetId: String(b.id) })));
    expect(location).toBe(`/dashboard/tags/${b.id}?done=merged&from=${a.slug}`);
    expect(await getDb().select({ tagId: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, article.id))).toEqual([{ tagId: b.id }]);
    expect(recorded.updated).toEqual(expect.arrayContaining([`tag:${a.slug}`, `tag:${b.slug}`]));
    expect(recorded.revalidated).toEqual(expect.arrayContaining(['articles', `article:${article.id}`]));
  });

  it('merge into itself is a field error on the target', async () => {
    const editor = await factory.user('editor');
    const a = await factory.tag();
    signInAs(editor);
    const result = await mergeTagsAction({ ok: false }, formOf({ sourceId: String(a.id), targetId: String(a.id) }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { targetId: [expect.stringContaining('different tag')] } });
    expect(recorded.updated).toEqual([]);
  });

  it('create and rename: a taken slug is a field error; a rename keeps the address', async () => {
    const editor = await factory.user('editor');
    const tag = await factory.tag('Before');
    signInAs(editor);
    const taken = await createTagAction({ ok: false }, formOf({ name: 'Dup', slug: tag.slug, description: '' }));
    expect(taken).toMatchObject({ ok: false, formError: 'Please correct the highlighted fields.', fieldErrors: { slug: [expect.stringContaining('already uses')] }, values: { name: 'Dup' } });
    const location = await redirectOf(renameTagAction({ ok: false }, formOf({ id: String(tag.id), name: 'After', description: '' })));
    expect(location).toBe(`/dashboard/tags/${tag.id}?done=saved`);
    expect(await getDb().select({ name: tags.name, slug: tags.slug }).from(tags).where(eq(tags.id, tag.id))).toEqual([{ name: 'After', slug: tag.slug }]);
    expect(recorded.updated).toContain(`tag:${tag.slug}`);
  });

  it('delete: goes to the list; a tag that is gone says so', async () => {
    const editor = await factory.user('editor');
    const tag = await factory.tag();
    signInAs(editor);
    expect(await redirectOf(deleteTagAction({ ok: false }, formOf({ id: String(tag.id) })))).toBe(`/dashboard/tags?deleted=${tag.slug}`);
    expect(await getDb().select().from(tags).where(eq(tags.id, tag.id))).toEqual([]);
    expect(await deleteTagAction({ ok: false }, formOf({ id: String(tag.id) }))).toMatchObject({ ok: false, formError: 'That tag no longer exists.' });
  });

  it('refuses forged calls from anonymous visitors, readers, contributors and a disabled editor', async () => {
    const a = await factory.tag();
    const b = await factory.tag();
    for (const caller of [null, await factory.user('reader'), await factory.user('contributor'), await factory.user('editor', { disabled: true })]) {
      signInAs(caller);
      const refused = { ok: false, formError: NOT_ALLOWED };
      expect(await mergeTagsAction({ ok: false }, formOf({ sourceId: String(a.id), targetId: String(b.id) }))).toMatchObject(refused);
      expect(await deleteTagAction({ ok: false }, formOf({ id: String(a.id) }))).toMatchObject(refused);
      expect(await renameTagAction({ ok: false }, formOf({ id: String(a.id), name: 'Forged', description: '' }))).toMatchObject(refused);
      expect(await createTagAction({ ok: false }, formOf({ name: 'Forged', slug: `action-tag-${unique()}`, description: '' }))).toMatchObject(refused);
    }
    const rows = await getDb().select().from(tags).where(inArray(tags.id, [a.id, b.id]));
    expect(rows.map((row) => row.name).sort()).toEqual([a.name, b.name].sort());
    expect(await getDb().select().from(tags).where(like(tags.slug, 'action-tag-%'))).toEqual([]);
    expect(recorded.updated).toEqual([]);
  });
});
