import { randomBytes } from 'node:crypto';

import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { auditLog, authors, images } from '@/db/schema';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import type { AuthorInput } from '@/lib/validation/authors';
import { createFactory } from '@/test/factories';

import { createAuthor, getDashboardAuthor, listDashboardAuthors, listLinkableUsers, updateAuthor } from './authors';

const unique = () => randomBytes(4).toString('hex');
let factory: ReturnType<typeof createFactory>;
const madeAuthors: number[] = [];
const madeImages: number[] = [];

beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  const db = getDb();
  if (madeAuthors.length) {
    await db.delete(auditLog).where(inArray(auditLog.subject, madeAuthors.map((id) => `author:${id}`)));
    await db.delete(authors).where(inArray(authors.id, madeAuthors));
    madeAuthors.length = 0;
  }
  if (madeImages.length) {
    await db.delete(images).where(inArray(images.id, madeImages));
    madeImages.length = 0;
  }
  await factory.cleanUp();
});

const input = (values: Partial<AuthorInput> = {}): AuthorInput => ({
  name: `Nora Quill ${unique()}`,
  slug: '',
  jobTitle: 'Science editor',
  bio: 'Nora writes about the sea.',
  avatarImageId: null,
  userId: null,
  ...values,
});

async function create(viewer: Parameters<typeof createAuthor>[0], values: Partial<AuthorInput> = {}) {
  const author = await createAuthor(viewer, input(values));
  madeAuthors.push(author.id);
  return author;
}

/** An images row (no file: these tests never read the picture). */
async function image(alt = 'Portrait') {
  const [row] = await getDb()
    .insert(images)
    .values({ fileName: `${unique()}-${unique()}.webp`, mimeType: 'image/webp', width: 400, height: 400, byteSize: 1000, alt })
    .returning({ id: images.id });
  madeImages.push(row!.id);
  return row!.id;
}

const audits = (id: number) => getDb().select().from(auditLog).where(eq(auditLog.subject, `author:${id}`));

describe('createAuthor', () => {
  it('makes the slug from the name, links a picture and an account, and records the change', async () => {
    const editor = await factory.user('editor');
    const contributor = await factory.user('contributor');
    const avatar = await image('Nora at her desk');
    const name = `Nóra Quill-Smith ${unique()}`;
    const author = await create(editor, { name, avatarImageId: avatar, userId: contributor.id });
    expect(author.slug).toBe(`nora-quill-smith-${name.split(' ').pop()}`);

    expect(await getDashboardAuthor(editor, author.id)).toMatchObject({
      name,
      jobTitle: 'Science editor',
      bio: 'Nora writes about the sea.',
      avatar: { id: avatar, alt: 'Nora at her desk' },
      user: { id: contributor.id, name: contributor.name },
      articleCount: 0,
    });
    const [entry] = await audits(author.id);
    expect(entry).toMatchObject({ actorId: editor.id, action: 'author.create', after: { slug: author.slug, avatarImageId: avatar } });
  });

  it('keeps a typed slug and trims what was typed', async () => {
    const admin = await factory.user('admin');
    const slug = `quill-${unique()}`;
    const author = await create(admin, { name: '  Nora Quill  ', slug, jobTitle: '  Editor ', bio: '  Sea.  ' });
    expect(await getDashboardAuthor(admin, author.id)).toMatchObject({ slug, name: 'Nora Quill', jobTitle: 'Editor', bio: 'Sea.' });
  });

  it('refuses a slug another author has, with a message for the slug field', async () => {
    const editor = await factory.user('editor');
    const first = await create(editor, { name: 'Taken Name' + unique() });
    const error = await create(editor, { slug: first.slug }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field: 'slug' });
    expect((error as Error).message).toContain(`/author/${first.slug}`);
    expect(await getDb().select().from(authors).where(eq(authors.slug, first.slug))).toHaveLength(1);
  });

  it('refuses a picture that is not in the library, and an unknown, reader or already linked account', async () => {
    const editor = await factory.user('editor');
    const reader = await factory.user('reader');
    const contributor = await factory.user('contributor');
    await expect(create(editor, { avatarImageId: 2_000_000_000 })).rejects.toMatchObject({ field: 'avatarImageId', message: 'That picture is no longer in the image library; choose another.' });
    await expect(create(editor, { userId: 'no-such-user' })).rejects.toMatchObject({ field: 'userId', message: 'Choose a staff account from the list.' });
    await expect(create(editor, { userId: reader.id })).rejects.toMatchObject({ field: 'userId', message: 'Choose a staff account from the list.' });
    await create(editor, { userId: contributor.id });
    await expect(create(editor, { userId: contributor.id })).rejects.toMatchObject({ field: 'userId', message: expect.stringMatching(/^That account is already linked to /) });
  });

  it('refuses input the schema would refuse, whoever calls', async () => {
    const editor = await factory.user('editor');
    await expect(create(editor, { name: 'x' })).rejects.toMatchObject({ field: 'name', message: 'Give the author’s name (at least 2 characters).' });
    await expect(create(editor, { slug: 'Not A Slug!' })).rejects.toMatchObject({ field: 'slug', message: 'Use lower-case letters, digits and single hyphens, like “ada-marsh”.' });
    await expect(create(editor, { bio: 'b'.repeat(2001) })).rejects.toMatchObject({ field: 'bio', message: expect.stringMatching(/^Keep the biography to \d+ characters or fewer\.$/) });
    await expect(create(editor, { name: '!!!' })).rejects.toMatchObject({ field: 'slug', message: 'The name has no letters or digits to make an address from; type one.' });
  });

  it('refuses anonymous or disabled visitors (null), readers and contributors, and writes nothing', async () => {
    const name = `Nobody ${unique()}`;
    for (const viewer of [null, await factory.user('reader'), await factory.user('contributor')]) {
      await expect(create(viewer, { name })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await getDb().select().from(authors).where(eq(authors.name, name))).toHaveLength(0);
  });
});

describe('updateAuthor', () => {
  it('changes every field, and records before and after', async () => {
    const editor = await factory.user('editor');
    const author = await create(editor);
    const avatar = await image();
    const slug = `renamed-${unique()}`;
    const saved = await updateAuthor(editor, author.id, input({ name: 'Renamed Person', slug, jobTitle: 'Columnist', bio: 'New bio.', avatarImageId: avatar }));
    expect(saved).toEqual({ id: author.id, slug, previousSlug: author.slug });
    expect(await getDashboardAuthor(editor, author.id)).toMatchObject({ name: 'Renamed Person', slug, jobTitle: 'Columnist', bio: 'New bio.', avatar: { id: avatar } });
    const entries = await audits(author.id);
    expect(entries.map((entry) => entry.action).sort()).toEqual(['author.create', 'author.update']);
    expect(entries.find((entry) => entry.action === 'author.update')).toMatchObject({ before: { slug: author.slug }, after: { slug, bio: 'New bio.' } });
  });

  it('keeps its own slug, refuses another author’s, and removes the picture when none is chosen', async () => {
    const editor = await factory.user('editor');
    const avatar = await image();
    const author = await create(editor, { avatarImageId: avatar });
    const other = await create(editor);
    await updateAuthor(editor, author.id, input({ slug: author.slug }));
    expect(await getDashboardAuthor(editor, author.id)).toMatchObject({ slug: author.slug, avatar: null });
    await expect(updateAuthor(editor, author.id, input({ slug: other.slug }))).rejects.toMatchObject({ field: 'slug', message: expect.stringContaining(`already has the address /author/${other.slug}; choose another.`) });
  });

  it('refuses unknown authors and viewers without article:publish', async () => {
    const editor = await factory.user('editor');
    const author = await create(editor);
    await expect(updateAuthor(editor, 2_000_000_000, input())).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateAuthor(null, author.id, input({ bio: 'hacked' }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateAuthor(await factory.user('contributor'), author.id, input({ bio: 'hacked' }))).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getDashboardAuthor(editor, author.id))!.bio).toBe('Nora writes about the sea.');
  });
});

describe('dashboard reads', () => {
  it('lists profiles with byline counts, and staff accounts to link; closed to contributors', async () => {
    const editor = await factory.user('editor');
    const reader = await factory.user('reader');
    const section = await factory.section();
    const withStories = await factory.author(`Aaa ${unique()}`);
    await factory.article({ sectionId: section.id, authorIds: [withStories.id] });
    await factory.article({ sectionId: section.id, authorIds: [withStories.id], status: 'draft', publishedAt: null });
    const listed = (await listDashboardAuthors(editor)).find((author) => author.id === withStories.id);
    expect(listed).toMatchObject({ articleCount: 2, avatar: null, user: null });

    const linkable = await listLinkableUsers(editor);
    expect(linkable.some((user) => user.id === editor.id)).toBe(true);
    expect(linkable.some((user) => user.id === reader.id)).toBe(false);

    const contributor = await factory.user('contributor');
    await expect(listDashboardAuthors(contributor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDashboardAuthor(null, withStories.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listLinkableUsers(contributor)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
