import 'server-only';

import { and, eq } from 'drizzle-orm';

import { getDb, type Transaction } from '@/db/client';
import { articleNotes, articles } from '@/db/schema';
import { auditSubjects } from '@/lib/audit-subjects';
import type { ArticleNoteKind } from '@/lib/editorial';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { assertCan } from '@/lib/permissions';

import { recordAudit } from './audit';
import type { Viewer } from './viewer';

/**
 * Editors: adds a correction, clarification or update to a published story. It shows on the article (and in its
 * JSON-LD) and moves the story's "Updated" time to the note's.
 *
 * A note never reaches readers before the change it describes: while the story has saved changes readers do not
 * have yet (pending_revision_id), the note is staged with them and goes live when an editor publishes them
 * (publishStagedNotes, called by publishArticle). `staged` says which happened.
 */
export async function addArticleNote(
  viewer: Viewer | null,
  articleId: number,
  note: { kind: ArticleNoteKind; body: string },
  now = new Date(),
): Promise<{ id: number; staged: boolean }> {
  assertCan(viewer, 'article:publish');
  return getDb().transaction(async (tx) => {
    const [article] = await tx
      .select({ status: articles.status, publishedAt: articles.publishedAt, pendingRevisionId: articles.pendingRevisionId })
      .from(articles)
      .where(eq(articles.id, articleId))
      .for('update')
      .limit(1);
    if (!article) throw new NotFoundError();
    if (article.status !== 'published' || !article.publishedAt || article.publishedAt > now) {
      throw new InvalidInputError('kind', 'Corrections and updates go on published stories only.');
    }
    const staged = article.pendingRevisionId !== null;
    const [created] = await tx
      .insert(articleNotes)
      .values({ articleId, kind: note.kind, body: note.body, notedAt: now, createdBy: viewer.id, staged })
      .returning({ id: articleNotes.id });
    // A staged note moves "Updated" when it is published, with the change it describes.
    if (!staged) await tx.update(articles).set({ updatedAt: now }).where(eq(articles.id, articleId));
    await recordAudit(tx, { actorId: viewer.id, action: `article.note.${note.kind}`, subject: auditSubjects.article(articleId), after: { kind: note.kind, body: note.body, ...(staged ? { staged: true } : {}) } });
    return { id: created!.id, staged };
  });
}

/** Publication of a story's changes: its staged notes go live with them, dated `at` (when readers get them). */
export async function publishStagedNotes(tx: Transaction, articleId: number, at: Date): Promise<number> {
  const published = await tx
    .update(articleNotes)
    .set({ staged: false, notedAt: at })
    .where(and(eq(articleNotes.articleId, articleId), eq(articleNotes.staged, true)))
    .returning({ id: articleNotes.id });
  return published.length;
}
