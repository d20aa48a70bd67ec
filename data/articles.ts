import 'server-only';

import { and, asc, eq } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';

import { getDb, getPublicDb, type Database } from '@/db/client';
import { articleNotes, articleSlugHistory, articleTags, articles, images, sections, tags } from '@/db/schema';
import { isPublic } from '@/db/visibility';
import { cacheTags } from '@/lib/cache-tags';
import type { ArticleDetail } from '@/lib/dto';
import { isValidSlug } from '@/lib/slug';

import { OLD_AFTER_MS, toArticleDetail } from './article-detail';
import { DAY, HOUR, getNextScheduledChange, lifetimeUntil } from './cache-life';
import { selectBylineRows } from './cards';

/**
 * Public: the published, due article with this slug, rendered for readers, or null.
 * Cached per slug for up to a day; tagged with the article (and, when missing, with the article lists, so
 * publishing it replaces the cached "not found").
 */
export async function getPublicArticle(slug: string): Promise<ArticleDetail | null> {
  'use cache';
  if (!isValidSlug(slug)) {
    cacheLife('days');
    return null;
  }
  const db = getPublicDb();
  const [row] = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      headline: articles.headline,
      dek: articles.dek,
      body: articles.body,
      format: articles.format,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      unpublishAt: articles.unpublishAt,
      heroAlt: articles.heroAlt,
      heroCaption: articles.heroCaption,
      seoTitle: articles.seoTitle,
      seoDescription: articles.seoDescription,
      sectionId: sections.id,
      sectionName: sections.name,
      sectionSlug: sections.slug,
      fileName: images.fileName,
      width: images.width,
      height: images.height,
      variants: images.variants,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(images, eq(images.id, articles.heroImageId))
    .where(and(eq(articles.slug, slug), isPublic()))
    .limit(1);

  if (!row || !row.publishedAt) {
    // A scheduled story may take this slug at its minute: the "not found" must not outlive that.
    cacheTag(cacheTags.articles());
    cacheLife(lifetimeUntil(await getNextScheduledChange(), HOUR));
    return null;
  }

  const [byline, tagRows, notes] = await Promise.all([
    selectBylineRows([row.id], db),
    db
      .select({ name: tags.name, slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, row.id))
      .orderBy(asc(tags.name)),
    db
      .select({ kind: articleNotes.kind, body: articleNotes.body, notedAt: articleNotes.notedAt })
      .from(articleNotes)
      // A staged note waits for the change it describes (published with it: data/article-notes.ts).
      .where(and(eq(articleNotes.articleId, row.id), eq(articleNotes.staged, false)))
      .orderBy(asc(articleNotes.notedAt), asc(articleNotes.id)),
  ]);

  const now = Date.now();
  const ageLimit = row.publishedAt.getTime() + OLD_AFTER_MS;
  // Expire with the story, and re-render when it turns a year old so the age warning appears.
  const ends = [row.unpublishAt?.getTime(), ageLimit > now ? ageLimit : undefined].filter((t): t is number => t !== undefined);
  cacheTag(cacheTags.article(row.id), cacheTags.section(row.sectionSlug), ...byline.map((a) => cacheTags.author(a.id)));
  cacheLife(lifetimeUntil(ends.length ? new Date(Math.min(...ends)) : null, DAY, now));

  return toArticleDetail(
    { ...row, publishedAt: row.publishedAt, section: { name: row.sectionName, slug: row.sectionSlug }, hero: row, authors: byline, tags: tagRows, notes },
    now,
    db,
  );
}

/** Where an old slug lives now (section and current slug of a public article), or null. Uncached. */
export async function findArticleRedirect(oldSlug: string, db: Database = getDb()): Promise<{ sectionSlug: string; slug: string } | null> {
  const [row] = await db
    .select({ sectionSlug: sections.slug, slug: articles.slug })
    .from(articleSlugHistory)
    .innerJoin(articles, eq(articles.id, articleSlugHistory.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articleSlugHistory.slug, oldSlug), isPublic()))
    .limit(1);
  return row ?? null;
}

/**
 * Public: where an old slug lives now, or null; cached until the next scheduled change.
 * Used to answer old links with a permanent redirect.
 */
export async function getArticleRedirect(oldSlug: string): Promise<{ sectionSlug: string; slug: string } | null> {
  'use cache';
  cacheTag(cacheTags.articles());
  if (!isValidSlug(oldSlug)) {
    cacheLife('days');
    return null;
  }
  const redirect = await findArticleRedirect(oldSlug, getPublicDb());
  cacheLife(lifetimeUntil(await getNextScheduledChange(), HOUR));
  return redirect;
}
