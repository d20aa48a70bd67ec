import 'server-only';

import { and, asc, count, eq, ne } from 'drizzle-orm';

import type { Transaction } from '@/db/client';
import { getDb } from '@/db/client';
import { articleAuthors, authors, images, users } from '@/db/schema';
import { auditSubjects } from '@/lib/audit-subjects';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { slugify } from '@/lib/slug';
import { type AuthorInput, authorInputSchema } from '@/lib/validation/authors';
import { assertCan } from '@/lib/permissions';

import { recordAudit } from './audit';
import { imageSrc } from './cards';
import type { Viewer } from './viewer';

// Public reads of author profiles live in data/taxonomy.ts (cached); these are the dashboard's.

export type DashboardAuthor = {
  id: number;
  name: string;
  slug: string;
  jobTitle: string;
  bio: string;
  avatar: { id: number; src: string; alt: string } | null;
  user: { id: string; name: string } | null;
  /** Every article with this byline, whatever its status. */
  articleCount: number;
};

export type LinkableUser = { id: string; name: string; role: string };

const CAPABILITY = 'article:publish';

const stored = {
  id: authors.id,
  name: authors.name,
  slug: authors.slug,
  jobTitle: authors.jobTitle,
  bio: authors.bio,
  avatarImageId: authors.avatarImageId,
  userId: authors.userId,
};

function selectAuthors(where?: ReturnType<typeof eq>) {
  return getDb()
    .select({
      ...stored,
      avatarFileName: images.fileName,
      avatarAlt: images.alt,
      userName: users.name,
      articleCount: count(articleAuthors.articleId),
    })
    .from(authors)
    .leftJoin(images, eq(images.id, authors.avatarImageId))
    .leftJoin(users, eq(users.id, authors.userId))
    .leftJoin(articleAuthors, eq(articleAuthors.authorId, authors.id))
    .where(where)
    .groupBy(authors.id, images.id, users.id);
}

type Row = Awaited<ReturnType<typeof selectAuthors>>[number];

function toDashboardAuthor(row: Row): DashboardAuthor {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    jobTitle: row.jobTitle,
    bio: row.bio,
    avatar: row.avatarImageId && row.avatarFileName ? { id: row.avatarImageId, src: imageSrc(row.avatarFileName), alt: row.avatarAlt ?? '' } : null,
    user: row.userId ? { id: row.userId, name: row.userName ?? '' } : null,
    articleCount: row.articleCount,
  };
}

/** Editors and admins (article:publish): every author profile, by name, with how many stories carry each byline. */
export async function listDashboardAuthors(viewer: Viewer | null): Promise<DashboardAuthor[]> {
  assertCan(viewer, CAPABILITY);
  const rows = await selectAuthors().orderBy(asc(authors.name), asc(authors.id));
  return rows.map(toDashboardAuthor);
}

/** Editors and admins (article:publish): one author profile for the edit page, or null. */
export async function getDashboardAuthor(viewer: Viewer | null, id: number): Promise<DashboardAuthor | null> {
  assertCan(viewer, CAPABILITY);
  const [row] = await selectAuthors(eq(authors.id, id)).limit(1);
  return row ? toDashboardAuthor(row) : null;
}

/** Editors and admins (article:publish): the staff accounts a profile may be linked to (readers never are). */
export async function listLinkableUsers(viewer: Viewer | null): Promise<LinkableUser[]> {
  assertCan(viewer, CAPABILITY);
  return getDb()
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(ne(users.role, 'reader'))
    .orderBy(asc(users.name), asc(users.id))
    .limit(500);
}

/** The schema again (whoever calls), the slug made from the name when none was given, and the references checked. */
async function checkedInput(tx: Transaction, input: AuthorInput, selfId: number | null): Promise<AuthorInput & { slug: string }> {
  const parsed = authorInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError(String(issue.path[0] ?? 'name'), issue.message);
  }
  const values = parsed.data;
  const slug = values.slug || slugify(values.name);
  if (!slug) throw new InvalidInputError('slug', 'The name has no letters or digits to make an address from; type one.');

  const [taken] = await tx
    .select({ name: authors.name })
    .from(authors)
    .where(selfId === null ? eq(authors.slug, slug) : and(eq(authors.slug, slug), ne(authors.id, selfId)))
    .limit(1);
  if (taken) throw new InvalidInputError('slug', `${taken.name} already has the address /author/${slug}; choose another.`);

  if (values.avatarImageId !== null) {
    const [image] = await tx.select({ id: images.id }).from(images).where(eq(images.id, values.avatarImageId)).limit(1);
    if (!image) throw new InvalidInputError('avatarImageId', 'That picture is no longer in the image library; choose another.');
  }
  if (values.userId !== null) {
    const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, values.userId)).limit(1);
    if (!user || user.role === 'reader') throw new InvalidInputError('userId', 'Choose a staff account from the list.');
    const [linked] = await tx
      .select({ name: authors.name })
      .from(authors)
      .where(selfId === null ? eq(authors.userId, values.userId) : and(eq(authors.userId, values.userId), ne(authors.id, selfId)))
      .limit(1);
    if (linked) throw new InvalidInputError('userId', `That account is already linked to ${linked.name}’s profile.`);
  }
  return { ...values, slug };
}

/** Two saves racing for one slug or account: the unique index decides, and the loser gets the same message. */
function uniqueViolation(error: unknown): InvalidInputError | null {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const { code, constraint_name: constraint } = (cause ?? {}) as { code?: string; constraint_name?: string };
  if (code !== '23505') return null;
  if (constraint?.includes('user_id')) return new InvalidInputError('userId', 'That account is already linked to another profile.');
  return new InvalidInputError('slug', 'Another author already has that address; choose another.');
}

async function withUniqueChecks<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}

/**
 * Editors and admins (article:publish): adds an author profile, audited. Throws InvalidInputError for a taken slug,
 * a missing picture or account, or an account that already has a profile.
 */
export async function createAuthor(viewer: Viewer | null, input: AuthorInput): Promise<{ id: number; slug: string }> {
  assertCan(viewer, CAPABILITY);
  return withUniqueChecks(() =>
    getDb().transaction(async (tx) => {
      const values = await checkedInput(tx, input, null);
      const [row] = await tx.insert(authors).values(values).returning(stored);
      await recordAudit(tx, { actorId: viewer.id, action: 'author.create', subject: auditSubjects.author(row!.id), after: row });
      return { id: row!.id, slug: row!.slug };
    }),
  );
}

/**
 * Editors and admins (article:publish): changes an author profile, audited. Throws NotFoundError, or
 * InvalidInputError as createAuthor does. The old address stops working when the slug changes.
 */
export async function updateAuthor(viewer: Viewer | null, id: number, input: AuthorInput): Promise<{ id: number; slug: string; previousSlug: string }> {
  assertCan(viewer, CAPABILITY);
  return withUniqueChecks(() =>
    getDb().transaction(async (tx) => {
      const [before] = await tx.select(stored).from(authors).where(eq(authors.id, id)).limit(1).for('update');
      if (!before) throw new NotFoundError();
      const values = await checkedInput(tx, input, id);
      const [after] = await tx.update(authors).set(values).where(eq(authors.id, id)).returning(stored);
      await recordAudit(tx, { actorId: viewer.id, action: 'author.update', subject: auditSubjects.author(id), before, after });
      return { id, slug: after!.slug, previousSlug: before.slug };
    }),
  );
}
