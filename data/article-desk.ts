import 'server-only';

import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { articles, comments, sections } from '@/db/schema';
import { assertCan, can } from '@/lib/permissions';

import { selectBylineRows } from './cards';
import { DESK_STATES, deskStateSql, inDeskState, type DeskState } from './desk-state';
import { viewsForArticles } from './most-read';
import type { Viewer } from './viewer';

/**
 * The dashboard's list of stories and its home's at-a-glance panels (never cached: editors must see the latest).
 * Contributors see only the stories they started; editors and admins see all.
 */

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
  /** Readers' views (docs/adr/0027): the last 24 hours and all time. */
  views: { day: number; total: number };
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
  return { base, where: filters.state ? and(base, inDeskState(filters.state)) : base };
}

/**
 * A text filter (`q`) that matches at most this many stories has its matches found through the headline and slug
 * trigram indexes and sorted; more are found by reading the order's own index until the page is full. PostgreSQL
 * cannot tell which from its estimates (it guesses a word's share of a section from its share of the archive): for a
 * section and a word with no story in common it read the whole saved_at index, 40 ms at 100,000 stories and growing
 * with the archive. The counts, asked first, tell.
 */
const SORT_TEXT_MATCHES_UP_TO = 2000;

/**
 * One page of the desk. "Recently saved" is served by an index on saved_at (kept by every save); with `sortMatches`,
 * the order is written so that no index can serve it, and the matches are sorted instead.
 */
async function selectDeskRows(where: SQL | undefined, sort: DeskSort | undefined, limit: number, offset: number, sortMatches = false): Promise<DeskRow[]> {
  // `t + interval '0 seconds'` and `h || ''` have the values of t and h, but no index's order.
  const time = (column: typeof articles.savedAt | typeof articles.publishedAt) => (sortMatches ? sql`(${column} + interval '0 seconds')` : sql`${column}`);
  const order =
    sort === 'headline'
      ? [sortMatches ? sql`(${articles.headline} || '')` : asc(articles.headline), asc(articles.id)]
      : sort === 'published'
        ? [sql`${time(articles.publishedAt)} desc nulls last`, desc(articles.id)]
        : [sql`${time(articles.savedAt)} desc`, desc(articles.id)];
  const rows = await getDb()
    .select({
      id: articles.id,
      headline: articles.headline,
      slug: articles.slug,
      sectionName: sections.name,
      sectionSlug: sections.slug,
      state: deskStateSql,
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
  const [bylines, views] = await Promise.all([selectBylineRows(rows.map((row) => row.id)), viewsForArticles(rows.map((row) => row.id))]);
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
      views: views.get(row.id) ?? { day: 0, total: 0 },
    }),
  );
}

/** How many stories match `base` in each state (one pass over the rows). */
async function countByState(base: SQL | undefined): Promise<Record<DeskState, number>> {
  const perState = await getDb().select({ state: deskStateSql, total: count() }).from(articles).where(base).groupBy(deskStateSql);
  const counts = Object.fromEntries(DESK_STATES.map((state) => [state, 0])) as Record<DeskState, number>;
  for (const row of perState) counts[row.state] = row.total;
  return counts;
}

/** Contributors, editors, admins: the article list with filters, sort and pages, and counts per state. */
export async function listDeskArticles(viewer: Viewer | null, filters: DeskFilters = {}) {
  assertCan(viewer, 'article:write');
  const { base, where } = deskConditions(viewer, filters);
  const page = Math.max(1, filters.page ?? 1);
  const offset = (page - 1) * DESK_PAGE_SIZE;
  // The states partition the rows, so the list's total comes from the same counts.
  const totalOf = (counts: Record<DeskState, number>) => (filters.state ? counts[filters.state] : DESK_STATES.reduce((sum, state) => sum + counts[state], 0));
  let items: DeskRow[];
  let counts: Record<DeskState, number>;
  if (filters.q) {
    counts = await countByState(base);
    items = await selectDeskRows(where, filters.sort, DESK_PAGE_SIZE, offset, totalOf(counts) <= SORT_TEXT_MATCHES_UP_TO);
  } else {
    [items, counts] = await Promise.all([selectDeskRows(where, filters.sort, DESK_PAGE_SIZE, offset), countByState(base)]);
  }
  const total = totalOf(counts);
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
