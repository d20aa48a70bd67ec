import 'server-only';

import { and, inArray, sql, type SQL } from 'drizzle-orm';

import { cacheLife, cacheTag } from 'next/cache';

import { getPublicDb, getReplicaDb } from '@/db/client';
import { articles, authors, sections } from '@/db/schema';
import { isPublic } from '@/db/visibility';
import { cacheTags } from '@/lib/cache-tags';
import type { ArticleCard, AuthorRef } from '@/lib/dto';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, highlightToHtml } from '@/lib/html';
import { applyCorrections, chooseCorrection, queryWords, requiredPhrases, type WordCandidate } from '@/lib/spelling';
import type { SearchInput } from '@/lib/validation/search';

import { selectPublicCards } from './cards';

export const SEARCH_PAGE_SIZE = 10;
/** Ranking reads every candidate's vector: for very common words, rank the newest matches only. */
const MAX_RANKED = 500;
/** Counting every match of a word that is in most stories costs more than the search itself: stop here. */
export const COUNT_CAP = 1000;
/** Below this many results, also look for near spellings of headlines and names. */
const FUZZY_BELOW = 3;

export type SearchHit = ArticleCard & { snippetHtml: string };

/**
 * A spelling correction of the query: `applied` when the typed words found nothing and the results shown are the
 * corrected query's ("Showing results for …"); otherwise a suggestion ("Did you mean …?").
 */
export type SearchCorrection = { query: string; applied: boolean };

export type SearchResult = {
  /** The query whose results these are: the typed one, or its correction when that was applied. */
  query: string;
  correction: SearchCorrection | null;
  hits: SearchHit[];
  /** Matches, counted up to COUNT_CAP + 1 (more than COUNT_CAP means "over a thousand"). */
  total: number;
  page: number;
  pageCount: number;
  /** Headlines spelled like the query (typo tolerance), when the plain search finds little. */
  similarHeadlines: ArticleCard[];
  similarAuthors: AuthorRef[];
};

const EMPTY: SearchResult = { query: '', correction: null, hits: [], total: 0, page: 1, pageCount: 1, similarHeadlines: [], similarAuthors: [] };
/** At most this many words of a query are checked against the word list. */
const MAX_CHECKED_WORDS = 8;
/** The nearest words by trigrams among which the correction is chosen. */
const CANDIDATES_PER_WORD = 30;

type Db = ReturnType<typeof getReplicaDb>;
type Matches = Pick<SearchResult, 'hits' | 'total' | 'page' | 'pageCount'>;

/** Does the query use a "phrase" or a -exclusion (operators that need word positions)? */
export function needsPositions(q: string): boolean {
  return /"|(^|\s)-\S/.test(q);
}

function filters(input: SearchInput): SQL[] {
  const conditions: SQL[] = [isPublic()];
  if (input.section) conditions.push(sql`${articles.sectionId} = (select id from ${sections} where ${sections.slug} = ${input.section})`);
  if (input.author) {
    conditions.push(sql`${articles.id} in (select article_id from article_authors aa join ${authors} on ${authors.id} = aa.author_id where ${authors.slug} = ${input.author})`);
  }
  if (input.from) conditions.push(sql`${articles.publishedAt} >= ${input.from}::date`);
  if (input.to) conditions.push(sql`${articles.publishedAt} < ${input.to}::date + 1`);
  return conditions;
}

/**
 * Public: full-text search over published, due stories. websearch_to_tsquery syntax ("phrases", -exclusion, or),
 * ranked by ts_rank_cd on the weighted vector (headline A, standfirst B, body C) with a little freshness, among the
 * newest MAX_RANKED matches, with highlighted, HTML-escaped snippets. Not cached: queries are too varied to be worth it.
 */
export async function searchArticles(input: SearchInput): Promise<SearchResult> {
  if (!input.q) return EMPTY;
  // One server for the whole search, a replica when there are some: its transaction only sets planner options.
  const db = getReplicaDb();
  // The spelling is checked first (a look-up in the word list; for known words no more than that). A query with a
  // word the archive does not know usually finds nothing as typed: then only whether it finds anything is asked,
  // and the corrected query is the one searched and ranked. A misspelt search costs about its correction's search.
  const corrected = input.exact ? null : await correctSpelling(db, input.q);
  let matches: Matches;
  let query = input.q;
  let correction: SearchCorrection | null = null;
  if (corrected && !(await findsAny(db, input))) {
    matches = await findMatches(db, { ...input, q: corrected });
    if (matches.total > 0) {
      correction = { query: corrected, applied: true };
      query = corrected;
    } else {
      matches = NOTHING;
    }
  } else {
    matches = await findMatches(db, input);
    if (corrected && matches.total < FUZZY_BELOW) {
      const alternative = await findMatches(db, { ...input, q: corrected });
      if (alternative.total > matches.total) correction = { query: corrected, applied: false };
    }
  }

  let similarHeadlines: ArticleCard[] = [];
  let similarAuthors: AuthorRef[] = [];
  // Typo tolerance is for plain words; a "phrase" or an -exclusion is typed on purpose.
  if (matches.total < FUZZY_BELOW && input.q.length >= 3 && !needsPositions(input.q)) {
    // pg_trgm: "harbor wals" still finds "Harbour walls"; the GIN trigram indexes serve `%`.
    const near = await db
      .select({ id: articles.id })
      .from(articles)
      .where(and(...filters(input), sql`${articles.headline} % ${input.q}`))
      .orderBy(sql`similarity(${articles.headline}, ${input.q}) desc`)
      .limit(5);
    const nearIds = near.map((row) => row.id).filter((id) => !matches.hits.some((hit) => hit.id === id));
    similarHeadlines = nearIds.length ? await selectPublicCards({ where: inArray(articles.id, nearIds), limit: nearIds.length, db }) : [];
    similarAuthors = await db
      .select({ name: authors.name, slug: authors.slug })
      .from(authors)
      .where(sql`${authors.name} % ${input.q}`)
      .orderBy(sql`similarity(${authors.name}, ${input.q}) desc`)
      .limit(3);
  }
  return { query, correction, ...matches, similarHeadlines, similarAuthors };
}

/**
 * The query with each word the archive does not know replaced by its most likely correction (lib/spelling.ts)
 * among the nearest words of the word list by trigrams (`%`, GIN index); null when there is nothing to correct.
 * A word counts as known when the word list has it or it is an English stop word (the search ignores those).
 */
export async function correctSpelling(db: Db, q: string): Promise<string | null> {
  const words = queryWords(q).slice(0, MAX_CHECKED_WORDS);
  const distinct = [...new Set(words.map((word) => word.word))];
  if (distinct.length === 0) return null;
  // Known words are not looked up: a word like `term100` is near thousands of others by trigrams.
  const rows = await db.execute<{ typed: string; known: boolean; word: string | null; documents: number | null; similarity: number | null }>(sql`
    with typed as (
      select w as word, ts_lexize('english_stem', w) = '{}' or exists (select 1 from search_words k where k.word = w) as known
      from unnest(array[${sql.join(distinct.map((word) => sql`${word}`), sql`, `)}]::text[]) as w
    )
    select typed.word as typed, typed.known, near.word, near.documents, near.similarity
    from typed
    left join lateral (
      select s.word, s.documents, similarity(s.word, typed.word) as similarity
      from search_words s
      where not typed.known and s.word % typed.word
      order by s.word <-> typed.word, s.documents desc
      limit ${CANDIDATES_PER_WORD}
    ) near on true`);
  const candidates = new Map<string, WordCandidate[]>();
  const known = new Set<string>();
  for (const row of rows) {
    if (row.known) known.add(row.typed);
    if (row.word === null) continue;
    const list = candidates.get(row.typed) ?? [];
    list.push({ word: row.word, documents: Number(row.documents), similarity: Number(row.similarity) });
    candidates.set(row.typed, list);
  }
  const corrections = new Map<string, string>();
  for (const word of distinct) {
    if (known.has(word)) continue;
    const correction = chooseCorrection(word, candidates.get(word) ?? []);
    if (correction) corrections.set(word, correction);
  }
  return applyCorrections(q, words, corrections);
}

/** At most this many pairs of a phrase query are looked up (each narrows the candidates further). */
const MAX_PAIRS = 6;

/** The pairs of neighbouring lexemes every match of the query must have (none when the query has `or`). */
async function phrasePairs(db: Db, q: string): Promise<string[]> {
  const phrases = requiredPhrases(q);
  if (phrases.length === 0) return [];
  const [row] = await db.execute<{ pairs: string[] | null }>(sql`
    select array(
      select distinct pair from unnest(array[${sql.join(phrases.map((phrase) => sql`${phrase}`), sql`, `)}]::text[]) as phrase,
        unnest(search_pairs_of(phrase)) as pair
      order by pair limit ${MAX_PAIRS}) as pairs`);
  return row?.pairs ?? [];
}

/** What a query that finds nothing answers (its page is the first and only one). */
const NOTHING: Matches = { hits: [], total: 0, page: 1, pageCount: 1 };

/** The public stories the query finds, within the search's filters. */
function matching(input: SearchInput): SQL | undefined {
  return and(...filters(input), sql`${articles.searchVector} @@ websearch_to_tsquery('english', ${input.q})`);
}

/**
 * Whether the query finds any public story at all (one GIN look-up; nothing is ranked or counted). The GIN bitmap is
 * the only plan: for a word nobody wrote, PostgreSQL would otherwise expect an early match and walk the archive (in
 * full, or newest first by an index), reading every story's vector out of TOAST (1.1 s at 100,000 stories).
 */
async function findsAny(db: Db, input: SearchInput): Promise<boolean> {
  const [row] = await db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_indexscan = off`);
    return tx.execute<{ found: boolean }>(sql`select exists (select 1 from ${articles} where ${matching(input)}) as found`);
  });
  return Boolean(row?.found);
}

/** The matches of one query: a page of ranked hits with snippets, and how many there are. */
async function findMatches(db: Db, input: SearchInput): Promise<Matches> {
  const query = sql`websearch_to_tsquery('english', ${input.q})`;
  const where = matching(input);

  const rankedPage = (page: number) => sql`
    ranked as (
      select id, row_number() over (
        order by ts_rank_cd(vector, ${query}) * (1 + 0.5 * exp(-extract(epoch from now() - published_at) / (86400 * 365.0))) desc, id desc
      ) as position
      from candidates
    ),
    page as (
      select id, position from ranked
      where position > ${(page - 1) * SEARCH_PAGE_SIZE} and position <= ${page * SEARCH_PAGE_SIZE}
    ),
    hits as (
      select page.id, page.position,
        ts_headline('english', ${articles.dek} || ' ' || regexp_replace(${articles.body}, '[#>*_\`|-]+', ' ', 'g'), ${query},
          ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) as snippet
      from page join ${articles} on ${articles.id} = page.id
    )`;

  let total: number;
  let page: number;
  let ranked: { id: number; snippet: string | null }[];
  if (needsPositions(input.q)) {
    // Phrases and exclusions must re-read each matching vector, and PostgreSQL badly overestimates how many stories
    // a phrase matches, then walks the whole archive newest-first. Collect the matches once through the GIN index.
    // A phrase's pairs of neighbouring words narrow the candidates to the stories that have those pairs (migration
    // 0015) instead of every story with both words; the vector still decides.
    const pairs = await phrasePairs(db, input.q);
    const matchesCte = pairs.length
      ? sql`pair_hits as materialized (
            select article_id as id from search_word_sources where pairs @> array[${sql.join(pairs.map((pair) => sql`${pair}`), sql`, `)}]::text[]),
          matches as materialized (
            select ${articles.id} as id, ${articles.publishedAt} as published_at from pair_hits join ${articles} on ${articles.id} = pair_hits.id where ${where})`
      : sql`matches as materialized (select ${articles.id} as id, ${articles.publishedAt} as published_at from ${articles} where ${where})`;
    const result = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      if (!pairs.length) await tx.execute(sql`set local enable_indexscan = off`);
      return tx.execute<{ total: number; id: number | null; snippet: string | null }>(sql`
        with ${matchesCte},
        candidates as (
          select m.id, a.search_vector as vector, m.published_at
          from (select * from matches order by published_at desc limit ${MAX_RANKED}) m join ${articles} a on a.id = m.id
        ),
        ${rankedPage(input.page)}
        select (select count(*)::int from matches) as total, hits.id, hits.snippet from (select 1) one left join hits on true
        order by hits.position`);
    });
    total = Number(result[0]?.total ?? 0);
    page = input.page;
    ranked = result.flatMap((row) => (row.id === null ? [] : [{ id: Number(row.id), snippet: row.snippet }]));
  } else {
    // The count and the ranked page are independent: asked together, the search costs one round trip, not two. The
    // page asked for is ranked at once; only a page past the last (a stale link) is ranked again, as the last page.
    const rankPage = (at: number) =>
      db.execute<{ id: number; snippet: string }>(sql`
        with candidates as (
          select ${articles.id} as id, ${articles.searchVector} as vector, ${articles.publishedAt} as published_at
          from ${articles} where ${where}
          order by ${articles.publishedAt} desc
          limit ${MAX_RANKED}
        ),
        ${rankedPage(at)}
        select id, snippet from hits order by position`);
    const [[countRow], asked] = await Promise.all([
      // Newest first, as the ranking reads them: for a word in most stories PostgreSQL then reads the newest stories
      // until it has counted enough (its statistics know the word is common) instead of building a bitmap of them all.
      db.execute<{ total: number }>(
        sql`select count(*)::int as total from (select 1 from ${articles} where ${where} order by ${articles.publishedAt} desc limit ${COUNT_CAP + 1}) matches`,
      ),
      rankPage(input.page),
    ]);
    total = Number(countRow?.total ?? 0);
    page = Math.min(input.page, Math.max(1, Math.ceil(Math.min(total, MAX_RANKED) / SEARCH_PAGE_SIZE)));
    ranked = page === input.page || total === 0 ? [...asked] : await rankPage(page);
  }
  // Only the ranked window can be paged through.
  const pageCount = Math.max(1, Math.ceil(Math.min(total, MAX_RANKED) / SEARCH_PAGE_SIZE));

  let hits: SearchHit[] = [];
  if (ranked.length > 0) {
    const order = ranked.map((row) => Number(row.id));
    const cards = await selectPublicCards({ where: inArray(articles.id, order), limit: order.length, db });
    const byId = new Map(cards.map((card) => [card.id, card]));
    hits = ranked.flatMap((row) => {
      const card = byId.get(Number(row.id));
      return card ? [{ ...card, snippetHtml: highlightToHtml(row.snippet ?? '') }] : [];
    });
  }

  return { hits, total, page, pageCount };
}

/** Public: sections and authors for the search filters. */
export async function listSearchFilters(): Promise<{ sections: { slug: string; name: string }[]; authors: AuthorRef[] }> {
  'use cache';
  cacheTag(cacheTags.sections(), cacheTags.articles());
  cacheLife('hours');
  const db = getPublicDb();
  const [sectionRows, authorRows] = await Promise.all([
    db.select({ slug: sections.slug, name: sections.name }).from(sections).orderBy(sections.position, sections.name),
    db.select({ slug: authors.slug, name: authors.name }).from(authors).orderBy(authors.name),
  ]);
  return { sections: sectionRows, authors: authorRows };
}


