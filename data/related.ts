import 'server-only';

import { inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cacheLife, cacheTag } from 'next/cache';

import { getDb, getPublicDb, getReplicaDb, type Database } from '@/db/client';
import { articleRelatedPicks, articleTags, articles, sections, tags } from '@/db/schema';
import { isPublic } from '@/db/visibility';
import { cacheTags } from '@/lib/cache-tags';
import type { RelatedStory } from '@/lib/dto';
import { RELATED_LIMIT, RELATED_WEIGHTS, dropNearDuplicates, reasonFor, type ScoredCandidate } from '@/lib/related';

import { isSerialId } from './cache-arguments';
import { HOUR, getNextScheduledChange, lifetimeUntil } from './cache-life';
import { countPublic, selectPublicCards } from './cards';

/** Candidates drawn per shared tag (newest first) and from the same section. */
const PER_TAG_CANDIDATES = 100;
const SECTION_CANDIDATES = 30;
/** Candidates whose text is compared with the source's (the rest cannot reach the top anyway). */
const TEXT_RANKED = 40;
/** Scored rows fetched, so that dropping near-duplicates still leaves enough. */
const SCORED_ROWS = 15;
const FRESHNESS_DAYS = 180;

type ScoredRow = {
  id: number;
  headline: string;
  tag_score: number;
  best_tag: string | null;
  same_section: boolean;
  score: number;
};

/**
 * The blended score as one statement. Candidates are the newest stories sharing each of the source's tags plus the
 * newest in its section (index scans only), so the cost does not grow with the archive. Exported for the benchmark's
 * EXPLAIN.
 */
export function relatedCandidatesQuery(articleId: number, excludeIds: number[], stories: number): SQL {
  const a = alias(articles, 'a');
  const src = alias(articles, 'src');
  const x = alias(articleTags, 'x');
  const exclude = [articleId, ...excludeIds];
  return sql`
    with source as (
      select ${src.id} as id, ${src.sectionId} as section_id,
        (select to_tsquery('simple', string_agg(quote_literal(lexeme), ' | '))
           from unnest(to_tsvector('english', ${src.headline} || ' ' || ${src.dek}))) as query
      from ${articles} src where ${src.id} = ${articleId}
    ),
    source_tags as (
      select st.tag_id, ${tags.name} as name,
        ln(1 + ${stories}::float8 / greatest(1, (select count(*) from ${articleTags} c where c.tag_id = st.tag_id))) as rarity
      from ${articleTags} st join ${tags} on ${tags.id} = st.tag_id
      where st.article_id = ${articleId}
    ),
    candidates as (
      select picked.article_id as id from source_tags
      cross join lateral (
        select ${x.articleId} as article_id from ${articleTags} x
        where ${x.tagId} = source_tags.tag_id
        order by ${x.articleId} desc
        limit ${PER_TAG_CANDIDATES}
      ) picked
      union
      select newest.id from source
      cross join lateral (
        select ${a.id} as id from ${articles} a
        where ${a.sectionId} = source.section_id and ${isPublic(a)}
        order by ${a.publishedAt} desc, ${a.id} desc
        limit ${SECTION_CANDIDATES}
      ) newest
    ),
    prescored as (
      select ${a.id} as id, ${a.headline} as headline, ${a.searchVector} as search_vector,
        coalesce(shared.tag_score, 0) as tag_score,
        shared.best_tag,
        ${a.sectionId} = source.section_id as same_section,
        exp(-greatest(0, extract(epoch from now() - ${a.publishedAt})) / ${FRESHNESS_DAYS * 86400}::float8) as freshness
      from candidates c
      join ${articles} a on ${a.id} = c.id
      cross join source
      left join lateral (
        select sum(source_tags.rarity) as tag_score,
          (array_agg(source_tags.name order by source_tags.rarity desc, source_tags.name))[1] as best_tag
        from ${articleTags} shared_tag join source_tags on source_tags.tag_id = shared_tag.tag_id
        where shared_tag.article_id = ${a.id}
      ) shared on true
      where ${isPublic(a)} and ${a.id} not in (${sql.join(exclude.map((id) => sql`${id}`), sql`, `)})
    ),
    -- Reading a body's search vector is the expensive part: rank only the best candidates by the other signals.
    shortlist as (
      select * from prescored
      order by ${RELATED_WEIGHTS.tag} * tag_score + ${RELATED_WEIGHTS.section} * same_section::int + ${RELATED_WEIGHTS.freshness} * freshness desc, id desc
      limit ${TEXT_RANKED}
    ),
    scored as (
      select shortlist.*, coalesce(ts_rank(shortlist.search_vector, source.query), 0) as text_score
      from shortlist cross join source
    )
    select id, headline, tag_score::float8, best_tag, same_section,
      (${RELATED_WEIGHTS.tag} * tag_score + ${RELATED_WEIGHTS.section} * same_section::int
        + ${RELATED_WEIGHTS.text} * text_score + ${RELATED_WEIGHTS.freshness} * freshness)::float8 as score
    from scored
    order by score desc, id desc
    limit ${SCORED_ROWS}`;
}

/** Scored candidates for the sidebar, best first (before editor picks and near-duplicates are applied). */
export async function scoreRelatedCandidates(articleId: number, excludeIds: number[] = [], archiveSize?: number, db: Database = getDb()): Promise<ScoredCandidate[]> {
  // A tag's rarity is ln(1 + public stories / stories carrying the tag): its inverse document frequency.
  const stories = archiveSize ?? (await countPublic(undefined, db));
  const rows = await db.execute<ScoredRow>(relatedCandidatesQuery(articleId, excludeIds, stories));
  return rows.map((row) => ({
    id: Number(row.id),
    headline: row.headline,
    tagScore: Number(row.tag_score),
    bestTag: row.best_tag,
    sameSection: row.same_section,
    score: Number(row.score),
  }));
}

/** The editor's picks for an article that are public now, in the editor's order. */
async function listPublicPicks(articleId: number, db: Database): Promise<number[]> {
  const picked = alias(articles, 'picked');
  const rows = await db
    .select({ id: articleRelatedPicks.relatedArticleId })
    .from(articleRelatedPicks)
    .innerJoin(picked, sql`${picked.id} = ${articleRelatedPicks.relatedArticleId}`)
    .where(sql`${articleRelatedPicks.articleId} = ${articleId} and ${isPublic(picked)}`)
    .orderBy(articleRelatedPicks.position);
  return rows.map((row) => row.id);
}

/** The number of public stories, for tag rarity. Counting 100,000 rows is not free, and it moves slowly. */
async function getArchiveSize(): Promise<number> {
  'use cache';
  cacheTag(cacheTags.articles());
  cacheLife('hours');
  return countPublic(undefined, getPublicDb());
}

/**
 * Public: the related-stories sidebar of an article: editor picks first, then the best-scoring public stories,
 * never the story itself and never two near-duplicates, each with the reason it is there.
 */
export async function listRelatedStories(articleId: number): Promise<RelatedStory[]> {
  'use cache';
  cacheTag(cacheTags.articles(), cacheTags.article(articleId));
  cacheLife(lifetimeUntil(await getNextScheduledChange(), HOUR));
  if (!isSerialId(articleId)) return [];

  // One server for the whole sidebar (the scoring is raw SQL, which withReplicas would send to the primary).
  const db = getReplicaDb();
  const [source] = await db
    .select({ headline: articles.headline, sectionName: sections.name })
    .from(articles)
    .innerJoin(sections, sql`${sections.id} = ${articles.sectionId}`)
    .where(sql`${articles.id} = ${articleId} and ${isPublic()}`);
  // A story readers cannot see has no sidebar: its picks and its neighbours are not theirs to read from here.
  if (!source) return [];

  const pickIds = (await listPublicPicks(articleId, db)).slice(0, RELATED_LIMIT);
  const scored = await scoreRelatedCandidates(articleId, pickIds, await getArchiveSize(), db);
  const ids = [...pickIds, ...scored.map((candidate) => candidate.id)];
  const cards = ids.length ? await selectPublicCards({ where: inArray(articles.id, ids), limit: ids.length, db }) : [];
  const cardById = new Map(cards.map((card) => [card.id, card]));

  const picks = pickIds.flatMap((id) => {
    const card = cardById.get(id);
    return card ? [{ ...card, reason: "Editor's pick" }] : [];
  });
  const ranked = scored.flatMap((candidate) => {
    const card = cardById.get(candidate.id);
    return card ? [{ ...card, reason: reasonFor(candidate, source.sectionName) }] : [];
  });
  return dropNearDuplicates(source.headline, [...picks, ...ranked]);
}
