import 'server-only';

import { and, eq, sql } from 'drizzle-orm';

import { getDb } from '@/db/client';
import { articles, authors, images, sections, tagSlugHistory, tags, users } from '@/db/schema';
import { isPublic } from '@/db/visibility';
import type { DashboardRecord } from '@/lib/dashboard-access';
import { mayOpenStory } from '@/lib/permissions';
import type { ContentRoute } from '@/lib/public-routes';
import { isValidSlug } from '@/lib/slug';

import { findArticleRedirect } from './articles';
import { countPublic } from './cards';
import { PAGE_SIZE } from './lists';
import { livePageExists } from './live-entries';
import type { Viewer } from './viewer';

export type RouteResolution = { status: 'ok' } | { status: 'not-found' } | { status: 'moved'; location: string };

const OK: RouteResolution = { status: 'ok' };
const NOT_FOUND: RouteResolution = { status: 'not-found' };

async function pageExists(where: ReturnType<typeof sql>, page: number): Promise<boolean> {
  if (page === 1) return true;
  return (await countPublic(where)) > (page - 1) * PAGE_SIZE;
}

/**
 * Public: whether a content URL exists, has moved (old slug, wrong section) or is not there. The proxy asks before
 * the page renders, because a streamed page can no longer change its status code (docs/adr/0001). One or two
 * indexed lookups; the page itself renders from the cache.
 */
export async function resolveContentRoute(route: ContentRoute): Promise<RouteResolution> {
  const db = getDb();
  if (!isValidSlug(route.slug) || (route.kind === 'article' && !isValidSlug(route.section))) return NOT_FOUND;

  switch (route.kind) {
    case 'section': {
      const [section] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, route.slug)).limit(1);
      if (!section) return NOT_FOUND;
      return (await pageExists(sql`${articles.sectionId} = ${section.id}`, route.page)) ? OK : NOT_FOUND;
    }
    case 'tag': {
      const [tag] = await db.select({ id: tags.id }).from(tags).where(eq(tags.slug, route.slug)).limit(1);
      if (!tag) {
        // A tag merged into another: its address leads to the survivor's first page.
        const [merged] = await db
          .select({ slug: tags.slug })
          .from(tagSlugHistory)
          .innerJoin(tags, eq(tags.id, tagSlugHistory.tagId))
          .where(eq(tagSlugHistory.slug, route.slug))
          .limit(1);
        return merged ? { status: 'moved', location: `/tag/${merged.slug}` } : NOT_FOUND;
      }
      return (await pageExists(sql`${articles.id} in (select article_id from article_tags where tag_id = ${tag.id})`, route.page)) ? OK : NOT_FOUND;
    }
    case 'author': {
      const [author] = await db.select({ id: authors.id }).from(authors).where(eq(authors.slug, route.slug)).limit(1);
      if (!author) return NOT_FOUND;
      return (await pageExists(sql`${articles.id} in (select article_id from article_authors where author_id = ${author.id})`, route.page)) ? OK : NOT_FOUND;
    }
    case 'article': {
      const [current] = await db
        .select({ id: articles.id, section: sections.slug, format: articles.format })
        .from(articles)
        .innerJoin(sections, eq(sections.id, articles.sectionId))
        .where(and(eq(articles.slug, route.slug), isPublic()))
        .limit(1);
      if (current && current.section !== route.section) return { status: 'moved', location: `/${current.section}/${route.slug}` };
      if (current) {
        // A page of entries past the last, or asked of a story that is not a live blog, is no page.
        const livePage = route.livePage ?? 1;
        return livePage === 1 || (current.format === 'live' && (await livePageExists(current.id, livePage))) ? OK : NOT_FOUND;
      }
      const moved = await findArticleRedirect(route.slug);
      return moved ? { status: 'moved', location: `/${moved.sectionSlug}/${moved.slug}` } : NOT_FOUND;
    }
  }
}

/**
 * Proxy, dashboard: whether the record a dashboard page is about exists for this viewer (a contributor sees only
 * the articles they started), so a forged or stale id answers 404 before the page streams. Status codes only: the
 * page and every action check the viewer again themselves.
 */
export async function dashboardRecordExists(viewer: Viewer, record: DashboardRecord): Promise<boolean> {
  const db = getDb();
  const found = async (query: Promise<unknown[]>) => (await query).length > 0;
  if (record.area === 'people') return found(db.select({ id: users.id }).from(users).where(eq(users.id, record.id)).limit(1));
  const { id } = record;
  switch (record.area) {
    case 'articles': {
      const [row] = await db.select({ createdBy: articles.createdBy }).from(articles).where(eq(articles.id, id)).limit(1);
      return !!row && mayOpenStory(viewer, row);
    }
    case 'authors':
      return found(db.select({ id: authors.id }).from(authors).where(eq(authors.id, id)).limit(1));
    case 'images':
      return found(db.select({ id: images.id }).from(images).where(eq(images.id, id)).limit(1));
    case 'sections':
      return found(db.select({ id: sections.id }).from(sections).where(eq(sections.id, id)).limit(1));
    case 'tags':
      return found(db.select({ id: tags.id }).from(tags).where(eq(tags.id, id)).limit(1));
  }
}
