import 'server-only';

import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';

import { getDb, type Transaction } from '@/db/client';
import { articleAuthors, articleRelatedPicks, articleRevisions, articleSlugHistory, articleTags, articles, authors, images, sections, tags, users } from '@/db/schema';
import { changedFields, type ArticleSnapshot } from '@/lib/article-snapshot';
import { auditSubjects } from '@/lib/audit-subjects';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { assertCan, mayEditStory } from '@/lib/permissions';
import { slugify } from '@/lib/slug';

import { publishStagedNotes } from './article-notes';
import { recordAudit } from './audit';
import type { Viewer } from './viewer';

/**
 * The dashboard's writes to articles: create, save (every save is a revision), submit for review, publish or
 * schedule, unpublish, delete. Every function re-checks the viewer's capability and ownership itself and writes in
 * one transaction with its audit entry. Cache invalidation is the caller's (the action's) job: each write returns
 * what it touched.
 */

type ArticleRow = {
  id: number;
  status: 'draft' | 'in_review' | 'published';
  createdBy: string | null;
  version: number;
  slug: string;
  sectionId: number;
  publishedAt: Date | null;
  unpublishAt: Date | null;
  pendingRevisionId: number | null;
};

/** What a write touched, for cache invalidation: the story, and every list it left or joined. */
export type ArticleTouched = {
  id: number;
  version: number;
  sectionSlugs: string[];
  tagSlugs: string[];
  authorIds: number[];
};

export type ConflictDetails = { currentVersion: number; changed: (keyof ArticleSnapshot)[]; by: string | null; at: string };

/** A save based on an outdated version; says what the colleague changed since. */
export class ArticleConflictError extends ConflictError {
  constructor(readonly details: ConflictDetails) {
    super(details.currentVersion, 'article changed since it was opened');
  }
}

/** Contributors may change their own unpublished stories; editors any story. */
function assertMayEdit(viewer: Viewer, row: Pick<ArticleRow, 'createdBy' | 'status'>): void {
  if (!mayEditStory(viewer, row)) throw new ForbiddenError();
}

async function lockArticle(tx: Transaction, id: number): Promise<ArticleRow> {
  const [row] = await tx
    .select({
      id: articles.id,
      status: articles.status,
      createdBy: articles.createdBy,
      version: articles.version,
      slug: articles.slug,
      sectionId: articles.sectionId,
      publishedAt: articles.publishedAt,
      unpublishAt: articles.unpublishAt,
      pendingRevisionId: articles.pendingRevisionId,
    })
    .from(articles)
    .where(eq(articles.id, id))
    .for('update')
    .limit(1);
  if (!row) throw new NotFoundError();
  return row;
}

/** The snapshot the row itself holds (what readers see, for a published story; stories older than revisions). */
export async function rowSnapshot(tx: Transaction, id: number): Promise<ArticleSnapshot> {
  const [row] = await tx.select().from(articles).where(eq(articles.id, id)).limit(1);
  if (!row) throw new NotFoundError();
  const [tagRows, authorRows, relatedRows] = await Promise.all([
    tx.select({ name: tags.name }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, id)).orderBy(asc(tags.name)),
    tx.select({ id: articleAuthors.authorId }).from(articleAuthors).where(eq(articleAuthors.articleId, id)).orderBy(asc(articleAuthors.position)),
    tx.select({ id: articleRelatedPicks.relatedArticleId }).from(articleRelatedPicks).where(eq(articleRelatedPicks.articleId, id)).orderBy(asc(articleRelatedPicks.position)),
  ]);
  return {
    headline: row.headline,
    dek: row.dek,
    body: row.body,
    slug: row.slug,
    sectionId: row.sectionId,
    format: row.format,
    tagNames: tagRows.map((tag) => tag.name),
    authorIds: authorRows.map((author) => author.id),
    heroImageId: row.heroImageId,
    heroAlt: row.heroAlt,
    heroCaption: row.heroCaption,
    seoTitle: row.seoTitle ?? '',
    seoDescription: row.seoDescription ?? '',
    relatedIds: relatedRows.map((related) => related.id),
  };
}

/** The latest saved text: the pending revision of a published story, or the row. */
async function latestSnapshot(tx: Transaction, row: Pick<ArticleRow, 'id' | 'pendingRevisionId'>): Promise<ArticleSnapshot> {
  if (row.pendingRevisionId) {
    const [revision] = await tx.select({ snapshot: articleRevisions.snapshot }).from(articleRevisions).where(eq(articleRevisions.id, row.pendingRevisionId)).limit(1);
    if (revision) return revision.snapshot as ArticleSnapshot;
  }
  return rowSnapshot(tx, row.id);
}

/**
 * No story goes to review or to readers without a byline: the text it would send (the latest saved one) must name
 * at least one author.
 */
async function assertHasByline(tx: Transaction, row: Pick<ArticleRow, 'id' | 'pendingRevisionId'>, step: 'submitted for review' | 'published'): Promise<void> {
  const { authorIds } = await latestSnapshot(tx, row);
  if (authorIds.length) return;
  throw new InvalidInputError(
    'authorIds',
    `This story has no author, so it cannot be ${step}. Tick at least one name under Authors and save, then try again${step === 'published' ? '' : ' (if your name is not in the list, ask an editor to add your author profile)'}.`,
  );
}

/** Input from the editor form, as the validation schema leaves it. */
export type ArticleInput = Omit<ArticleSnapshot, 'tagNames' | 'relatedIds'> & { tags: string[]; related: string[] };

/** Checks references against the database and turns names and slugs into the snapshot's ids. */
async function resolveInput(tx: Transaction, input: ArticleInput, articleId: number | null): Promise<ArticleSnapshot> {
  const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, input.sectionId)).limit(1);
  if (!section) throw new InvalidInputError('sectionId', 'Choose a section from the list.');
  if (input.authorIds.length) {
    const found = await tx.select({ id: authors.id }).from(authors).where(inArray(authors.id, input.authorIds));
    if (found.length !== new Set(input.authorIds).size) throw new InvalidInputError('authorIds', 'One of the authors no longer exists.');
  }
  if (input.heroImageId) {
    const [image] = await tx.select({ id: images.id }).from(images).where(eq(images.id, input.heroImageId)).limit(1);
    if (!image) throw new InvalidInputError('heroImageId', 'That image is no longer in the library.');
  }
  const taken = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, input.slug), articleId ? ne(articles.id, articleId) : undefined))
    .limit(1);
  const [history] = await tx.select({ articleId: articleSlugHistory.articleId }).from(articleSlugHistory).where(eq(articleSlugHistory.slug, input.slug)).limit(1);
  if (taken.length || (history && history.articleId !== articleId)) {
    throw new InvalidInputError('slug', 'Another story already uses (or used) this slug; choose another.');
  }
  let relatedIds: number[] = [];
  if (input.related.length) {
    const slugs = input.related.map((item) => slugify(item.replace(/^.*\//, '')));
    const rows = await tx.select({ id: articles.id, slug: articles.slug }).from(articles).where(inArray(articles.slug, slugs));
    const bySlug = new Map(rows.map((row) => [row.slug, row.id]));
    const missing = slugs.filter((slug) => !bySlug.has(slug));
    if (missing.length) throw new InvalidInputError('related', `No story has the slug ${missing.map((slug) => `“${slug}”`).join(', ')}.`);
    relatedIds = slugs.map((slug) => bySlug.get(slug)!).filter((id) => id !== articleId);
  }
  return {
    headline: input.headline,
    dek: input.dek,
    body: input.body,
    slug: input.slug,
    sectionId: input.sectionId,
    format: input.format,
    tagNames: [...input.tags].sort((a, b) => a.localeCompare(b)),
    authorIds: [...new Set(input.authorIds)],
    heroImageId: input.heroImageId,
    heroAlt: input.heroAlt,
    heroCaption: input.heroCaption,
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
    relatedIds: [...new Set(relatedIds)],
  };
}

/** Tag names → ids, creating the tags that do not exist yet (matched by slug, so "Flood defences" finds flood-defences). */
async function ensureTags(tx: Transaction, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) continue;
    await tx.insert(tags).values({ slug, name }).onConflictDoNothing({ target: tags.slug });
    const [tag] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)).limit(1);
    if (tag && !ids.includes(tag.id)) ids.push(tag.id);
  }
  return ids;
}

async function slugsOf(tx: Transaction, articleId: number): Promise<{ sectionSlugs: string[]; tagSlugs: string[]; authorIds: number[] }> {
  const [section, tagRows, authorRows] = await Promise.all([
    tx.select({ slug: sections.slug }).from(articles).innerJoin(sections, eq(sections.id, articles.sectionId)).where(eq(articles.id, articleId)),
    tx.select({ slug: tags.slug }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, articleId)),
    tx.select({ id: articleAuthors.authorId }).from(articleAuthors).where(eq(articleAuthors.articleId, articleId)),
  ]);
  return { sectionSlugs: section.map((row) => row.slug), tagSlugs: tagRows.map((row) => row.slug), authorIds: authorRows.map((row) => row.id) };
}

function merge(...lists: { sectionSlugs: string[]; tagSlugs: string[]; authorIds: number[] }[]) {
  return {
    sectionSlugs: [...new Set(lists.flatMap((list) => list.sectionSlugs))],
    tagSlugs: [...new Set(lists.flatMap((list) => list.tagSlugs))],
    authorIds: [...new Set(lists.flatMap((list) => list.authorIds))],
  };
}

/** Writes a snapshot into the row readers see, keeping the old URL when a once-public story changes slug. */
async function applySnapshot(tx: Transaction, row: ArticleRow, snapshot: ArticleSnapshot): Promise<void> {
  if (snapshot.slug !== row.slug) {
    if (row.publishedAt) await tx.insert(articleSlugHistory).values({ slug: row.slug, articleId: row.id }).onConflictDoNothing();
    await tx.delete(articleSlugHistory).where(and(eq(articleSlugHistory.slug, snapshot.slug), eq(articleSlugHistory.articleId, row.id)));
  }
  await tx
    .update(articles)
    .set({
      headline: snapshot.headline,
      dek: snapshot.dek,
      body: snapshot.body,
      slug: snapshot.slug,
      sectionId: snapshot.sectionId,
      format: snapshot.format,
      heroImageId: snapshot.heroImageId,
      heroAlt: snapshot.heroAlt,
      heroCaption: snapshot.heroCaption,
      seoTitle: snapshot.seoTitle || null,
      seoDescription: snapshot.seoDescription || null,
    })
    .where(eq(articles.id, row.id));
  const tagIds = await ensureTags(tx, snapshot.tagNames);
  await tx.delete(articleTags).where(eq(articleTags.articleId, row.id));
  if (tagIds.length) await tx.insert(articleTags).values(tagIds.map((tagId) => ({ articleId: row.id, tagId })));
  await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, row.id));
  if (snapshot.authorIds.length) await tx.insert(articleAuthors).values(snapshot.authorIds.map((authorId, position) => ({ articleId: row.id, authorId, position })));
  await tx.delete(articleRelatedPicks).where(eq(articleRelatedPicks.articleId, row.id));
  const related = snapshot.relatedIds.filter((id) => id !== row.id);
  if (related.length) await tx.insert(articleRelatedPicks).values(related.map((relatedArticleId, position) => ({ articleId: row.id, relatedArticleId, position })));
}

async function conflict(tx: Transaction, row: ArticleRow, baseVersion: number): Promise<ArticleConflictError> {
  const [base] = await tx
    .select({ snapshot: articleRevisions.snapshot })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, row.id), eq(articleRevisions.version, baseVersion)))
    .limit(1);
  const [latest] = await tx
    .select({ by: users.name, at: articleRevisions.createdAt })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.createdBy))
    .where(eq(articleRevisions.articleId, row.id))
    .orderBy(sql`${articleRevisions.version} desc`)
    .limit(1);
  const current = await latestSnapshot(tx, row);
  return new ArticleConflictError({
    currentVersion: row.version,
    changed: base ? changedFields(base.snapshot as ArticleSnapshot, current) : [],
    by: latest?.by ?? null,
    at: (latest?.at ?? new Date()).toISOString(),
  });
}

/** Every save: a revision, and the story's saved time (the desk lists recently saved stories first). */
async function insertRevision(tx: Transaction, articleId: number, version: number, snapshot: ArticleSnapshot, viewer: Viewer): Promise<number> {
  const [revision] = await tx
    .insert(articleRevisions)
    .values({ articleId, version, snapshot, createdBy: viewer.id })
    .returning({ id: articleRevisions.id, createdAt: articleRevisions.createdAt });
  await tx.update(articles).set({ savedAt: revision!.createdAt }).where(eq(articles.id, articleId));
  return revision!.id;
}

/** Contributors, editors and admins: starts a draft (revision 1) owned by the viewer. */
export async function createArticle(viewer: Viewer | null, input: ArticleInput): Promise<ArticleTouched> {
  assertCan(viewer, 'article:write');
  return getDb().transaction(async (tx) => {
    const snapshot = await resolveInput(tx, input, null);
    const [created] = await tx
      .insert(articles)
      .values({ slug: snapshot.slug, sectionId: snapshot.sectionId, headline: snapshot.headline, status: 'draft', createdBy: viewer.id, version: 1 })
      .returning({ id: articles.id });
    const row: ArticleRow = { id: created!.id, status: 'draft', createdBy: viewer.id, version: 1, slug: snapshot.slug, sectionId: snapshot.sectionId, publishedAt: null, unpublishAt: null, pendingRevisionId: null };
    await applySnapshot(tx, row, snapshot);
    await insertRevision(tx, row.id, 1, snapshot, viewer);
    await recordAudit(tx, { actorId: viewer.id, action: 'article.create', subject: auditSubjects.article(row.id), after: { headline: snapshot.headline, slug: snapshot.slug } });
    return { id: row.id, version: 1, sectionSlugs: [], tagSlugs: [], authorIds: [] };
  });
}

/**
 * Contributors (own unpublished stories) and editors: saves the form as a new revision, if `baseVersion` is still
 * the latest (otherwise ArticleConflictError says what changed). An unpublished story's row follows at once; a
 * published story keeps what readers see until an editor publishes the change.
 */
export async function saveArticle(viewer: Viewer | null, id: number, baseVersion: number, input: ArticleInput): Promise<ArticleTouched & { isPendingPublication: boolean }> {
  assertCan(viewer, 'article:write');
  return getDb().transaction(async (tx) => {
    const row = await lockArticle(tx, id);
    assertMayEdit(viewer, row);
    if (row.version !== baseVersion) throw await conflict(tx, row, baseVersion);
    const before = await latestSnapshot(tx, row);
    const snapshot = await resolveInput(tx, input, id);
    const version = row.version + 1;
    const revisionId = await insertRevision(tx, id, version, snapshot, viewer);
    const isPendingPublication = row.status === 'published';
    if (isPendingPublication) {
      await tx.update(articles).set({ version, pendingRevisionId: revisionId }).where(eq(articles.id, id));
    } else {
      await applySnapshot(tx, row, snapshot);
      await tx.update(articles).set({ version, pendingRevisionId: null }).where(eq(articles.id, id));
    }
    const changed = changedFields(before, snapshot);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'article.save',
      subject: auditSubjects.article(id),
      before: Object.fromEntries(changed.filter((field) => field !== 'body').map((field) => [field, before[field]])),
      after: { ...Object.fromEntries(changed.filter((field) => field !== 'body').map((field) => [field, snapshot[field]])), version, ...(changed.includes('body') ? { body: 'changed' } : {}) },
    });
    // Nothing public changes until publication, except an unpublished story's own (uncached) preview.
    return { id, version, isPendingPublication, sectionSlugs: [], tagSlugs: [], authorIds: [] };
  });
}

/** Contributors (own drafts) and editors: sends a draft to the editors. */
export async function submitForReview(viewer: Viewer | null, id: number, baseVersion: number): Promise<ArticleTouched> {
  assertCan(viewer, 'article:write');
  return getDb().transaction(async (tx) => {
    const row = await lockArticle(tx, id);
    assertMayEdit(viewer, row);
    if (row.status !== 'draft') throw new InvalidInputError('status', 'Only a draft can be submitted for review.');
    if (row.version !== baseVersion) throw await conflict(tx, row, baseVersion);
    await assertHasByline(tx, row, 'submitted for review');
    // A story sent back and resubmitted waits on the editors again, not on its writer (docs/adr/0015).
    await tx.update(articles).set({ status: 'in_review', version: row.version + 1, sentBackAt: null, assigneeId: null }).where(eq(articles.id, id));
    await recordAudit(tx, { actorId: viewer.id, action: 'article.submit', subject: auditSubjects.article(id), before: { status: row.status }, after: { status: 'in_review' } });
    return { id, version: row.version + 1, sectionSlugs: [], tagSlugs: [], authorIds: [] };
  });
}

/**
 * Editors: makes the latest saved text public, now or from an exact minute (`publishAt`), with an optional
 * unpublish time. A story already public keeps its publication time and shows "Updated".
 */
export async function publishArticle(
  viewer: Viewer | null,
  id: number,
  baseVersion: number,
  schedule: { publishAt: Date | null; unpublishAt: Date | null },
  now = new Date(),
): Promise<ArticleTouched & { publishedAt: Date }> {
  assertCan(viewer, 'article:publish');
  if (schedule.unpublishAt && schedule.unpublishAt <= (schedule.publishAt ?? now)) {
    throw new InvalidInputError('unpublishAt', 'The unpublish time must come after the publication time.');
  }
  return getDb().transaction(async (tx) => {
    const row = await lockArticle(tx, id);
    if (row.version !== baseVersion) throw await conflict(tx, row, baseVersion);
    await assertHasByline(tx, row, 'published');
    const touchedBefore = await slugsOf(tx, id);
    if (row.pendingRevisionId) {
      const [revision] = await tx.select({ snapshot: articleRevisions.snapshot }).from(articleRevisions).where(eq(articleRevisions.id, row.pendingRevisionId)).limit(1);
      await applySnapshot(tx, row, revision!.snapshot as ArticleSnapshot);
    }
    const [latest] = await tx
      .select({ id: articleRevisions.id })
      .from(articleRevisions)
      .where(eq(articleRevisions.articleId, id))
      .orderBy(sql`${articleRevisions.version} desc`)
      .limit(1);
    const wasLive = row.status === 'published' && row.publishedAt !== null && row.publishedAt <= now;
    const publishedAt = schedule.publishAt ?? (wasLive ? row.publishedAt! : now);
    const version = row.version + 1;
    await tx
      .update(articles)
      .set({
        status: 'published',
        publishedAt,
        unpublishAt: schedule.unpublishAt,
        updatedAt: wasLive && !schedule.publishAt ? now : null,
        pendingRevisionId: null,
        publishedRevisionId: row.pendingRevisionId ?? latest?.id ?? null,
        version,
        // Published: the story waits on nobody any more (docs/adr/0015).
        assigneeId: null,
        sentBackAt: null,
      })
      .where(eq(articles.id, id));
    // Notes added while these changes waited go live with them, never before (docs/adr/0007).
    await publishStagedNotes(tx, id, publishedAt > now ? publishedAt : now);
    const [after] = await tx.select({ headline: articles.headline, slug: articles.slug }).from(articles).where(eq(articles.id, id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: publishedAt > now ? 'article.schedule' : wasLive ? 'article.update' : 'article.publish',
      subject: auditSubjects.article(id),
      before: { status: row.status, slug: row.slug, publishedAt: row.publishedAt?.toISOString() ?? null, unpublishAt: row.unpublishAt?.toISOString() ?? null },
      after: { status: 'published', slug: after!.slug, headline: after!.headline, publishedAt: publishedAt.toISOString(), unpublishAt: schedule.unpublishAt?.toISOString() ?? null },
    });
    return { id, version, publishedAt, ...merge(touchedBefore, await slugsOf(tx, id)) };
  });
}

/** Editors: takes a story off the site (back to draft; its text and history stay). */
export async function unpublishArticle(viewer: Viewer | null, id: number, baseVersion: number): Promise<ArticleTouched> {
  assertCan(viewer, 'article:publish');
  return getDb().transaction(async (tx) => {
    const row = await lockArticle(tx, id);
    if (row.version !== baseVersion) throw await conflict(tx, row, baseVersion);
    if (row.status !== 'published') throw new InvalidInputError('status', 'This story is not published.');
    const version = row.version + 1;
    await tx.update(articles).set({ status: 'draft', version }).where(eq(articles.id, id));
    await recordAudit(tx, { actorId: viewer.id, action: 'article.unpublish', subject: auditSubjects.article(id), before: { status: 'published' }, after: { status: 'draft' } });
    return { id, version, ...(await slugsOf(tx, id)) };
  });
}

/** Editors: deletes a story for good (its revisions, comments and redirects go with it). */
export async function deleteArticle(viewer: Viewer | null, id: number): Promise<ArticleTouched> {
  assertCan(viewer, 'article:publish');
  return getDb().transaction(async (tx) => {
    const row = await lockArticle(tx, id);
    const touched = await slugsOf(tx, id);
    const snapshot = await rowSnapshot(tx, id);
    await tx.delete(articles).where(eq(articles.id, id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'article.delete',
      subject: auditSubjects.article(id),
      before: { status: row.status, headline: snapshot.headline, slug: snapshot.slug, publishedAt: row.publishedAt?.toISOString() ?? null },
    });
    return { id, version: row.version, ...touched };
  });
}

/** Editors, and contributors for their own unpublished stories: restores an old revision as a new one. */
export async function restoreRevision(viewer: Viewer | null, id: number, revisionId: number, baseVersion: number) {
  assertCan(viewer, 'article:write');
  const [revision] = await getDb()
    .select({ snapshot: articleRevisions.snapshot })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, id)))
    .limit(1);
  if (!revision) throw new NotFoundError();
  const snapshot = revision.snapshot as ArticleSnapshot;
  const rows = snapshot.relatedIds.length ? await getDb().select({ id: articles.id, slug: articles.slug }).from(articles).where(inArray(articles.id, snapshot.relatedIds)) : [];
  const slugById = new Map(rows.map((row) => [row.id, row.slug]));
  // Picks deleted since then drop out; the order is kept.
  const related = snapshot.relatedIds.map((relatedId) => slugById.get(relatedId)).filter((slug): slug is string => slug !== undefined);
  return saveArticle(viewer, id, baseVersion, { ...snapshot, tags: snapshot.tagNames, related });
}
