import { randomBytes } from 'node:crypto';

import { eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, authors } from '@/db/schema';
import { formOf, redirectOf, setUpActionTests } from '@/test/action-helpers';
import { signInAs } from '@/test/stubs/auth';
import { recorded } from '@/test/stubs/next-cache';

import { createAuthorAction, updateAuthorAction } from './authors';

vi.mock('@/auth', () => import('@/test/stubs/auth'));

const factory = setUpActionTests();
afterEach(async () => {
  await getDb().delete(auditLog).where(like(auditLog.subject, 'author:%'));
});

const unique = () => randomBytes(4).toString('hex');
const NOT_ALLOWED = 'You are not allowed to manage author profiles. Sign in with an editor’s account.';
const authorRow = async (id: number) => (await getDb().select().from(authors).where(eq(authors.id, id)))[0];

describe('author actions', () => {
  it('create: validates, saves, invalidates the author and article lists, and goes back to the list', async () => {
    const editor = await factory.user('editor');
    signInAs(editor);
    const name = `Action Author ${unique()}`;
    const location = await redirectOf(createAuthorAction({ ok: false }, formOf({ name, slug: '', jobTitle: 'Reporter', bio: 'Bio.', avatarImageId: '', userId: '' })));
    const [row] = await getDb().select().from(authors).where(eq(authors.name, name));
    factory.track('authors', row!.id);
    expect(row).toMatchObject({ jobTitle: 'Reporter', bio: 'Bio.' });
    expect(location).toBe(`/dashboard/authors?created=${row!.id}`);
    expect(recorded.updated).toContain(`author:${row!.id}`);
    expect(recorded.revalidated).toContain('articles');
  });

  it('create: per-field errors for bad input and a taken slug, with what was typed kept', async () => {
    const editor = await factory.user('editor');
    signInAs(editor);
    const bad = await createAuthorAction({ ok: false }, formOf({ name: 'x', slug: 'Bad Slug', jobTitle: '', bio: '', avatarImageId: 'abc', userId: '' }));
    expect(bad).toMatchObject({ ok: false, formError: 'Please correct the highlighted fields.' });
    expect(bad.fieldErrors).toEqual({
      name: ['Give the author’s name (at least 2 characters).'],
      slug: ['Use lower-case letters, digits and single hyphens, like “ada-marsh”.'],
      avatarImageId: ['Choose a picture from the image library.'],
    });
    expect(bad.values?.name).toBe('x');

    const taken = await factory.author();
    const clash = await createAuthorAction({ ok: false }, formOf({ name: 'Someone Else', slug: taken.slug, jobTitle: '', bio: '', avatarImageId: '', userId: '' }));
    expect(clash).toMatchObject({ ok: false, fieldErrors: { slug: [expect.stringContaining('already has the address')] }, values: { name: 'Someone Else' } });
    expect(await getDb().select().from(authors).where(eq(authors.name, 'Someone Else'))).toEqual([]);
    expect(recorded.updated).toEqual([]);
  });

  it('update: saves and invalidates; refuses contributors, anonymous and disabled callers with a message', async () => {
    const editor = await factory.user('editor');
    const author = await factory.author('Nora Quill', 'Nora writes about the sea.');
    const values = { id: String(author.id), name: 'Updated Name', slug: author.slug, jobTitle: '', bio: 'Updated bio.', avatarImageId: '', userId: '' };

    for (const caller of [null, await factory.user('reader'), await factory.user('contributor'), await factory.user('editor', { disabled: true })]) {
      signInAs(caller);
      expect(await updateAuthorAction({ ok: false }, formOf(values))).toMatchObject({ ok: false, formError: NOT_ALLOWED, values });
      expect(await createAuthorAction({ ok: false }, formOf({ ...values, id: '' }))).toMatchObject({ ok: false, formError: NOT_ALLOWED });
    }
    expect(await authorRow(author.id)).toMatchObject({ name: 'Nora Quill', bio: 'Nora writes about the sea.' });
    expect(await getDb().select().from(authors).where(eq(authors.name, 'Updated Name'))).toEqual([]);

    signInAs(editor);
    expect(await redirectOf(updateAuthorAction({ ok: false }, formOf(values)))).toBe(`/dashboard/authors?updated=${author.id}`);
    expect(await authorRow(author.id)).toMatchObject({ name: 'Updated Name', bio: 'Updated bio.' });
    expect(recorded.updated).toEqual([`author:${author.id}`]);
    expect(recorded.revalidated).toEqual(['articles']);

    for (const id of ['2000000000', 'abc']) {
      expect(await updateAuthorAction({ ok: false }, formOf({ ...values, id }))).toMatchObject({ ok: false, formError: 'This author profile no longer exists.' });
    }
  });
});
