import 'server-only';

import { asc, count, eq, ilike, or, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { articleTags, tagSlugHistory, tags } from '@/db/schema';
import { auditSubjects } from '@/lib/audit-subjects';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { isValidSlug, slugify } from '@/lib/slug';
import type { CreateTagInput, UpdateTagInput } from '@/lib/validation/tags';
import { assertCan } from '@/lib/permissions';

import { recordAudit } from './audit';
import type { Viewer } from './viewer';

export type DashboardTag = { id: number; name: string; slug: string; description: string; articleCount: number };

const CAPABILITY = 'article:publish';
export const TAG_PAGE_SIZE = 50;

const columns = { id: tags.id, name: tags.name, slug: tags.slug, description: tags.description };
const articleCount = count(articleTags.articleId);

/** LIKE pattern for text typed by a person: % _ and \ match themselves. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** Editors (article:publish): tags by name, with article counts, optionally those whose name or slug contains `q`. */
export async function listDashboardTags(
  viewer: Viewer | null,
  options: { q?: string; page?: number } = {},
): Promise<{ items: DashboardTag[]; total: number; page: number; pageCount: number }> {
  assertCan(viewer, CAPABILITY);
  const page = Math.max(1, options.page ?? 1);
  const where = options.q ? or(ilike(tags.name, containing(options.q)), ilike(tags.slug, containing(options.q))) : undefined;
  const db = getDb();
  const [items, totals] = await Promise.all([
    db
      .select({ ...columns, articleCount })
      .from(tags)
      .leftJoin(articleTags, eq(articleTags.tagId, tags.id))
      .where(where)
      .groupBy(tags.id)
      .orderBy(asc(sql`lower(${tags.name})`), asc(tags.id))
      .limit(TAG_PAGE_SIZE)
      .offset((page - 1) * TAG_PAGE_SIZE),
    db.select({ total: count() }).from(tags).where(where),
  ]);
  const total = totals[0]?.total ?? 0;
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / TAG_PAGE_SIZE)) };
}

/** Editors (article:publish): every tag's id and name, for the merge target list. */
export async function listTagChoices(viewer: Viewer | null): Promise<{ id: number; name: string; slug: string }[]> {
  assertCan(viewer, CAPABILITY);
  return getDb().select({ id: tags.id, name: tags.name, slug: tags.slug }).from(tags).orderBy(asc(sql`lower(${tags.name})`), asc(tags.id));
}

/** Editors (article:publish): one tag for its edit page, or null. */
export async function getDashboardTag(viewer: Viewer | null, id: number): Promise<DashboardTag | null> {
  assertCan(viewer, CAPABILITY);
  const [row] = await getDb()
    .select({ ...columns, articleCount })
    .from(tags)
    .leftJoin(articleTags, eq(articleTags.tagId, tags.id))
    .where(eq(tags.id, id))
    .groupBy(tags.id)
    .limit(1);
  return row ?? null;
}

/** Editors (article:publish): adds a tag; the slug is the one typed or one made from the name. Throws InvalidInputError('slug'). */
export async function createTag(viewer: Viewer | null, input: CreateTagInput): Promise<DashboardTag> {
  assertCan(viewer, CAPABILITY);
  const slug = input.slug || slugify(input.name);
  if (!slug) throw new InvalidInputError('slug', 'The name has no letters or digits to make an address from; type one.');
  if (!isValidSlug(slug)) throw new InvalidInputError('slug', 'Use lower-case letters, digits and single hyphens.');
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(tags)
      .values({ slug, name: input.name, description: input.description })
      .onConflictDoNothing({ target: tags.slug })
      .returning(columns);
    if (!row) throw new InvalidInputError('slug', `Another tag already uses the address “/tag/${slug}”; choose another, or use that tag.`);
    await recordAudit(tx, { actorId: viewer.id, action: 'tag.create', subject: auditSubjects.tag(row.id), after: row });
    return { ...row, articleCount: 0 };
  });
}

/** Editors (article:publish): renames or re-describes a tag; its slug (and URL) stays. Throws NotFoundError. */
export async function renameTag(viewer: Viewer | null, input: UpdateTagInput): Promise<{ slug: string; articleIds: number[] }> {
  assertCan(viewer, CAPABILITY);
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select(columns).from(tags).where(eq(tags.id, input.id)).for('update').limit(1);
    if (!before) throw new NotFoundError();
    const [after] = await tx.update(tags).set({ name: input.name, description: input.description }).where(eq(tags.id, input.id)).returning(columns);
    await recordAudit(tx, { actorId: viewer.id, action: 'tag.update', subject: auditSubjects.tag(input.id), before, after });
    const rows = await tx.select({ articleId: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, input.id));
    return { slug: before.slug, articleIds: rows.map((row) => row.articleId) };
  });
}

export type MergeResult = { source: { id: number; slug: string }; target: { id: number; slug: string }; articleIds: number[]; moved: number };

/**
 * Editors (article:publish): merges tag `sourceId` into `targetId`: every article tagged with the source gets the
 * target (once: articles that had both keep one row), then the source is deleted. Its address (and any it had
 * inherited from earlier merges) now redirects to the target, through tag_slug_history. Throws NotFoundError,
 * InvalidInputError('targetId') for a tag merged into itself.
 */
export async function mergeTags(viewer: Viewer | null, sourceId: number, targetId: number): Promise<MergeResult> {
  assertCan(viewer, CAPABILITY);
  if (sourceId === targetId) throw new InvalidInputError('targetId', 'Choose a different tag to merge into.');
  return getDb().transaction(async (tx) => {
    // Lock both, lower id first, so two crossed merges cannot deadlock.
    const locked = await tx
      .select(columns)
      .from(tags)
      .where(or(eq(tags.id, sourceId), eq(tags.id, targetId)))
      .orderBy(asc(tags.id))
      .for('update');
    const source = locked.find((row) => row.id === sourceId);
    const target = locked.find((row) => row.id === targetId);
    if (!source || !target) throw new NotFoundError();

    const sourceRows = await tx.select({ articleId: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, sourceId));
    const articleIds = sourceRows.map((row) => row.articleId);
    const [{ n: targetBefore } = { n: 0 }] = await tx.select({ n: count() }).from(articleTags).where(eq(articleTags.tagId, targetId));
    const inserted = await tx.execute<{ article_id: number }>(sql`
      insert into ${articleTags} (article_id, tag_id)
      select ${articleTags.articleId}, ${targetId} from ${articleTags} where ${articleTags.tagId} = ${sourceId}
      on conflict do nothing
      returning article_id`);
    // The source's address, and those it had inherited, lead to the target from now on.
    await tx.update(tagSlugHistory).set({ tagId: targetId }).where(eq(tagSlugHistory.tagId, sourceId));
    await tx
      .insert(tagSlugHistory)
      .values({ slug: source.slug, tagId: targetId })
      .onConflictDoUpdate({ target: tagSlugHistory.slug, set: { tagId: targetId, createdAt: sql`now()` } });
    // Deleting the tag removes its article_tags rows (on delete cascade).
    await tx.delete(tags).where(eq(tags.id, sourceId));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'tag.merge',
      subject: auditSubjects.tag(targetId),
      before: { source: { ...source, articleCount: articleIds.length }, target: { ...target, articleCount: targetBefore } },
      after: { target: { ...target, articleCount: targetBefore + inserted.length }, deleted: auditSubjects.tag(sourceId) },
    });
    return { source: { id: source.id, slug: source.slug }, target: { id: target.id, slug: target.slug }, articleIds, moved: inserted.length };
  });
}

/** Editors (article:publish): deletes a tag (articles simply lose it). Throws NotFoundError. */
export async function deleteTag(viewer: Viewer | null, id: number): Promise<{ slug: string; articleIds: number[] }> {
  assertCan(viewer, CAPABILITY);
  return getDb().transaction(async (tx) => {
    const [tag] = await tx.select(columns).from(tags).where(eq(tags.id, id)).for('update').limit(1);
    if (!tag) throw new NotFoundError();
    const rows = await tx.select({ articleId: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, id));
    await tx.delete(tags).where(eq(tags.id, id));
    await recordAudit(tx, { actorId: viewer.id, action: 'tag.delete', subject: auditSubjects.tag(id), before: { ...tag, articleCount: rows.length } });
    return { slug: tag.slug, articleIds: rows.map((row) => row.articleId) };
  });
}
