import 'server-only';

import { inArray, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cacheLife, cacheTag } from 'next/cache';

import { getPublicDb, getReplicaDb } from '@/db/client';
import { articles, sections } from '@/db/schema';
import { isPublic } from '@/db/visibility';
import { cacheTags } from '@/lib/cache-tags';
import type { ArticleCard, FrontPage, Page, SectionPage } from '@/lib/dto';

import { isSerialId } from './cache-arguments';
import { HOUR, getNextScheduledChange, lifetimeUntil } from './cache-life';
import { countPublic, selectPublicCards } from './cards';
import { publicPinnedIds, publicSectionFeatures } from './curation';

export const PAGE_SIZE = 20;
const RAIL_SIZE = 4;
const TOP_STORIES = 4;
const LATEST = 10;
const HEAD_WINDOW = 20;

/** Lists live for an hour at most, and never past the minute a scheduled story falls due or one expires. */
async function listLifetime() {
  cacheTag(cacheTags.articles());
  cacheLife(lifetimeUntil(await getNextScheduledChange(), HOUR));
}

/** What a list page is for an id or page number that is not one (data/cache-arguments.ts). */
const NO_PAGE: Page<ArticleCard> = { items: [], page: 1, total: 0, pageCount: 1 };

async function paginate(where: ReturnType<typeof sql>, page: number): Promise<Page<ArticleCard>> {
  const [items, total] = await Promise.all([
    selectPublicCards({ where, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    countPublic(where, getPublicDb()),
  ]);
  return { items, page, total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/**
 * Public: one page of a section's stories. The stories its editors feature come first on page 1 (docs/adr/0013);
 * the rest follow newest first, so no story shows twice and the pages stay the same length.
 */
export async function listSectionArticles(sectionId: number, sectionSlug: string, page: number): Promise<SectionPage> {
  'use cache';
  cacheTag(cacheTags.section(sectionSlug));
  await listLifetime();
  if (!isSerialId(sectionId) || !isSerialId(page)) return { ...NO_PAGE, featured: [] };
  const db = getPublicDb();
  const featuredIds = await publicPinnedIds(db, sectionId);
  const featured = page === 1 && featuredIds.length ? inOrder(await selectPublicCards({ where: inArray(articles.id, featuredIds), limit: featuredIds.length, db }), featuredIds) : [];
  const where = featuredIds.length
    ? sql`${articles.sectionId} = ${sectionId} and ${notInArray(articles.id, featuredIds)}`
    : sql`${articles.sectionId} = ${sectionId}`;
  return { ...(await paginate(where, page)), featured };
}

/** Public: one page of a tag's stories, newest first. */
export async function listTagArticles(tagId: number, tagSlug: string, page: number): Promise<Page<ArticleCard>> {
  'use cache';
  cacheTag(cacheTags.tag(tagSlug));
  await listLifetime();
  if (!isSerialId(tagId) || !isSerialId(page)) return NO_PAGE;
  return paginate(sql`${articles.id} in (select article_id from article_tags where tag_id = ${tagId})`, page);
}

/** Public: one page of an author's stories, newest first. */
export async function listAuthorArticles(authorId: number, page: number): Promise<Page<ArticleCard>> {
  'use cache';
  cacheTag(cacheTags.author(authorId));
  await listLifetime();
  if (!isSerialId(authorId) || !isSerialId(page)) return NO_PAGE;
  return paginate(sql`${articles.id} in (select article_id from article_authors where author_id = ${authorId})`, page);
}

/** Cards in the order of `ids` (a query returns them newest first). */
function inOrder(cards: ArticleCard[], ids: number[]): ArticleCard[] {
  const byId = new Map(cards.map((card) => [card.id, card]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Public: the front page. The editors' pinned stories come first (the first pinned is the lead, the next ones top
 * stories; docs/adr/0013); the rest fills by time: the lead is the newest story with a picture, top stories the
 * next few. Then a rail per section (its featured stories first, then its newest), then the latest news not
 * already shown.
 */
export async function getFrontPage(): Promise<FrontPage> {
  'use cache';
  cacheTag(cacheTags.sections(), cacheTags.frontPage());
  await listLifetime();
  // One server for the whole page (the rail is raw SQL, which withReplicas would send to the primary).
  const db = getReplicaDb();

  const [pinnedIds, features] = await Promise.all([publicPinnedIds(db, null), publicSectionFeatures(db)]);
  const featuredIds = [...features.values()].flat();
  const wanted = [...new Set([...pinnedIds, ...featuredIds])];
  // The newest stories, in one index scan, and the pinned and featured ones by id.
  const [newest, chosen] = await Promise.all([
    selectPublicCards({ limit: HEAD_WINDOW, db }),
    wanted.length ? selectPublicCards({ where: inArray(articles.id, wanted), limit: wanted.length, db }) : Promise.resolve([]),
  ]);
  const pinned = inOrder(chosen, pinnedIds);
  const unpinned = newest.filter((card) => !pinnedIds.includes(card.id));
  const lead = pinned[0] ?? unpinned.find((card) => card.hero !== null) ?? unpinned[0] ?? null;
  const top = [...pinned.slice(1), ...unpinned.filter((card) => card !== lead)].slice(0, TOP_STORIES);
  const shown = [lead, ...top].flatMap((card) => (card ? [card.id] : []));

  // One index scan per section (LATERAL), instead of ranking the whole archive.
  const a = alias(articles, 'a');
  const railRows = await db.execute<{ id: number }>(sql`
    select r.id
    from ${sections}
    cross join lateral (
      select ${a.id} as id from ${articles} a
      where ${a.sectionId} = ${sections.id} and ${isPublic(a)}
        ${shown.length ? sql`and ${a.id} not in (${sql.join(shown.map((id) => sql`${id}`), sql`, `)})` : sql``}
      order by ${a.publishedAt} desc, ${a.id} desc
      limit ${RAIL_SIZE}
    ) r`);
  const railIds = railRows.map((row) => row.id);
  const railCards = railIds.length
    ? await selectPublicCards({ where: inArray(articles.id, railIds), limit: railIds.length, db })
    : [];
  const sectionList = await db.select({ id: sections.id, name: sections.name, slug: sections.slug }).from(sections).orderBy(sections.position, sections.name);
  const rails = sectionList
    .map((section) => {
      const featured = inOrder(chosen, features.get(section.id) ?? []).filter((card) => !shown.includes(card.id));
      const newestInSection = railCards.filter((card) => card.section.slug === section.slug && !featured.some((chosenCard) => chosenCard.id === card.id));
      return { section: { name: section.name, slug: section.slug }, articles: [...featured, ...newestInSection].slice(0, RAIL_SIZE) };
    })
    .filter((rail) => rail.articles.length > 0);

  const onPage = [...shown, ...rails.flatMap((rail) => rail.articles.map((card) => card.id))];
  const latest = await selectPublicCards({ where: onPage.length ? notInArray(articles.id, onPage) : undefined, limit: LATEST, db });
  return { lead, top, rails, latest };
}
