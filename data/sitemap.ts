import 'server-only';

import { desc, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';

import { getPublicDb, getReplicaDb } from '@/db/client';
import { articles, authors, sections, tags } from '@/db/schema';
import { isPublic } from '@/db/visibility';
import { cacheTags } from '@/lib/cache-tags';
import { SITE_PAGES, SITE_PAGES_UPDATED } from '@/lib/site-pages';

import { isSerialId } from './cache-arguments';
import { HOUR, getNextScheduledChange, lifetimeUntil } from './cache-life';
import { countPublic } from './cards';

/** Article URLs per sitemap file (the protocol allows 50,000; smaller files are kinder to crawlers and to us). */
export const SITEMAP_CHUNK = 5000;

export type SitemapPath = { path: string; lastmod: string | null };

async function listLifetime() {
  cacheTag(cacheTags.articles(), cacheTags.sections());
  cacheLife(lifetimeUntil(await getNextScheduledChange(), HOUR));
}

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/** Public: how many public articles there are (decides between one sitemap and an index). */
export async function countSitemapArticles(): Promise<number> {
  'use cache';
  await listLifetime();
  return countPublic(undefined, getPublicDb());
}

/** Public: one chunk (1-based) of public article paths, oldest first so chunks stay stable as the archive grows. */
export async function listSitemapArticles(chunk: number): Promise<SitemapPath[]> {
  'use cache';
  await listLifetime();
  if (!isSerialId(chunk)) return [];
  const rows = await getReplicaDb().execute<{ section: string; slug: string; lastmod: Date | string | null }>(sql`
    select ${sections.slug} as section, ${articles.slug} as slug, greatest(${articles.publishedAt}, ${articles.updatedAt}) as lastmod
    from ${articles} join ${sections} on ${sections.id} = ${articles.sectionId}
    where ${isPublic()}
    order by ${articles.publishedAt}, ${articles.id}
    limit ${SITEMAP_CHUNK} offset ${(chunk - 1) * SITEMAP_CHUNK}`);
  return rows.map((row) => ({ path: `/${row.section}/${row.slug}`, lastmod: iso(row.lastmod) }));
}

/** Public: the front page, every section, tag and author page that has public stories, with their newest story's date. */
export async function listSitemapPages(): Promise<SitemapPath[]> {
  'use cache';
  await listLifetime();
  const db = getReplicaDb();
  const [front] = await db.select({ lastmod: articles.publishedAt }).from(articles).where(isPublic()).orderBy(desc(articles.publishedAt)).limit(1);
  const newestBy = (join: ReturnType<typeof sql>) =>
    db.execute<{ slug: string; lastmod: Date | string | null }>(sql`
      select owner.slug, max(${articles.publishedAt}) as lastmod ${join} and ${isPublic()} group by owner.slug order by owner.slug`);
  const [sectionRows, tagRows, authorRows] = await Promise.all([
    newestBy(sql`from ${sections} owner join ${articles} on ${articles.sectionId} = owner.id where true`),
    newestBy(sql`from ${tags} owner join article_tags at on at.tag_id = owner.id join ${articles} on ${articles.id} = at.article_id where true`),
    newestBy(sql`from ${authors} owner join article_authors aa on aa.author_id = owner.id join ${articles} on ${articles.id} = aa.article_id where true`),
  ]);
  return [
    { path: '/', lastmod: iso(front?.lastmod ?? null) },
    ...sectionRows.map((row) => ({ path: `/${row.slug}`, lastmod: iso(row.lastmod) })),
    ...tagRows.map((row) => ({ path: `/tag/${row.slug}`, lastmod: iso(row.lastmod) })),
    ...authorRows.map((row) => ({ path: `/author/${row.slug}`, lastmod: iso(row.lastmod) })),
    ...SITE_PAGES.map((page) => ({ path: `/${page.slug}`, lastmod: SITE_PAGES_UPDATED })),
  ];
}

/** Public: stories published in the last 48 hours, for the Google News sitemap. */
export async function listRecentForNews(): Promise<{ path: string; title: string; publishedAt: string }[]> {
  'use cache';
  await listLifetime();
  const rows = await getReplicaDb().execute<{ section: string; slug: string; headline: string; published_at: Date | string }>(sql`
    select ${sections.slug} as section, ${articles.slug} as slug, ${articles.headline} as headline, ${articles.publishedAt} as published_at
    from ${articles} join ${sections} on ${sections.id} = ${articles.sectionId}
    where ${isPublic()} and ${articles.publishedAt} > now() - interval '48 hours'
    order by ${articles.publishedAt} desc
    limit 1000`);
  return rows.map((row) => ({ path: `/${row.section}/${row.slug}`, title: row.headline, publishedAt: new Date(row.published_at).toISOString() }));
}
