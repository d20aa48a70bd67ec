import 'server-only';

import { and, desc, eq, inArray } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { articleRevisions, articles, authors, sections, users } from '@/db/schema';
import type { ArticleSnapshot } from '@/lib/article-snapshot';
import { NotFoundError } from '@/lib/errors';

import { getEditableArticle } from './editable-article';
import type { Viewer } from './viewer';

/** A story's saved revisions, for its history page and for previews of one revision. Never cached. */

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
