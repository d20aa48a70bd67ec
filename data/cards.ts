import 'server-only';

import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';

import { getDb, getPublicDb, type Database } from '@/db/client';
import { articleAuthors, articles, authors, images, sections } from '@/db/schema';
import { isPublic } from '@/db/visibility';
import type { ArticleCard, AuthorRef, ImageRef } from '@/lib/dto';
import { buildSrcSet, type ImageVariant } from '@/lib/image-variants';

/** The public URL of a stored image. */
export function imageSrc(fileName: string): string {
  return `/media/${fileName}`;
}

export function toImageRef(image: { fileName: string | null; width: number | null; height: number | null; variants: ImageVariant[] | null }, alt: string): ImageRef | null {
  if (!image.fileName || !image.width || !image.height) return null;
  return { src: imageSrc(image.fileName), srcSet: buildSrcSet({ fileName: image.fileName, width: image.width }, image.variants ?? []), width: image.width, height: image.height, alt };
}

const cardColumns = {
  id: articles.id,
  slug: articles.slug,
  headline: articles.headline,
  dek: articles.dek,
  format: articles.format,
  publishedAt: articles.publishedAt,
  heroAlt: articles.heroAlt,
  sectionName: sections.name,
  sectionSlug: sections.slug,
  fileName: images.fileName,
  width: images.width,
  height: images.height,
  variants: images.variants,
};

type CardRow = {
  id: number;
  slug: string;
  headline: string;
  dek: string;
  format: ArticleCard['format'];
  publishedAt: Date | null;
  heroAlt: string;
  sectionName: string;
  sectionSlug: string;
  fileName: string | null;
  width: number | null;
  height: number | null;
  variants: ImageVariant[] | null;
};

/** The authors of many articles in one query, in byline order (`db`: getPublicDb() for public pages). */
export async function selectBylineRows(articleIds: number[], db: Database = getDb()) {
  if (articleIds.length === 0) return [];
  return db
    .select({ articleId: articleAuthors.articleId, id: authors.id, name: authors.name, slug: authors.slug, jobTitle: authors.jobTitle })
    .from(articleAuthors)
    .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
    .where(inArray(articleAuthors.articleId, articleIds))
    .orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position), asc(authors.name));
}

/** Bylines for many articles, keyed by article id. */
export async function listBylines(articleIds: number[], db?: Database): Promise<Map<number, AuthorRef[]>> {
  const bylines = new Map<number, AuthorRef[]>();
  for (const row of await selectBylineRows(articleIds, db)) {
    const list = bylines.get(row.articleId) ?? [];
    list.push({ name: row.name, slug: row.slug });
    bylines.set(row.articleId, list);
  }
  return bylines;
}

export async function toCards(rows: CardRow[], db?: Database): Promise<ArticleCard[]> {
  const bylines = await listBylines(rows.map((row) => row.id), db);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    section: { name: row.sectionName, slug: row.sectionSlug },
    headline: row.headline,
    dek: row.dek,
    format: row.format,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    hero: toImageRef(row, row.heroAlt),
    authors: bylines.get(row.id) ?? [],
  }));
}

/** Public article cards matching `where`, newest first; read from a replica when there are some (docs/adr/0011). */
export async function selectPublicCards(options: { where?: SQL; limit: number; offset?: number; db?: Database }): Promise<ArticleCard[]> {
  const db = options.db ?? getPublicDb();
  let query = db
    .select(cardColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(images, eq(images.id, articles.heroImageId))
    .$dynamic();
  const conditions: SQL[] = [isPublic()];
  if (options.where) conditions.push(options.where);
  query = query.where(and(...conditions));
  const rows = await query
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);
  return toCards(rows, db);
}

/** Counts public articles matching `where` (`db`: getPublicDb() for public pages). */
export async function countPublic(where?: SQL, db: Database = getDb()): Promise<number> {
  const rows = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(articles)
    .where(where ? and(isPublic(), where) : isPublic());
  return rows[0]?.count ?? 0;
}
