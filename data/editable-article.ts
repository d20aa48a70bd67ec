import 'server-only';

import { and, asc, desc, eq, inArray } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { articleNotes, articleRevisions, articles, authors, sections, tags } from '@/db/schema';
import type { ArticleSnapshot } from '@/lib/article-snapshot';
import type { ArticleNoteKind } from '@/lib/editorial';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { assertCan, can, mayEditStory, mayOpenStory } from '@/lib/permissions';

import { rowSnapshot } from './article-editor';
import { deskStateSql, type DeskState } from './desk-state';
import type { Viewer } from './viewer';

/** What the editor form loads: a story's latest saved text and what its pickers offer. Never cached. */

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
      state: deskStateSql,
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
