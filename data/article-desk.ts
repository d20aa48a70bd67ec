import 'server-only';

import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { articleNotes, articleRevisions, articles, authors, comments, images, sections, tags, users } from '@/db/schema';
import type { ArticleSnapshot } from '@/lib/article-snapshot';
import type { PreviewArticle, PreviewPublication } from '@/lib/dto';
import type { ArticleNoteKind } from '@/lib/editorial';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { readingMinutes } from '@/lib/markdown';
import { assertCan, can, mayEditStory, mayOpenStory } from '@/lib/permissions';

import { rowSnapshot } from './article-editor';
import { renderArticleBody } from './body-pictures';
import { selectBylineRows, toImageRef } from './cards';
import type { Viewer } from './viewer';

/**
 * The dashboard's reads about articles (never cached: editors must see the latest). Contributors see only the
 * stories they started; editors and admins see all.
 */

export const DESK_STATES = ['draft', 'in_review', 'scheduled', 'published', 'expired'] as const;
export type DeskState = (typeof DESK_STATES)[number];

export const DESK_STATE_LABELS: Record<DeskState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  expired: 'Expired',
};

const stateSql = sql<DeskState>`case
  when ${articles.status} <> 'published' then ${articles.status}::text
  when ${articles.publishedAt} > now() then 'scheduled'
  when ${articles.unpublishAt} is not null and ${articles.unpublishAt} <= now() then 'expired'
  else 'published' end`;

function stateFilter(state: DeskState): SQL {
  switch (state) {
    case 'draft':
    case 'in_review':
      return eq(articles.status, state);
    case 'scheduled':
      return sql`${articles.status} = 'published' and ${articles.publishedAt} > now()`;
    case 'expired':
      return sql`${articles.status} = 'published' and ${articles.unpublishAt} <= now()`;
    case 'published':
      return sql`${articles.status} = 'published' and ${articles.publishedAt} <= now() and (${articles.unpublishAt} is null or ${articles.unpublishAt} > now())`;
  }
}

/** Contributors only ever see their own stories (mayOpenStory in lib/permissions.ts, as SQL). */
function scopeFor(viewer: Viewer): SQL | undefined {
  return can(viewer, 'article:publish') ? undefined : eq(articles.createdBy, viewer.id);
}

export const DESK_SORTS = ['updated', 'published', 'headline'] as const;
export type DeskSort = (typeof DESK_SORTS)[number];

export type DeskFilters = { state?: DeskState; sectionId?: number; authorId?: number; q?: string; sort?: DeskSort; page?: number; mine?: boolean };

export type DeskRow = {
  id: number;
  headline: string;
  slug: string;
  sectionName: string;
  sectionSlug: string;
  state: DeskState;
  hasPendingChanges: boolean;
  publishedAt: string | null;
  lastSavedAt: string | null;
  lastSavedBy: string | null;
  authors: string[];
};

export const DESK_PAGE_SIZE = 25;

/** The filters as SQL: `base` (scope, section, author, text) and `where` (base and the state). */
function deskConditions(viewer: Viewer, filters: DeskFilters): { base: SQL | undefined; where: SQL | undefined } {
  const conditions: (SQL | undefined)[] = [scopeFor(viewer)];
  if (filters.mine) conditions.push(eq(articles.createdBy, viewer.id));
  if (filters.sectionId) conditions.push(eq(articles.sectionId, filters.sectionId));
  if (filters.authorId) conditions.push(sql`${articles.id} in (select article_id from article_authors where author_id = ${filters.authorId})`);
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(or(ilike(articles.headline, pattern), ilike(articles.slug, pattern)));
  }
  const base = and(...conditions);
  return { base, where: filters.state ? and(base, stateFilter(filters.state)) : base };
}

/** One page of the desk. "Recently saved" is served by an index on saved_at (kept by every save). */
async function selectDeskRows(where: SQL | undefined, sort: DeskSort | undefined, limit: number, offset: number): Promise<DeskRow[]> {
  const order =
    sort === 'headline'
      ? [asc(articles.headline), asc(articles.id)]
      : sort === 'published'
        ? [sql`${articles.publishedAt} desc nulls last`, desc(articles.id)]
        : [desc(articles.savedAt), desc(articles.id)];
  const rows = await getDb()
    .select({
      id: articles.id,
      headline: articles.headline,
      slug: articles.slug,
      sectionName: sections.name,
      sectionSlug: sections.slug,
      state: stateSql,
      pendingRevisionId: articles.pendingRevisionId,
      publishedAt: articles.publishedAt,
      savedAt: articles.savedAt,
      lastSavedBy: sql<string | null>`(select u.name from article_revisions r join users u on u.id = r.created_by where r.article_id = ${articles.id} order by r.version desc limit 1)`,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const bylines = await selectBylineRows(rows.map((row) => row.id));
  return rows.map(
    (row): DeskRow => ({
      id: row.id,
      headline: row.headline,
      slug: row.slug,
      sectionName: row.sectionName,
      sectionSlug: row.sectionSlug,
      state: row.state,
      hasPendingChanges: row.pendingRevisionId !== null,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      lastSavedAt: row.savedAt.toISOString(),
      lastSavedBy: row.lastSavedBy,
      authors: bylines.filter((byline) => byline.articleId === row.id).map((byline) => byline.name),
    }),
  );
}

/** How many stories match `base` in each state (one pass over the rows). */
async function countByState(base: SQL | undefined): Promise<Record<DeskState, number>> {
  const perState = await getDb().select({ state: stateSql, total: count() }).from(articles).where(base).groupBy(stateSql);
  const counts = Object.fromEntries(DESK_STATES.map((state) => [state, 0])) as Record<DeskState, number>;
  for (const row of perState) counts[row.state] = row.total;
  return counts;
}

/** Contributors, editors, admins: the article list with filters, sort and pages, and counts per state. */
export async function listDeskArticles(viewer: Viewer | null, filters: DeskFilters = {}) {
  assertCan(viewer, 'article:write');
  const { base, where } = deskConditions(viewer, filters);
  const page = Math.max(1, filters.page ?? 1);
  const [items, counts] = await Promise.all([selectDeskRows(where, filters.sort, DESK_PAGE_SIZE, (page - 1) * DESK_PAGE_SIZE), countByState(base)]);
  // The states partition the rows, so the list's total comes from the same counts.
  const total = filters.state ? counts[filters.state] : DESK_STATES.reduce((sum, state) => sum + counts[state], 0);
  return { items, counts, total, page, pageCount: Math.max(1, Math.ceil(total / DESK_PAGE_SIZE)) };
}

const OVERVIEW_ITEMS = 10;

/** Contributors, editors, admins: the dashboard home's at-a-glance lists and the moderation count. */
export async function getDeskOverview(viewer: Viewer | null) {
  assertCan(viewer, 'article:write');
  const glance = (filters: DeskFilters) => selectDeskRows(deskConditions(viewer, filters).where, filters.sort, OVERVIEW_ITEMS, 0);
  // Stories in review are the home's "Waiting for review" panel (data/article-review.ts getDeskHome).
  const [myDrafts, scheduled, counts] = await Promise.all([
    glance({ state: 'draft', mine: true }),
    glance({ state: 'scheduled', sort: 'published' }),
    countByState(deskConditions(viewer, {}).base),
  ]);
  let pendingComments: number | null = null;
  let openReports: number | null = null;
  if (can(viewer, 'comment:moderate')) {
    const db = getDb();
    const [[pending], [reports]] = await Promise.all([
      db.select({ total: count() }).from(comments).where(eq(comments.status, 'pending')),
      db.execute<{ total: number }>(sql`select count(distinct comment_id)::int as total from comment_reports where resolved_at is null`),
    ]);
    pendingComments = pending?.total ?? 0;
    openReports = Number(reports?.total ?? 0);
  }
  return { myDrafts, scheduled, counts, pendingComments, openReports };
}

export type EditableArticle = {
  id: number;
  version: number;
  state: DeskState;
  status: 'draft' | 'in_review' | 'published';
  hasPendingChanges: boolean;
  publishedAt: string | null;
  unpublishAt: string | null;
  publicPath: string | null;
  snapshot: ArticleSnapshot;
  relatedSlugs: string[];
  mayEdit: boolean;
  mayPublish: boolean;
  /** `staged`: waiting for the saved changes, published with them (docs/adr/0007). */
  notes: { id: number; kind: ArticleNoteKind; body: string; notedAt: string; staged: boolean }[];
};

/** Contributors (own stories), editors, admins: the latest saved text of a story, for the editor form. */
export async function getEditableArticle(viewer: Viewer | null, id: number): Promise<EditableArticle> {
  assertCan(viewer, 'article:write');
  const db = getDb();
  const [row] = await db
    .select({
      id: articles.id,
      version: articles.version,
      status: articles.status,
      state: stateSql,
      createdBy: articles.createdBy,
      pendingRevisionId: articles.pendingRevisionId,
      publishedAt: articles.publishedAt,
      unpublishAt: articles.unpublishAt,
      slug: articles.slug,
      sectionSlug: sections.slug,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(articles.id, id))
    .limit(1);
  if (!row) throw new NotFoundError();
  if (!mayOpenStory(viewer, row)) throw new ForbiddenError();
  const mayPublish = can(viewer, 'article:publish');
  const [revision] = await db
    .select({ snapshot: articleRevisions.snapshot })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, id), row.pendingRevisionId ? eq(articleRevisions.id, row.pendingRevisionId) : undefined))
    .orderBy(desc(articleRevisions.version))
    .limit(1);
  // Stories made before revisions existed (demo content) have none yet: their row is revision zero.
  const snapshot = (revision?.snapshot as ArticleSnapshot | undefined) ?? (await db.transaction((tx) => rowSnapshot(tx, id)));
  const related = snapshot.relatedIds.length ? await db.select({ id: articles.id, slug: articles.slug }).from(articles).where(inArray(articles.id, snapshot.relatedIds)) : [];
  const notes = await db
    .select({ id: articleNotes.id, kind: articleNotes.kind, body: articleNotes.body, notedAt: articleNotes.notedAt, staged: articleNotes.staged })
    .from(articleNotes)
    .where(eq(articleNotes.articleId, id))
    .orderBy(asc(articleNotes.notedAt), asc(articleNotes.id));
  return {
    id,
    version: row.version,
    state: row.state,
    status: row.status,
    hasPendingChanges: row.pendingRevisionId !== null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    unpublishAt: row.unpublishAt?.toISOString() ?? null,
    publicPath: row.state === 'published' ? `/${row.sectionSlug}/${row.slug}` : null,
    snapshot,
    relatedSlugs: snapshot.relatedIds.map((relatedId) => related.find((item) => item.id === relatedId)?.slug).filter((slug): slug is string => Boolean(slug)),
    mayEdit: mayEditStory(viewer, row),
    mayPublish,
    notes: notes.map((note) => ({ ...note, notedAt: note.notedAt.toISOString() })),
  };
}

/**
 * Contributors, editors, admins: what the editor form's pickers offer. The newest 200 pictures, and always the
 * story's own, so saving a story never drops a hero picture that has left the list. `defaultAuthorIds`: the author
 * profile linked to the viewer's account (authors.user_id), ticked on a new story.
 */
export async function getEditorOptions(viewer: Viewer | null) {
  assertCan(viewer, 'article:write');
  const db = getDb();
  // Pictures come from the picker (data/images.ts#getPicturePicker), a page at a time.
  const [sectionRows, authorRows, tagRows] = await Promise.all([
    db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name)),
    db.select({ id: authors.id, name: authors.name, userId: authors.userId }).from(authors).orderBy(asc(authors.name)),
    db.select({ name: tags.name }).from(tags).orderBy(asc(tags.name)).limit(500),
  ]);
  return {
    sections: sectionRows,
    authors: authorRows.map(({ id, name }) => ({ id, name })),
    tags: tagRows.map((tag) => tag.name),
    defaultAuthorIds: authorRows.filter((author) => author.userId === viewer.id).map((author) => author.id),
  };
}

export type RevisionSummary = { id: number; version: number; createdAt: string; by: string | null; headline: string; isLive: boolean; isPending: boolean };

/** Contributors (own stories), editors, admins: every saved revision of a story, newest first. */
export async function listRevisions(viewer: Viewer | null, articleId: number): Promise<{ headline: string; revisions: RevisionSummary[]; version: number; mayEdit: boolean }> {
  const article = await getEditableArticle(viewer, articleId);
  const db = getDb();
  const [pointers] = await db.select({ pending: articles.pendingRevisionId, live: articles.publishedRevisionId }).from(articles).where(eq(articles.id, articleId));
  const rows = await db
    .select({ id: articleRevisions.id, version: articleRevisions.version, createdAt: articleRevisions.createdAt, by: users.name, snapshot: articleRevisions.snapshot })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.createdBy))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.version));
  return {
    headline: article.snapshot.headline,
    version: article.version,
    mayEdit: article.mayEdit,
    revisions: rows.map((row) => ({
      id: row.id,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      by: row.by,
      headline: (row.snapshot as ArticleSnapshot).headline,
      isLive: article.state === 'published' && row.id === pointers?.live,
      isPending: row.id === pointers?.pending,
    })),
  };
}

/** Contributors (own stories), editors, admins: one revision's snapshot, with the names its ids stand for. */
export async function getRevision(viewer: Viewer | null, articleId: number, revisionId: number) {
  await getEditableArticle(viewer, articleId);
  const [row] = await getDb()
    .select({ id: articleRevisions.id, version: articleRevisions.version, createdAt: articleRevisions.createdAt, by: users.name, snapshot: articleRevisions.snapshot })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.createdBy))
    .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, articleId)))
    .limit(1);
  if (!row) throw new NotFoundError();
  return { id: row.id, version: row.version, createdAt: row.createdAt.toISOString(), by: row.by, snapshot: row.snapshot as ArticleSnapshot };
}

/** Names for the ids in a snapshot (section, authors, related stories), for diffs and previews. */
export async function describeSnapshot(snapshot: ArticleSnapshot) {
  const db = getDb();
  const [section, authorRows, relatedRows] = await Promise.all([
    db.select({ name: sections.name, slug: sections.slug }).from(sections).where(eq(sections.id, snapshot.sectionId)).limit(1),
    snapshot.authorIds.length ? db.select({ id: authors.id, name: authors.name, slug: authors.slug, jobTitle: authors.jobTitle }).from(authors).where(inArray(authors.id, snapshot.authorIds)) : Promise.resolve([]),
    snapshot.relatedIds.length ? db.select({ id: articles.id, headline: articles.headline }).from(articles).where(inArray(articles.id, snapshot.relatedIds)) : Promise.resolve([]),
  ]);
  return {
    section: section[0] ?? { name: 'Unknown section', slug: 'unknown' },
    authors: snapshot.authorIds.map((id) => authorRows.find((row) => row.id === id)).filter((row) => row !== undefined),
    related: snapshot.relatedIds.map((id) => relatedRows.find((row) => row.id === id)).filter((row) => row !== undefined),
  };
}

/**
 * Contributors (own stories), editors, admins: a story's latest saved text (or one revision) as readers would see
 * it, through the same Markdown pipeline as the public page. Never cached.
 */
export async function getPreviewArticle(viewer: Viewer | null, articleId: number, revisionId?: number): Promise<PreviewArticle> {
  const editable = await getEditableArticle(viewer, articleId);
  const snapshot = revisionId ? (await getRevision(viewer, articleId, revisionId)).snapshot : editable.snapshot;
  const names = await describeSnapshot(snapshot);
  const [hero] = snapshot.heroImageId ? await getDb().select({ fileName: images.fileName, width: images.width, height: images.height }).from(images).where(eq(images.id, snapshot.heroImageId)).limit(1) : [];
  const tagRows = snapshot.tagNames.map((name) => ({ name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') }));
  // ArticleDetail needs a time; for an unpublished story it is only "as if published now" (the page says otherwise).
  const publishedAt = editable.publishedAt ?? new Date().toISOString();
  return {
    id: articleId,
    slug: snapshot.slug,
    section: names.section,
    headline: snapshot.headline,
    dek: snapshot.dek,
    format: snapshot.format,
    publishedAt,
    updatedAt: null,
    hero: hero ? toImageRef(hero, snapshot.heroAlt) : null,
    heroCaption: snapshot.heroCaption,
    authors: names.authors.map((author) => ({ name: author.name, slug: author.slug, jobTitle: author.jobTitle })),
    tags: tagRows,
    bodyHtml: await renderArticleBody(snapshot.body),
    readingMinutes: readingMinutes(snapshot.body),
    seoTitle: snapshot.seoTitle || null,
    seoDescription: snapshot.seoDescription || null,
    isOld: false,
    notes: editable.notes.map((note) => ({ kind: note.kind, body: note.body, notedAt: note.notedAt })),
    publication: previewPublication(editable),
  };
}

/** What a preview says about publication: the story's state now, with only the times that are true of it. */
function previewPublication({ state, publishedAt, unpublishAt }: Pick<EditableArticle, 'state' | 'publishedAt' | 'unpublishAt'>): PreviewPublication {
  switch (state) {
    case 'draft':
    case 'in_review':
      return { state };
    case 'scheduled':
    case 'published':
      if (publishedAt) return { state, publishedAt };
      break;
    case 'expired':
      if (publishedAt && unpublishAt) return { state, publishedAt, unpublishedAt: unpublishAt };
      break;
  }
  // A published row without a publication time is not public (data/visibility.ts): it is, in effect, a draft.
  return { state: 'draft' };
}
