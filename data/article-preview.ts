import 'server-only';

import { eq } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { images } from '@/db/schema';
import type { PreviewArticle, PreviewPublication } from '@/lib/dto';
import { slugify } from '@/lib/slug';

import { toArticleDetail } from './article-detail';
import { describeSnapshot, getRevision } from './article-revisions';
import { getEditableArticle, type EditableArticle } from './editable-article';
import type { Viewer } from './viewer';

/**
 * Contributors (own stories), editors, admins: a story's latest saved text (or one revision) as readers would see
 * it, through the same Markdown pipeline as the public page. Never cached.
 */
export async function getPreviewArticle(viewer: Viewer | null, articleId: number, revisionId?: number): Promise<PreviewArticle> {
  const editable = await getEditableArticle(viewer, articleId);
  const snapshot = revisionId ? (await getRevision(viewer, articleId, revisionId)).snapshot : editable.snapshot;
  const names = await describeSnapshot(snapshot);
  const [hero] = snapshot.heroImageId ? await getDb().select({ fileName: images.fileName, width: images.width, height: images.height, variants: images.variants }).from(images).where(eq(images.id, snapshot.heroImageId)).limit(1) : [];
  // Tags are saved by name and found or made by slug (data/article-editor.ts), so the slug is the one they will have.
  const tags = snapshot.tagNames.map((name) => ({ name, slug: slugify(name) })).filter((tag) => tag.slug !== '');
  const now = Date.now();
  // The page needs a time; for an unpublished story it is only "as if published now" (the page says otherwise).
  const publishedAt = editable.publishedAt ? new Date(editable.publishedAt) : new Date(now);
  const detail = await toArticleDetail(
    {
      ...snapshot,
      id: articleId,
      section: names.section,
      publishedAt,
      updatedAt: null,
      hero: hero ?? null,
      authors: names.authors,
      tags,
      notes: editable.notes.map((note) => ({ ...note, notedAt: new Date(note.notedAt) })),
    },
    now,
  );
  return { ...detail, publication: previewPublication(editable) };
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
  // A published row without a publication time is not public (db/visibility.ts): it is, in effect, a draft.
  return { state: 'draft' };
}
