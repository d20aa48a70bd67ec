import 'server-only';

import { eq } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { articleNotes, articles } from '@/db/schema';
import type { ArticleNoteKind } from '@/lib/editorial';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { assertCan } from '@/lib/permissions';

import { recordAudit } from './audit';
import type { Viewer } from './viewer';

/**
 * Editors: adds a correction, clarification or update to a published story. It shows on the article (and in its
 * JSON-LD) and moves the story's "Updated" time to the note's.
 */
export async function addArticleNote(viewer: Viewer | null, articleId: number, note: { kind: ArticleNoteKind; body: string }, now = new Date()): Promise<{ id: number }> {
  assertCan(viewer, 'article:publish');
  return getDb().transaction(async (tx) => {
    const [article] = await tx.select({ status: articles.status, publishedAt: articles.publishedAt }).from(articles).where(eq(articles.id, articleId)).for('update').limit(1);
    if (!article) throw new NotFoundError();
    if (article.status !== 'published' || !article.publishedAt || article.publishedAt > now) {
      throw new InvalidInputError('kind', 'Corrections and updates go on published stories only.');
    }
    const [created] = await tx.insert(articleNotes).values({ articleId, kind: note.kind, body: note.body, notedAt: now, createdBy: viewer.id }).returning({ id: articleNotes.id });
    await tx.update(articles).set({ updatedAt: now }).where(eq(articles.id, articleId));
    await recordAudit(tx, { actorId: viewer.id, action: `article.note.${note.kind}`, subject: `article:${articleId}`, after: { kind: note.kind, body: note.body } });
    return { id: created!.id };
  });
}
