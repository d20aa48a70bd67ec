import 'server-only';

import { getDb, type Database } from '@/db/client';
import type { ArticleFormat } from '@/lib/article-formats';
import type { ArticleDetail, TagRef } from '@/lib/dto';
import type { ArticleNoteKind } from '@/lib/editorial';
import type { ImageVariant } from '@/lib/image-variants';
import { readingMinutes } from '@/lib/markdown';

import { renderArticleBody } from './body-pictures';
import { toImageRef } from './cards';

/** A story more than this old carries the age warning. */
export const OLD_AFTER_MS = 365 * 24 * 60 * 60 * 1000;
/** Corrections within this window after publication are not worth an "Updated" line. */
const UPDATE_THRESHOLD_MS = 5 * 60 * 1000;

/** A story's parts as read from the database: the live row (the public page) or a saved revision (the preview). */
export type ArticleParts = {
  id: number;
  slug: string;
  section: { name: string; slug: string };
  headline: string;
  dek: string;
  format: ArticleFormat;
  body: string;
  publishedAt: Date;
  updatedAt: Date | null;
  /** The hero picture's file, when there is one. */
  hero: { fileName: string | null; width: number | null; height: number | null; variants: ImageVariant[] | null } | null;
  heroAlt: string;
  heroCaption: string;
  authors: { name: string; slug: string; jobTitle: string }[];
  tags: TagRef[];
  seoTitle: string | null;
  seoDescription: string | null;
  notes: { kind: ArticleNoteKind; body: string; notedAt: Date }[];
};

/**
 * The one way a story becomes what its page shows: the body through the Markdown pipeline, the reading time, the
 * "Updated" line and the age warning as of `now`. The public page and the dashboard's preview both use it, so a
 * preview is the page readers will get.
 */
export async function toArticleDetail(parts: ArticleParts, now: number, db: Database = getDb()): Promise<ArticleDetail> {
  const published = parts.publishedAt.getTime();
  const wasUpdated = parts.updatedAt !== null && parts.updatedAt.getTime() - published > UPDATE_THRESHOLD_MS;
  return {
    id: parts.id,
    slug: parts.slug,
    section: parts.section,
    headline: parts.headline,
    dek: parts.dek,
    format: parts.format,
    publishedAt: parts.publishedAt.toISOString(),
    updatedAt: wasUpdated && parts.updatedAt ? parts.updatedAt.toISOString() : null,
    hero: parts.hero ? toImageRef(parts.hero, parts.heroAlt) : null,
    heroCaption: parts.heroCaption,
    authors: parts.authors.map(({ name, slug, jobTitle }) => ({ name, slug, jobTitle })),
    tags: parts.tags,
    bodyHtml: await renderArticleBody(parts.body, db),
    readingMinutes: readingMinutes(parts.body),
    seoTitle: parts.seoTitle || null,
    seoDescription: parts.seoDescription || null,
    isOld: now - published > OLD_AFTER_MS,
    notes: parts.notes.map((note) => ({ kind: note.kind, body: note.body, notedAt: note.notedAt.toISOString() })),
  };
}
